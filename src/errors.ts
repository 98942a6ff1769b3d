/**
 * The extension's closed list of error codes. Every failure shown to the user is an ExtensionError whose
 * message names the cause and whose `nextStep` says what to do about it.
 */
export type ExtErrorCode =
  | 'connect-rest' // Connect answered with {error_code, message}
  | 'cluster-unreachable'
  | 'request-timeout'
  | 'bad-response'
  | 'invalid-connector-file'
  | 'missing-secret'
  | 'no-cluster'
  | 'lab-unavailable'
  | 'lab-start-failed'
  | 'runtime-crashed'
  | 'cancelled';

export class ExtensionError extends Error {
  override readonly name = 'ExtensionError';
  constructor(
    readonly code: ExtErrorCode,
    message: string,
    readonly options: { cause?: unknown; retriable?: boolean; nextStep?: string; httpStatus?: number } = {},
  ) {
    super(message, { cause: options.cause });
  }
  get retriable(): boolean {
    return this.options.retriable ?? false;
  }
  get nextStep(): string | undefined {
    return this.options.nextStep;
  }
  get httpStatus(): number | undefined {
    return this.options.httpStatus;
  }
}

export function isExtensionError(err: unknown, code?: ExtErrorCode): err is ExtensionError {
  return err instanceof ExtensionError && (code === undefined || err.code === code);
}

/** One line for a notification: message plus the next step when there is one. */
export function describeError(err: unknown): string {
  // The lab module's LabError carries a nextStep too; both read the same way.
  if (err instanceof Error) {
    const next = (err as { nextStep?: unknown }).nextStep;
    return typeof next === 'string' && next !== '' ? `${err.message} ${next}` : err.message;
  }
  return String(err);
}
