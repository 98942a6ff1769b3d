/**
 * io.confluent.connect.jdbc.source.JdbcSourceTask: one querier per assigned table (or the query),
 * polled round-robin every poll.interval.ms, at most batch.max.rows records per poll().
 */
import type pg from 'pg';
import type { ConnectorProps } from '../../api/connector';
import { SourceTask } from '../../api/connector';
import type { SourceRecord } from '../../api/records';
import { ConfigException } from '../../config/config-exception';
import { ConnectException } from '../../data/errors';
import { connectWithRetries } from '../postgres/connection';
import type { ConnectionSettings } from '../postgres/connection';
import { jdbcSourceTaskConfigDef } from './source-config';
import { jdbcConnectionSettings, passwordValue } from './jdbc-settings';
import { TableQuerier } from './table-querier';
import type { JdbcMode } from './table-querier';
import type { NumericMapping } from './column-mapping';
import { parseTableIdentifier, splitTableList, unquotedTableId } from './table-id';
import type { TableId } from './table-id';

export const JDBC_CONNECTOR_VERSION = '10.9.7';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function numericMappingOf(parsed: ReadonlyMap<string, unknown>): NumericMapping {
  const v = parsed.get('numeric.mapping') as string | null;
  if (v) return v.toLowerCase() as NumericMapping;
  return parsed.get('numeric.precision.mapping') === true ? 'precision_only' : 'none';
}

interface ColumnMeta {
  name: string;
  nullable: boolean;
}

function isTransient(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error).message ?? '';
  return (
    /^(08|57P)/.test(code) ||
    /ECONNREFUSED|ECONNRESET|Connection terminated|Could not connect/.test(code + msg)
  );
}

export class JdbcSourceTask extends SourceTask {
  private client: pg.Client | null = null;
  private settings: ConnectionSettings | null = null;
  private queue: TableQuerier[] = [];
  private pollIntervalMs = 5000;
  private batchMaxRows = 1000;
  private attempts = 3;
  private backoffMs = 10_000;
  private stopped = false;

  version(): string {
    return JDBC_CONNECTOR_VERSION;
  }

  async start(props: ConnectorProps): Promise<void> {
    let parsed: Map<string, unknown>;
    try {
      parsed = jdbcSourceTaskConfigDef().parse(props);
    } catch (e) {
      throw new ConfigException(
        `Couldn't start JdbcSourceTask due to configuration error: ${(e as Error).message}`,
      );
    }
    const tables = (parsed.get('tables') as string[]).flatMap((t) => splitTableList(t));
    const fetched = parsed.get('tables.fetched') as boolean;
    const queryText = (parsed.get('query') as string) || passwordValue(parsed.get('query.masked')) || '';
    const query = queryText === '' ? null : queryText;
    if (tables.length === 0 && query === null) {
      if (!fetched) return;
      throw new ConfigException(
        'Task is being killed because it was not assigned a table nor a query to execute. If run in table mode please make sure that the tables exist on the database. If the table does exist on the database, we recommend using the fully qualified table name.',
      );
    }
    if (tables.length > 0 && query !== null) {
      throw new ConfigException(
        'Invalid configuration: a JdbcSourceTask cannot have both a table and a query assigned to it',
      );
    }
    this.settings = jdbcConnectionSettings(parsed);
    this.attempts = parsed.get('connection.attempts') as number;
    this.backoffMs = Number(parsed.get('connection.backoff.ms'));
    this.pollIntervalMs = parsed.get('poll.interval.ms') as number;
    this.batchMaxRows = parsed.get('batch.max.rows') as number;
    const mode = parsed.get('mode') as JdbcMode | '';
    if (mode === '')
      throw new ConfigException(
        'mode',
        '',
        'A mode must be set: bulk, incrementing, timestamp or timestamp+incrementing',
      );
    const client = await this.connection();
    const incrementingColumn = (parsed.get('incrementing.column.name') as string) || null;
    const timestampColumns = (parsed.get('timestamp.column.name') as string[]).filter((c) => c.trim() !== '');
    const tableIds: (TableId | null)[] = query !== null ? [null] : tables.map(parseTableIdentifier);
    const validateNonNull = parsed.get('validate.non.null') as boolean;

    if (query === null && tableIds[0]) {
      await this.validateColumnsExist(
        mode,
        incrementingColumn ?? '',
        timestampColumns,
        tableIds[0],
        tables[0] ?? '',
      );
    }
    for (const [i, table] of tableIds.entries()) {
      if (table && validateNonNull) {
        await this.validateNonNullable(
          mode,
          tables[i] ?? '',
          table,
          incrementingColumn ?? '',
          timestampColumns,
        );
      }
      let offset: Record<string, unknown> | null = null;
      if (mode !== 'bulk') {
        const reader = this.context?.offsetStorageReader();
        const candidates = table
          ? [{ protocol: '1', table: unquotedTableId(table) }, { table: table.table }]
          : [{ query: 'query' }];
        for (const p of candidates) {
          offset = reader?.offset(p) ?? null;
          if (offset) break;
        }
      }
      this.queue.push(
        new TableQuerier({
          mode,
          table,
          query,
          topicPrefix: (parsed.get('topic.prefix') as string).trim(),
          querySuffix: (parsed.get('query.suffix') as string).trim(),
          incrementingColumn,
          timestampColumns,
          timestampDelayMs: parsed.get('timestamp.delay.interval.ms') as bigint,
          numericMapping: numericMappingOf(parsed),
          offset,
          timestampInitial: parsed.get('timestamp.initial') as bigint | null,
        }),
      );
    }
    void client;
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    if (!this.settings) throw new ConnectException('JdbcSourceTask is not started');
    const client = await connectWithRetries(this.settings, this.attempts, this.backoffMs, () => this.stopped);
    client.on('error', () => {
      if (this.client === client) this.client = null;
    });
    this.client = client;
    return client;
  }

