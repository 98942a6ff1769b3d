/**
 * JDK exceptions the real SMTs let escape (IllegalArgumentException from ExtractField, ...). They carry
 * `javaClassName` so javaClassNameOf() (runtime/data/errors.ts), the DLQ headers and the logs name them
 * exactly as a real worker does.
 */
export class IllegalArgumentError extends Error {
  readonly javaClassName: string = 'java.lang.IllegalArgumentException';
}

export class IndexOutOfBoundsError extends Error {
  readonly javaClassName: string = 'java.lang.IndexOutOfBoundsException';
}

export class NumberFormatError extends IllegalArgumentError {
  override readonly javaClassName: string = 'java.lang.NumberFormatException';
}

/** Java's Throwable.toString(): `<class>: <message>`. */
export function javaThrowableText(e: unknown): string {
  const cls = (e as { javaClassName?: unknown } | null)?.javaClassName;
  const name = typeof cls === 'string' ? cls : 'java.lang.RuntimeException';
  const message = e instanceof Error ? e.message : String(e);
  return message ? `${name}: ${message}` : name;
}
