/**
 * REST-level errors (org.apache.kafka.connect.runtime.rest.errors.*). The Connect exception
 * hierarchy itself (ConnectException, NotFoundException, ...) lives in runtime/data/errors.ts;
 * these add an HTTP status for the mapper.
 */
import { ConnectException } from '../data/errors';

/** ConnectRestException: an error that already knows its HTTP status and error code. */
export class ConnectRestException extends ConnectException {
  static override readonly javaClassName: string =
    'org.apache.kafka.connect.runtime.rest.errors.ConnectRestException';

  constructor(
    readonly statusCode: number,
    message: string,
    readonly errorCode: number = statusCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class BadRequestException extends ConnectRestException {
  static override readonly javaClassName: string =
    'org.apache.kafka.connect.runtime.rest.errors.BadRequestException';

  constructor(message: string, options?: { cause?: unknown }) {
    super(400, message, 400, options);
  }
}

/** Jersey's WebApplicationException family: unknown path (404), wrong method (405), bad media type (415). */
export class WebApplicationException extends ConnectRestException {
  static override readonly javaClassName: string = 'javax.ws.rs.WebApplicationException';
}

/**
 * A failure that reaches the mapper's generic branch with a message that is not the error's own,
 * e.g. Jackson parse errors, or an ExecutionException whose message is `<cause class>: <cause message>`.
 */
export class InternalServerError extends ConnectException {
  static override readonly javaClassName: string = 'java.lang.RuntimeException';
}
