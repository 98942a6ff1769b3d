/**
 * io.confluent.connect.jdbc.JdbcSourceConnector: finds the tables to copy (table.whitelist /
 * table.blacklist or table.include.list / table.exclude.list), spreads them over tasks like
 * ConnectorUtils.groupPartitions, re-checks the table list every table.poll.interval.ms.
 */
import type pg from 'pg';
import type { ConnectorProps, TaskClass } from '../../api/connector';
import { SourceConnector } from '../../api/connector';
import type { ConfigDef } from '../../config/config-def';
import type { ConfigValue } from '../../config/config-value';
import { ConnectException } from '../../data/errors';
import { connectWithRetries } from '../postgres/connection';
import { jdbcSourceConfigDef } from './source-config';
import { jdbcConnectionSettings, passwordValue } from './jdbc-settings';
import { JDBC_CONNECTOR_VERSION, JdbcSourceTask } from './jdbc-source-task';
import { quotedTableId, unquotedTableId } from './table-id';
import type { TableId } from './table-id';
import { validateJdbcSource } from './source-validation';

/** ConnectorUtils.groupPartitions: contiguous groups, the first (size % n) one element larger. */
export function groupPartitions<T>(items: readonly T[], numGroups: number): T[][] {
  const perGroup = Math.floor(items.length / numGroups);
  const leftover = items.length % numGroups;
  const out: T[][] = [];
  let at = 0;
  for (let g = 0; g < numGroups; g++) {
    const n = perGroup + (g < leftover ? 1 : 0);
    out.push(items.slice(at, at + n));
    at += n;
  }
  return out;
}

/** dialect.tableIds(): user tables (pgjdbc TABLE = relkind r/p, VIEW = v) ordered like getTables. */
export async function listTables(
  client: pg.Client,
  tableTypes: string[],
  schemaPattern: string | null,
): Promise<TableId[]> {
  const kinds: string[] = [];
  for (const t of tableTypes.map((x) => x.trim().toUpperCase())) {
    if (t === 'TABLE') kinds.push('r', 'p');
    if (t === 'PARTITIONED TABLE') kinds.push('p');
    if (t === 'VIEW') kinds.push('v');
    if (t === 'MATERIALIZED VIEW') kinds.push('m');
    if (t === 'FOREIGN TABLE') kinds.push('f');
  }
  const res = await client.query<{ nspname: string; relname: string }>(
    `SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = ANY($1::"char"[]) AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
        AND ($2::text IS NULL OR n.nspname LIKE $2)
      ORDER BY n.nspname, c.relname`,
    [kinds, schemaPattern],
  );
  return res.rows.map((r) => ({ schema: r.nspname, table: r.relname }));
}

export function filterTables(
  all: TableId[],
  lists: { whitelist: string[]; blacklist: string[]; include: string[]; exclude: string[] },
): TableId[] {
  if (lists.include.length > 0 || lists.exclude.length > 0) {
    const inc = lists.include.map((r) => new RegExp(`^(?:${r.trim()})$`));
    const exc = lists.exclude.map((r) => new RegExp(`^(?:${r.trim()})$`));
    return all.filter((t) => {
      const fqn = unquotedTableId(t);
      return inc.some((r) => r.test(fqn)) && !exc.some((r) => r.test(fqn));
    });
  }
  const names = (t: TableId): string[] => [unquotedTableId(t), quotedTableId(t), t.table];
  if (lists.whitelist.length > 0) return all.filter((t) => names(t).some((n) => lists.whitelist.includes(n)));
  if (lists.blacklist.length > 0)
    return all.filter((t) => !names(t).some((n) => lists.blacklist.includes(n)));
  return all;
}

export class JdbcSourceConnector extends SourceConnector {
  private props: ConnectorProps = {};
  private tables: TableId[] | null = null;
  private query = false;
  private timer: NodeJS.Timeout | null = null;
  private parsed: Map<string, unknown> = new Map();

  version(): string {
    return JDBC_CONNECTOR_VERSION;
  }

  config(): ConfigDef {
    return jdbcSourceConfigDef();
  }

  /** Connector.validate with the real connector's extra checks (JdbcSourceConnectorValidation). */
  validate(props: Readonly<Record<string, string | null>>): Promise<ConfigValue[]> {
    return validateJdbcSource(props);
  }

  async start(props: ConnectorProps): Promise<void> {
    this.props = { ...props };
    this.parsed = jdbcSourceConfigDef().parse(props);
    const queryText =
      (this.parsed.get('query') as string) || passwordValue(this.parsed.get('query.masked')) || '';
    this.query = queryText !== '';
    if (this.query) return;
    this.tables = await this.fetchTables();
    const interval = Number(this.parsed.get('table.poll.interval.ms'));
    this.timer = setInterval(() => {
      this.fetchTables().then(
        (tables) => {
          const before = JSON.stringify(this.tables);
          this.tables = tables;
          if (before !== JSON.stringify(tables)) this.context?.requestTaskReconfiguration();
        },
        () => undefined, // the real TableMonitorThread logs and retries at the next interval
      );
    }, interval);
    this.timer.unref();
  }

  private async fetchTables(): Promise<TableId[]> {
    const p = this.parsed;
    const settings = jdbcConnectionSettings(p);
    const client = await connectWithRetries(
      settings,
      p.get('connection.attempts') as number,
      Number(p.get('connection.backoff.ms')),
    );
    try {
      const all = await listTables(
        client,
        p.get('table.types') as string[],
        p.get('schema.pattern') as string | null,
      );
      const tables = filterTables(all, {
        whitelist: p.get('table.whitelist') as string[],
        blacklist: p.get('table.blacklist') as string[],
        include: p.get('table.include.list') as string[],
        exclude: p.get('table.exclude.list') as string[],
      });
      const byName = new Map<string, TableId[]>();
      for (const t of tables) byName.set(t.table, [...(byName.get(t.table) ?? []), t]);
      const dups = [...byName.values()].filter((v) => v.length > 1);
      if (dups.length > 0) {
        throw new ConnectException(
          "The connector uses the unqualified table name as the topic name and has detected duplicate unqualified table names. This could lead to mixed data types in the topic and downstream processing errors. To prevent such processing errors, the JDBC Source connector fails to start when it detects duplicate table name configurations. Update the connector's 'table.whitelist' config to include exactly one table in each of the tables listed below.\n\t" +
            `[${dups.map((d) => `[${d.map(quotedTableId).join(', ')}]`).join(', ')}]`,
        );
      }
      return tables;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  taskClass(): TaskClass {
    return JdbcSourceTask;
  }

  taskConfigs(maxTasks: number): ConnectorProps[] {
    if (this.query) return [{ ...this.props, tables: '', 'tables.fetched': 'true' }];
    const tables = this.tables;
    if (tables === null || tables.length === 0) {
      return [{ ...this.props, tables: '', 'tables.fetched': tables === null ? 'false' : 'true' }];
    }
    return groupPartitions(tables, Math.min(tables.length, maxTasks)).map((group) => ({
      ...this.props,
      tables: group.map(quotedTableId).join(','),
      'tables.fetched': 'true',
    }));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
