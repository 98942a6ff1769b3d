/**
 * The live PostgreSQL catalog for table and column completion: connects with the connector's own
 * credentials (`${secret:NAME}` resolved from SecretStorage) or, for the lab's database (the
 * lesson's host alias `postgres`, or the lab's host and port), the lab's; lists the user tables and
 * their columns. Cached briefly per database and user; credentials never leave this module.
 */
import { deferredModules } from '../deferred/load';
import { ExtensionError } from '../errors';
import { secretReferences } from '../model/secrets';
import type { PgCatalog, PgColumn, PgEndpoint } from '../model/postgres-names';
import { parseJdbcPostgresUrl } from '../model/postgres-names';

const CACHE_MS = 15_000;

const TABLES_SQL = `SELECT table_schema, table_name FROM information_schema.tables
  WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type IN ('BASE TABLE', 'VIEW')
  ORDER BY table_schema, table_name`;
const COLUMNS_SQL = `SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
  WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
  ORDER BY table_schema, table_name, ordinal_position`;

export type SecretGet = (name: string) => Thenable<string | undefined>;

/** Where and as whom to connect: the endpoint with the lab's address/credentials applied. */
export async function connectionFor(
  endpoint: PgEndpoint,
  labUrl: string | undefined,
  secret: SecretGet,
): Promise<Required<PgEndpoint>> {
  let { host, port } = endpoint;
  let user = endpoint.user;
  let password = endpoint.password;
  const lab = labUrl ? labEndpoint(labUrl) : undefined;
  const local = (h: string) => ['localhost', '127.0.0.1', '::1'].includes(h.toLowerCase());
  if (lab && (host.toLowerCase() === 'postgres' || (local(host) && port === lab.port))) {
    host = lab.host;
    port = lab.port;
    user ??= lab.user;
    password ??= lab.password;
  }
  return {
    host,
    port,
    database: endpoint.database,
    user: await resolve(user ?? 'postgres', secret),
    password: await resolve(password ?? '', secret),
  };
}

function labEndpoint(url: string): PgEndpoint | undefined {
  try {
    const u = new URL(url);
    const parsed = parseJdbcPostgresUrl(`jdbc:postgresql://${u.host}${u.pathname}`);
    if (!parsed) return undefined;
    parsed.user = decodeURIComponent(u.username) || undefined;
    parsed.password = decodeURIComponent(u.password) || undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

async function resolve(value: string, secret: SecretGet): Promise<string> {
  let out = value;
  for (const name of secretReferences({ v: value })) {
    const stored = await secret(name);
    if (stored === undefined) {
      throw new ExtensionError('missing-secret', `The secret "${name}" is not stored.`, {
        nextStep: 'Run "Kafka Connect: Store Secret" to store it.',
      });
    }
    out = out.split(`\${secret:${name}}`).join(stored);
  }
  return out;
}

export class PostgresCatalogs {
  private readonly cache = new Map<string, { at: number; catalog: Promise<PgCatalog> }>();

  constructor(
    private readonly labUrl: () => string | undefined,
    private readonly secret: SecretGet,
  ) {}

  async catalog(endpoint: PgEndpoint): Promise<PgCatalog> {
    const conn = await connectionFor(endpoint, this.labUrl(), this.secret);
    const id = `${conn.host}:${conn.port}/${conn.database}\u0000${conn.user}`;
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.catalog;
    const catalog = load(conn);
    catalog.catch(() => this.cache.delete(id));
    this.cache.set(id, { at: Date.now(), catalog });
    return catalog;
  }
}

async function load(conn: Required<PgEndpoint>): Promise<PgCatalog> {
  const { PgClient } = deferredModules();
  const client = new PgClient({
    host: conn.host,
    port: conn.port,
    database: conn.database,
    user: conn.user,
    password: conn.password,
    connectionTimeoutMillis: 4000,
    statement_timeout: 5000,
    application_name: 'kafka-connect-lab-intellisense',
  });
  await client.connect();
  try {
    const tables = await client.query<{ table_schema: string; table_name: string }>(TABLES_SQL);
    const columns = await client.query<{
      table_schema: string;
      table_name: string;
      column_name: string;
      data_type: string;
    }>(COLUMNS_SQL);
    return {
      tables: tables.rows.map((r) => ({ schema: r.table_schema, table: r.table_name })),
      columns: columns.rows.map((r): PgColumn => ({
        schema: r.table_schema,
        table: r.table_name,
        column: r.column_name,
        type: r.data_type,
      })),
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
