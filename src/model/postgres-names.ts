/**
 * Table and column completion for PostgreSQL connectors, the pure part: where a connector config
 * says its database is (JDBC `connection.url` + `connection.user/password`, or Debezium
 * `database.*`), which keys take table / column / schema names and in which spelling, and the
 * values to offer for a key given the database's catalog.
 */

export interface PgEndpoint {
  host: string;
  port: number;
  database: string;
  /** May hold `${secret:NAME}`; resolved by the caller, never shown. */
  user?: string;
  password?: string;
}

export type PgFamily = 'jdbc' | 'debezium';

export interface PgTarget {
  family: PgFamily;
  endpoint: PgEndpoint;
}

export interface PgColumn {
  schema: string;
  table: string;
  column: string;
  type: string;
}

export interface PgCatalog {
  tables: { schema: string; table: string }[];
  columns: PgColumn[];
}

/**
 * - tables / schemas / columns: comma-separated lists (single names for `incrementing.column.name`)
 * - key-columns: Debezium's `message.key.columns`, `schema.table:col1,col2;schema.table2:col`
 */
export type PgKeyKind = 'tables' | 'schemas' | 'columns' | 'qualified-columns' | 'key-columns';

/** The database a connector config points at, or undefined when it is not PostgreSQL. */
export function pgTargetOf(config: Record<string, string>): PgTarget | undefined {
  const url = config['connection.url']?.trim();
  if (url) {
    const endpoint = parseJdbcPostgresUrl(url);
    if (!endpoint) return undefined;
    endpoint.user = config['connection.user'] ?? endpoint.user;
    endpoint.password = config['connection.password'] ?? endpoint.password;
    return { family: 'jdbc', endpoint };
  }
  const host = config['database.hostname']?.trim();
  const cls = config['connector.class'] ?? '';
  if (host && (/postgres/i.test(cls) || config['plugin.name'] !== undefined)) {
    const port = Number(config['database.port'] ?? '5432');
    return {
      family: 'debezium',
      endpoint: {
        host,
        port: Number.isInteger(port) && port > 0 ? port : 5432,
        database: config['database.dbname']?.trim() || 'postgres',
        user: config['database.user'],
        password: config['database.password'],
      },
    };
  }
  return undefined;
}

