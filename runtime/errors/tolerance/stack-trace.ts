import { javaToString } from '../../config/java-compat';
import { javaClassNameOf } from '../../data/errors';

/** Throwable.getMessage(): null when there is none (Java exceptions without a message). */
export function javaMessage(error: unknown): string | null {
  if (error instanceof Error) return error.message === '' ? null : error.message;
  return error === null || error === undefined ? null : javaToString(error);
}

/** Throwable.toString(). */
export function javaToStringOf(error: unknown): string {
  const message = javaMessage(error);
  const cls = javaClassNameOf(error);
  return message === null ? cls : `${cls}: ${message}`;
}

/**
 * Throwable.printStackTrace() text: the throwable line, `\tat` frames, then `Caused by:` for each
 * cause. Frames are the JS ones (the text is informative; the differential test does not compare it).
 */
export function printStackTrace(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  let first = true;
  const seen = new Set<unknown>();
  while (current !== null && current !== undefined && !seen.has(current)) {
    seen.add(current);
    lines.push(`${first ? '' : 'Caused by: '}${javaToStringOf(current)}`);
    const stack = current instanceof Error && typeof current.stack === 'string' ? current.stack : '';
    for (const frame of stack.split('\n').slice(1)) {
      const f = frame.trim();
      if (f.startsWith('at ')) lines.push(`\t${f}`);
    }
    first = false;
    current = current instanceof Error ? current.cause : null;
  }
  return `${lines.join('\n')}\n`;
}