  private async describeColumns(table: TableId): Promise<ColumnMeta[]> {
    const client = await this.connection();
    const res = await client.query<{ attname: string; attnotnull: string }>(
      `SELECT a.attname, a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relname = $1 AND ($2::text IS NULL OR n.nspname = $2) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
      [table.table, table.schema],
    );
    return res.rows.map((r) => ({ name: r.attname, nullable: r.attnotnull !== 't' }));
  }

  private async validateColumnsExist(
    mode: string,
    inc: string,
    ts: string[],
    table: TableId,
    tableText: string,
  ): Promise<void> {
    const cols = await this.describeColumns(table);
    if (cols.length === 0) {
      throw new ConnectException(
        `Table '${tableText}' does not exist (or has no columns) in database; create it or fix table.whitelist / table.include.list.`,
      );
    }
    const names = new Set(cols.map((c) => c.name.toLowerCase()));
    if (
      (mode === 'incrementing' || mode === 'timestamp+incrementing') &&
      inc !== '' &&
      !names.has(inc.toLowerCase())
    ) {
      throw new ConfigException(`Incrementing column: ${inc} does not exist in table '${tableText}'`);
    }
    if ((mode === 'timestamp' || mode === 'timestamp+incrementing') && ts.length > 0) {
      const missing = ts.filter((c) => !names.has(c.toLowerCase()));
      if (missing.length > 0)
        throw new ConfigException(
          `Timestamp columns: ${missing.join(', ')} do not exist in table '${tableText}'`,
        );
    }
  }

  private async validateNonNullable(
    mode: string,
    tableText: string,
    table: TableId,
    inc: string,
    ts: string[],
  ): Promise<void> {
    const lowerTs = new Set(ts.map((c) => c.toLowerCase()));
    let incrementingOptional = false;
    let atLeastOneTimestampNotOptional = false;
    for (const c of await this.describeColumns(table)) {
      if (c.name.toLowerCase() === inc.toLowerCase()) incrementingOptional = c.nullable;
      else if (lowerTs.has(c.name.toLowerCase()) && !c.nullable) atLeastOneTimestampNotOptional = true;
    }
    if ((mode === 'incrementing' || mode === 'timestamp+incrementing') && incrementingOptional) {
      throw new ConnectException(
        `Cannot make incremental queries using incrementing column ${inc} on ${tableText} because this column is nullable.`,
      );
    }
    if ((mode === 'timestamp' || mode === 'timestamp+incrementing') && !atLeastOneTimestampNotOptional) {
      throw new ConnectException(
        `Cannot make incremental queries using timestamp columns ${ts.join(',')} on ${tableText} because all of these columns are nullable.`,
      );
    }
  }

  async poll(): Promise<SourceRecord[] | null> {
    const started = Date.now();
    while (!this.stopped) {
      const querier = this.queue[0];
      if (!querier) return null;
      if (!querier.querying) {
        const next = querier.lastUpdate + this.pollIntervalMs;
        const wait = Math.min(next - Date.now(), 100);
        if (wait > 0) {
          // give control back now and then so the worker can commit offsets and stop us
          if (Date.now() - started > 1000) return [];
          await sleep(wait);
          continue;
        }
      }
      const results: SourceRecord[] = [];
      try {
        await querier.startQuery(await this.connection(), this.batchMaxRows);
        while (results.length < this.batchMaxRows && (await querier.ensureRow()))
          results.push(querier.nextRecord());
      } catch (e) {
        await querier.reset(Date.now(), true);
        this.client?.end().catch(() => undefined);
        this.client = null;
        // connection trouble: retry on the next poll (query.retry.attempts -1 = forever); data errors fail the task
        if (isTransient(e)) return [];
        throw e;
      }
      if (!querier.hasNext()) {
        await querier.reset(Date.now(), false);
        this.queue.push(this.queue.shift() as TableQuerier);
      }
      if (results.length === 0) continue;
      return results;
    }
    return null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
