/**
 * `jdbc:postgresql://host[:port][/database][?k=v&...]` (pgjdbc's URL form) → pg client settings.
 * Only what the connectors need; unknown parameters are kept for callers that care.
 */
export interface PostgresEndpoint {
  host: string;
  port: number;
  database: string;
  params: Record<string, string>;
}

export class JdbcUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JdbcUrlError';
  }
}

export function parseJdbcUrl(url: string): PostgresEndpoint {
  const m = /^jdbc:postgresql:(?:\/\/([^/?]*))?\/?([^?]*)(?:\?(.*))?$/.exec(url.trim());
  if (!m) {
    throw new JdbcUrlError(
      `Unsupported JDBC URL '${url}': this runtime connects to PostgreSQL only; use jdbc:postgresql://host:port/database`,
    );
  }
  const hostPart = m[1] ?? 'localhost';
  // pgjdbc accepts several comma-separated hosts for failover; the first one is used here.
  const first = (hostPart.split(',')[0] ?? '') || 'localhost';
  let host = first;
  let port = 5432;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(first);
  if (bracket) {
    host = bracket[1] ?? host;
    if (bracket[2]) port = Number(bracket[2]);
  } else {
    const idx = first.lastIndexOf(':');
    if (idx >= 0) {
      host = first.slice(0, idx) || 'localhost';
      const p = first.slice(idx + 1);
      if (!/^\d+$/.test(p)) throw new JdbcUrlError(`Invalid port '${p}' in JDBC URL '${url}'`);
      port = Number(p);
    }
  }
  const params: Record<string, string> = {};
  for (const pair of (m[3] ?? '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const k = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    params[k] = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
  }
  const database = decodeURIComponent(m[2] ?? '') || params.user || 'postgres';
  return { host, port, database, params };
}

export function isPostgresJdbcUrl(url: string): boolean {
  return /^jdbc:postgresql:/.test(url.trim());
}
