/** Connection settings of the JDBC connectors (connection.url/user/password/attempts/backoff). */
import { Password } from '../../config/java-compat';
import { ConfigException } from '../../config/config-exception';
import { JdbcUrlError, parseJdbcUrl } from '../postgres/jdbc-url';
import type { ConnectionSettings } from '../postgres/connection';

export function passwordValue(v: unknown): string | null {
  if (v instanceof Password) return v.value();
  return typeof v === 'string' ? v : null;
}

export function jdbcConnectionSettings(parsed: ReadonlyMap<string, unknown>): ConnectionSettings {
  const url = (parsed.get('connection.url') as string | null) ?? '';
  let endpoint;
  try {
    endpoint = parseJdbcUrl(url);
  } catch (e) {
    if (e instanceof JdbcUrlError) throw new ConfigException('connection.url', url, e.message);
    throw e;
  }
  return {
    host: endpoint.host,
    port: endpoint.port,
    database: endpoint.database,
    user: (parsed.get('connection.user') as string | null) ?? endpoint.params.user ?? null,
    password: passwordValue(parsed.get('connection.password')) ?? endpoint.params.password ?? null,
  };
}