/** `jdbc:postgresql://host[:port]/db?user=..&password=..`; undefined for other databases. */
export function parseJdbcPostgresUrl(url: string): PgEndpoint | undefined {
  const m = /^jdbc:postgresql:\/\/([^/?#]*)(?:\/([^?#]*))?(?:\?(.*))?$/i.exec(url);
  if (!m) return undefined;
  // The driver accepts a host list; completion uses the first.
  const first = m[1].split(',')[0];
  const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(first);
  if (!hp) return undefined;
  const endpoint: PgEndpoint = {
    host: hp[1].replace(/^\[|\]$/g, ''),
    port: hp[2] ? Number(hp[2]) : 5432,
    database: decodeURIComponent(m[2] ?? '') || 'postgres',
  };
  for (const part of (m[3] ?? '').split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const k = part.slice(0, eq);
    const v = decodeURIComponent(part.slice(eq + 1));
    if (k === 'user') endpoint.user = v;
    if (k === 'password') endpoint.password = v;
  }
  return endpoint;
}

const JDBC_KEYS: Record<string, PgKeyKind> = {
  'table.whitelist': 'tables',
  'table.blacklist': 'tables',
  'table.include.list': 'tables',
  'table.exclude.list': 'tables',
  'incrementing.column.name': 'columns',
  'timestamp.column.name': 'columns',
  'pk.fields': 'columns',
  'fields.whitelist': 'columns',
  'fields.include.list': 'columns',
};

const DEBEZIUM_KEYS: Record<string, PgKeyKind> = {
  'schema.include.list': 'schemas',
  'schema.exclude.list': 'schemas',
  'table.include.list': 'tables',
  'table.exclude.list': 'tables',
  'column.include.list': 'qualified-columns',
  'column.exclude.list': 'qualified-columns',
  'message.key.columns': 'key-columns',
};

export function pgKeyKind(family: PgFamily, key: string): PgKeyKind | undefined {
  return (family === 'jdbc' ? JDBC_KEYS : DEBEZIUM_KEYS)[key];
}

/** How a table is written: Debezium always `schema.table`; JDBC `table` in public, else qualified. */
function tableName(family: PgFamily, schema: string, table: string): string {
  return family === 'jdbc' && schema === 'public' ? table : `${schema}.${table}`;
}

function listOf(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The tables whose columns a JDBC column key refers to: the source's table list, or the sink's
 * table.name.format (with ${topic} taken from `topics`); all tables when the config names none.
 */
export function jdbcColumnTables(config: Record<string, string>, key: string): string[] | undefined {
  if (key === 'pk.fields' || key.startsWith('fields.')) {
    const format = config['table.name.format']?.trim() || '${topic}';
    const topics = listOf(config['topics']);
    const names = format.includes('${topic}') ? topics.map((t) => format.replace('${topic}', t)) : [format];
    return names.length > 0 ? names : undefined;
  }
  const tables = listOf(config['table.whitelist'] ?? config['table.include.list']);
  return tables.length > 0 ? tables : undefined;
}

export interface PgValue {
  /** The whole string value to insert (earlier list items kept). */
  value: string;
  /** What is offered (a table, a column, ...). */
  label: string;
  detail: string;
}

/**
 * The values to offer for `key` in a config of `family`, given the catalog. `current` is the
 * value typed so far: in list-valued keys the items before the last separator are kept and the
 * last one is completed.
 */
export function pgValues(
  family: PgFamily,
  kind: PgKeyKind,
  key: string,
  config: Record<string, string>,
  catalog: PgCatalog,
  current: string,
): PgValue[] {
  const single = key === 'incrementing.column.name';
  const sep = kind === 'key-columns' ? /[;,]/ : /,/;
  const lastSep = single ? -1 : Math.max(...[...current].map((c, i) => (sep.test(c) ? i : -1)), -1);
  const head = current.slice(0, lastSep + 1);
  const done = new Set(listOf(head.replace(/;/g, ',')));
  const out: PgValue[] = [];
  const offer = (label: string, detail: string, text = label) => {
    if (!done.has(text)) out.push({ value: head + text, label, detail });
  };
  switch (kind) {
    case 'schemas':
      for (const s of new Set(catalog.tables.map((t) => t.schema))) offer(s, 'schema');
      break;
    case 'tables':
      for (const t of catalog.tables) offer(tableName(family, t.schema, t.table), 'table');
      break;
    case 'qualified-columns':
      for (const c of catalog.columns) offer(`${c.schema}.${c.table}.${c.column}`, `column (${c.type})`);
      break;
    case 'key-columns': {
      // After "schema.table:" offer that table's columns; otherwise "schema.table:column".
      const partial = current.slice(lastSep + 1);
      const colon = partial.indexOf(':');
      const table = colon >= 0 ? partial.slice(0, colon).trim() : undefined;
      for (const c of catalog.columns) {
        const qualified = `${c.schema}.${c.table}`;
        if (table !== undefined && table !== qualified) continue;
        offer(`${qualified}:${c.column}`, `key column (${c.type})`);
      }
      break;
    }
    case 'columns': {
      const wanted = family === 'jdbc' ? jdbcColumnTables(config, key) : undefined;
      const matches = (c: PgColumn) =>
        !wanted ||
        wanted.some(
          (w) =>
            w === c.table || w === `${c.schema}.${c.table}` || w === tableName(family, c.schema, c.table),
        );
      const seen = new Set<string>();
      for (const c of catalog.columns.filter(matches)) {
        if (seen.has(c.column)) continue;
        seen.add(c.column);
        offer(c.column, `column of ${tableName(family, c.schema, c.table)} (${c.type})`);
      }
      break;
    }
  }
  return out;
}
