/**
 * The exception hierarchy of org.apache.kafka.connect.errors. Each class carries the Java class
 * name so traces, status `trace` strings and DLQ headers (`__connect.errors.exception.class.name`)
 * read exactly as a real worker writes them.
 */
export class ConnectException extends Error {
  static readonly javaClassName: string = 'org.apache.kafka.connect.errors.ConnectException';

  constructor(message?: string, options?: { cause?: unknown }) {
    super(message ?? '', options);
    this.name = new.target.name;
  }

  /** The Java class name of this exception (as a real worker would report it). */
  get javaClassName(): string {
    return (this.constructor as typeof ConnectException).javaClassName;
  }

  /** Java's Throwable.toString(): `<class name>: <message>` (or just the class name without a message). */
  override toString(): string {
    return this.message ? `${this.javaClassName}: ${this.message}` : this.javaClassName;
  }
}

export class DataException extends ConnectException {
  static override readonly javaClassName: string = 'org.apache.kafka.connect.errors.DataException';
}

export class SchemaBuilderException extends DataException {
  static override readonly javaClassName: string = 'org.apache.kafka.connect.errors.SchemaBuilderException';
}

export class SchemaProjectorException extends DataException {
  static override readonly javaClassName: string = 'org.apache.kafka.connect.errors.SchemaProjectorException';
}

/** An exception the framework may retry (errors.retry.timeout) instead of failing the task. */
export class RetriableException extends ConnectException {
  static override readonly javaClassName: string = 'org.apache.kafka.connect.errors.RetriableException';
}

export class NotFoundException extends ConnectException {
  static override readonly javaClassName: string = 'org.apache.kafka.connect.errors.NotFoundException';
}

export class AlreadyExistsException extends ConnectException {
  static override readonly javaClassName: string = 'org.apache.kafka.connect.errors.AlreadyExistsException';
}

export class IllegalWorkerStateException extends ConnectException {
  static override readonly javaClassName: string =
    'org.apache.kafka.connect.errors.IllegalWorkerStateException';
}

/** Java class name for any thrown value: Connect exceptions report theirs, anything else is a RuntimeException. */
export function javaClassNameOf(error: unknown): string {
  if (error instanceof ConnectException) return error.javaClassName;
  const own = (error as { javaClassName?: unknown } | null)?.javaClassName;
  if (typeof own === 'string') return own;
  // other Java-mirroring errors (e.g. runtime/config's ConfigException) declare it statically
  const ctor = (error as { constructor?: { javaClassName?: unknown } } | null)?.constructor;
  if (typeof ctor?.javaClassName === 'string') return ctor.javaClassName;
  return 'java.lang.RuntimeException';
}
