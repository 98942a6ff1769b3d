/**
 * Failures of a REST call to the engine as the real connector's Java client reports them
 * (`java.net.ConnectException: Connection refused`, ...), so logs, task traces and validate()
 * messages read like the real connector's.
 */

/** A non-2xx answer: the Elasticsearch low-level client's ResponseException. */
export class ResponseException extends Error {
  static readonly javaClassName = 'org.elasticsearch.client.ResponseException';
  constructor(
    readonly status: number,
    method: string,
    host: string,
    uri: string,
    statusText: string,
    body: string,
  ) {
    const line = `method [${method}], host [${host}], URI [${uri}], status line [HTTP/1.1 ${status} ${statusText}]`;
    super(body === '' ? line : `${line}\n${body.slice(0, 2000)}`);
    this.name = 'ResponseException';
  }

  override toString(): string {
    return `${ResponseException.javaClassName}: ${this.message}`;
  }
}

/** An I/O failure carrying the Java exception class and message the real client would show. */
export class JavaIoException extends Error {
  constructor(
    readonly javaClassName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = javaClassName.slice(javaClassName.lastIndexOf('.') + 1);
  }

  override toString(): string {
    return `${this.javaClassName}: ${this.message}`;
  }
}

interface NodeCause {
  code?: string;
  hostname?: string;
  message?: string;
}

/** Node's error for a failed request → the Java exception the real client reports for it. */
export function javaIoError(e: unknown, host: string, timeoutMs: number): Error {
  if (e instanceof ResponseException || e instanceof JavaIoException) return e;
  const err = e as Error & NodeCause & { cause?: NodeCause };
  const code = err.code ?? err.cause?.code;
  const message = err.message ?? String(e);
  if (err.name === 'ConnectTimeoutError')
    return new JavaIoException('java.net.SocketTimeoutException', 'connect timed out', { cause: e });
  if (
    err.name === 'TimeoutError' ||
    err.name === 'AbortError' ||
    code === 'ETIMEDOUT' ||
    code === 'ESOCKETTIMEDOUT'
  )
    return new JavaIoException(
      'java.net.SocketTimeoutException',
      `${timeoutMs.toLocaleString('en-US')} milliseconds timeout on connection http-outgoing-0 [ACTIVE]`,
      { cause: e },
    );
  switch (code) {
    case 'ECONNREFUSED':
      return new JavaIoException('java.net.ConnectException', 'Connection refused', { cause: e });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new JavaIoException(
        'java.net.UnknownHostException',
        `${err.hostname ?? err.cause?.hostname ?? host}: Name or service not known`,
        { cause: e },
      );
    case 'ECONNRESET':
    case 'EPIPE':
      return new JavaIoException('java.net.SocketException', 'Connection reset', { cause: e });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new JavaIoException('java.net.NoRouteToHostException', 'No route to host', { cause: e });
    default:
      break;
  }
  if (code !== undefined && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_OSSL/.test(code))
    return new JavaIoException('javax.net.ssl.SSLHandshakeException', `${code}: ${message}`, { cause: e });
  return new JavaIoException('java.io.IOException', message, { cause: e });
}
