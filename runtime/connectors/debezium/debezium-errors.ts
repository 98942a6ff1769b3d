/**
 * Exceptions the real Debezium PostgreSQL connector fails its task with, named as Java names them so a
 * task's `trace` reads as the real one: io.debezium.DebeziumException (a RuntimeException, not a
 * ConnectException) and the PostgreSQL JDBC driver's org.postgresql.util.PSQLException, whose message
 * is the server's "ERROR: <text>".
 */
export class DebeziumException extends Error {
  static readonly javaClassName = 'io.debezium.DebeziumException';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DebeziumException';
  }
}

export class PSQLException extends Error {
  static readonly javaClassName = 'org.postgresql.util.PSQLException';
  constructor(
    serverMessage: string,
    readonly sqlState: string | undefined,
  ) {
    super(`ERROR: ${serverMessage}`);
    this.name = 'PSQLException';
  }
}
