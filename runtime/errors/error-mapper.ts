import type { ErrorMessage } from '../../protocol/connect-rest/entities';
import { AlreadyExistsException, NotFoundException, javaClassNameOf } from '../data/errors';
import { ConnectRestException } from './rest-errors';

export interface MappedError {
  status: number;
  body: ErrorMessage;
}

/** ConnectExceptionMapper: every error a REST call throws becomes `{error_code, message}`. */
export function mapError(error: unknown): MappedError {
  if (error instanceof ConnectRestException) {
    return { status: error.statusCode, body: { error_code: error.errorCode, message: error.message } };
  }
  if (error instanceof NotFoundException)
    return { status: 404, body: { error_code: 404, message: error.message } };
  if (error instanceof AlreadyExistsException) {
    return { status: 409, body: { error_code: 409, message: error.message } };
  }
  const message = error instanceof Error ? error.message : String(error);
  // Java's getMessage() is null for exceptions created without one (e.g. the NPE of an empty body).
  const body = { error_code: 500, message: message === '' ? null : message } as unknown as ErrorMessage;
  return { status: 500, body };
}

function describeThrown(value: unknown): string {
  return typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean'
    ? String(value)
    : (JSON.stringify(value) ?? 'null');
}

/**
 * A Java-printStackTrace-like text for status `trace` fields: `Class: message`, frames as `\tat ...`,
 * then `Caused by:` sections. Traces are informative; clients compare the first line at most.
 */
export function javaStackTrace(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    const message = current instanceof Error ? current.message : describeThrown(current);
    const head = `${javaClassNameOf(current)}${message ? `: ${message}` : ''}`;
    lines.push(depth === 0 ? head : `Caused by: ${head}`);
    if (current instanceof Error && current.stack) {
      for (const frame of current.stack.split('\n').slice(1)) {
        const trimmed = frame.trim();
        if (trimmed.startsWith('at ')) lines.push(`\t${trimmed}`);
      }
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines.join('\n') + '\n';
}
