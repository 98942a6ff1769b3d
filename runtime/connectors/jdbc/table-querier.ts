/**
 * BulkTableQuerier / TimestampIncrementingTableQuerier / TimestampTableQuerier of the JDBC source:
 * builds the same SQL (WHERE/ORDER BY criteria), turns rows into the same records and keeps the
 * same source partition / offset maps, so offsets written by either resume in the other.
 */
import type pg from 'pg';
import { SourceRecord } from '../../api/records';
import { ConnectException, DataException } from '../../data/errors';
import type { Schema as SchemaT } from '../../data/schema';
import { SchemaBuilder } from '../../data/schema-builder';
import { Struct } from '../../data/struct';
import { BigDecimal } from '../../data/big-decimal';
import { javaHashOrder } from '../../config/java-compat';
import { quoteIdent } from '../postgres/pg-types';
import { TIMESTAMP_MICROS, columnReader, describeResultColumns } from './column-mapping';
import type { ColumnReader, NumericMapping } from './column-mapping';
import { quotedTableId, unquotedTableId } from './table-id';
import type { TableId } from './table-id';

export type JdbcMode = 'bulk' | 'incrementing' | 'timestamp' | 'timestamp+incrementing';

export interface QuerierOptions {
  mode: JdbcMode;
  table: TableId | null;
  query: string | null;
  topicPrefix: string;
  querySuffix: string;
  incrementingColumn: string | null;
  timestampColumns: string[];
  timestampDelayMs: bigint;
  numericMapping: NumericMapping;
  /** Offset as stored (or null): {incrementing, timestamp, timestamp_nanos}. */
  offset: Record<string, unknown> | null;
  /** timestamp.initial (epoch ms), -1 = now; null = epoch. */
  timestampInitial: bigint | null;
}

const OFFSET_KEY_ORDER = javaHashOrder(['incrementing', 'timestamp', 'timestamp_nanos'], 3);

function toBigInt(v: unknown): bigint | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return null;
}

function microsToSqlText(micros: bigint): string {
  const ms = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  const sub = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const iso = new globalThis.Date(Number(ms)).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const year = Number(iso.slice(0, 4));
  const base = year >= 0 && year <= 9999 ? iso.slice(0, 19).replace('T', ' ') : '1970-01-01 00:00:00';
  return `${base}.${sub.toString().padStart(6, '0')}`;
}

const CURSOR = 'kcl_jdbc_source_cursor';

export class TableQuerier {
  readonly partition: Record<string, string>;
  readonly topic: string;
  lastUpdate = 0;
  private rows: string[][] | null = null;
  private rowIndex = 0;
  /** The open cursor of the running query (its transaction stays open until the last row is read). */
  private cursor: { client: pg.Client; fetchSize: number } | null = null;
  private readers: (ColumnReader | null)[] = [];
  private schema: SchemaT | null = null;
  private incrementing: bigint | null;
  private timestampMicros: bigint | null;
  private committedIncrementing: bigint | null;
  private committedTimestamp: bigint | null;
  private incrementingColumn: string | null;
  private initialResolved = false;

  constructor(private readonly o: QuerierOptions) {
    if (o.table) {
      this.topic = o.topicPrefix + o.table.table;
      this.partition =
        o.mode === 'bulk' ? { table: o.table.table } : { protocol: '1', table: unquotedTableId(o.table) };
    } else {
      this.topic = o.topicPrefix;
      this.partition = { query: 'query' };
    }
    this.incrementing = toBigInt(o.offset?.incrementing);
    const ts = toBigInt(o.offset?.timestamp);
    const nanos = toBigInt(o.offset?.timestamp_nanos);
    this.timestampMicros =
      ts === null
        ? null
        : (ts - (((ts % 1000n) + 1000n) % 1000n)) * 1000n +
          (nanos ?? (((ts % 1000n) + 1000n) % 1000n) * 1_000_000n) / 1000n;
    this.committedIncrementing = this.incrementing;
    this.committedTimestamp = this.timestampMicros;
    this.incrementingColumn = o.incrementingColumn;
  }

  get querying(): boolean {
    return this.rows !== null;
  }

  private usesIncrementing(): boolean {
    return this.o.mode === 'incrementing' || this.o.mode === 'timestamp+incrementing';
  }

  private usesTimestamp(): boolean {
    return this.o.mode === 'timestamp' || this.o.mode === 'timestamp+incrementing';
  }

  private coalesce(): string {
    const cols = this.o.timestampColumns.map(quoteIdent);
    return cols.length === 1 ? (cols[0] ?? '') : `COALESCE(${cols.join(',')})`;
  }

  private async resolveIncrementingColumn(client: pg.Client): Promise<void> {
    if (
      !this.usesIncrementing() ||
      (this.incrementingColumn !== null && this.incrementingColumn !== '') ||
      !this.o.table
    )
      return;
    const res = await client.query<{ attname: string }>(
      `SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE c.relname = $1 AND ($2::text IS NULL OR n.nspname = $2) AND a.attnum > 0 AND NOT a.attisdropped
         AND (a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%')
       ORDER BY a.attnum LIMIT 1`,
      [this.o.table.table, this.o.table.schema],
    );
    this.incrementingColumn = res.rows[0]?.attname ?? null;
  }

  private buildSql(): { text: string; params: string[] } {
    let sql = this.o.table ? `SELECT * FROM ${quotedTableId(this.o.table)}` : (this.o.query ?? '');
    const params: string[] = [];
    const inc = this.incrementingColumn ? quoteIdent(this.incrementingColumn) : null;
    if (this.o.mode === 'incrementing') {
      if (!inc)
        throw new ConnectException(
          'Cannot make incremental queries using incrementing column because no incrementing column was found; set incrementing.column.name',
        );
      sql += ` WHERE ${inc} > $1 ORDER BY ${inc} ASC`;
      params.push(String(this.incrementing ?? -1n));
    } else if (this.o.mode === 'timestamp') {
      const c = this.coalesce();
      sql += ` WHERE ${c} > $1 AND ${c} < $2 ORDER BY ${c} ASC`;
      params.push(microsToSqlText(this.timestampMicros ?? 0n), '');
    } else if (this.o.mode === 'timestamp+incrementing') {
      if (!inc) throw new ConnectException('No incrementing column found; set incrementing.column.name');
      const c = this.coalesce();
      sql += ` WHERE ${c} < $1 AND ((${c} = $2 AND ${inc} > $3) OR ${c} > $4) ORDER BY ${c},${inc} ASC`;
      const ts = microsToSqlText(this.timestampMicros ?? 0n);
      params.push('', ts, String(this.incrementing ?? -1n), ts);
    }
    if (this.o.querySuffix) sql += ` ${this.o.querySuffix}`;
    return { text: sql, params };
  }

  private async resolveInitialTimestamp(client: pg.Client): Promise<void> {
    if (this.initialResolved) return;
    this.initialResolved = true;
    if (this.timestampMicros === null && this.usesTimestamp() && this.o.timestampInitial !== null) {
      if (this.o.timestampInitial === -1n) {
        const r = await client.query<{ now: string }>(
          'SELECT (extract(epoch from CURRENT_TIMESTAMP) * 1000000)::int8::text AS now',
        );
        this.timestampMicros = BigInt(r.rows[0]?.now ?? '0');
      } else this.timestampMicros = this.o.timestampInitial * 1000n;
      this.committedTimestamp = this.timestampMicros;
    }
  }

  /**
   * maybeStartQuery: runs the query once per poll interval through a cursor, fetching `fetchSize`
   * rows at a time (batch.max.rows, as the real connector's fetch size), so a big table is never
   * held in memory whole; rows are then handed out in batches.
   */
  async startQuery(client: pg.Client, fetchSize = 1000): Promise<void> {
    if (this.rows !== null) return;
    await this.resolveIncrementingColumn(client);
    await this.resolveInitialTimestamp(client);
    const { text, params } = this.buildSql();
    if (this.usesTimestamp()) {
      const r = await client.query<{ now: string }>(
        'SELECT (extract(epoch from CURRENT_TIMESTAMP) * 1000000)::int8::text AS now',
      );
      const endMicros = BigInt(r.rows[0]?.now ?? '0');
      // Java's Timestamp from currentTimeOnDB has millisecond precision
      const end = (endMicros / 1000n - this.o.timestampDelayMs) * 1000n;
      if (this.o.mode === 'timestamp') params[1] = microsToSqlText(end);
      else params[0] = microsToSqlText(end);
    }
    await client.query('BEGIN');
    this.cursor = { client, fetchSize: Math.max(1, fetchSize) };
    await client.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${text}`, values: params });
    const res = await this.fetch();
    const cols = await describeResultColumns(client, res.fields);
    const builder = SchemaBuilder.struct();
    if (this.o.table) builder.name(this.o.table.table);
    this.readers = cols.map((c) => {
      const reader = columnReader(c, this.o.numericMapping);
      if (reader) builder.field(reader.field, reader.schema);
      return reader;
    });
    this.schema = builder.build();
    this.rows = res.rows as string[][];
    this.rowIndex = 0;
    this.committedIncrementing = this.incrementing;
    this.committedTimestamp = this.timestampMicros;
  }

  /** The next chunk of the cursor; the cursor (and its transaction) ends with the last chunk. */
  private async fetch(): Promise<pg.QueryResult> {
    const c = this.cursor!;
    const res = await c.client.query({
      text: `FETCH FORWARD ${c.fetchSize} FROM ${CURSOR}`,
      rowMode: 'array',
    });
    if (res.rows.length < c.fetchSize) await this.closeCursor();
    return res;
  }

  private async closeCursor(): Promise<void> {
    const c = this.cursor;
    this.cursor = null;
    // ROLLBACK ends the read-only transaction whether or not a statement in it failed
    if (c) await c.client.query('ROLLBACK').catch(() => undefined);
  }

  /** True when a row is ready for nextRecord(), fetching the next chunk when the buffer is used up. */
  async ensureRow(): Promise<boolean> {
    if (this.rows === null) return false;
    if (this.rowIndex < this.rows.length) return true;
    if (!this.cursor) return false;
    this.rows = (await this.fetch()).rows as string[][];
    this.rowIndex = 0;
    return this.rows.length > 0;
  }

  hasNext(): boolean {
    return this.rows !== null && (this.rowIndex < this.rows.length || this.cursor !== null);
  }

  /** extractRecord(): the next row as a SourceRecord (no key, partition chosen by the producer). */
  nextRecord(): SourceRecord {
    const row = (this.rows ?? [])[this.rowIndex++] ?? [];
    const schema = this.schema as SchemaT;
    const struct = new Struct(schema);
    const raw = new Map<string, unknown>();
    this.readers.forEach((r, i) => {
      if (!r) return;
      const v = r.read(row[i] ?? null);
      raw.set(r.field, v);
      struct.put(r.field, v);
    });
    if (this.o.mode === 'bulk') {
      return new SourceRecord(this.partition, null, this.topic, null, null, null, schema, struct);
    }
    if (this.usesIncrementing()) this.incrementing = this.extractIncrementing(schema, raw);
    if (this.usesTimestamp()) this.timestampMicros = this.extractTimestamp(raw);
    return new SourceRecord(this.partition, this.offsetMap(), this.topic, null, null, null, schema, struct);
  }

  private extractIncrementing(schema: SchemaT, raw: Map<string, unknown>): bigint {
    const name = this.incrementingColumn ?? '';
    const field = schema.field(name);
    if (!field) {
      throw new DataException(
        `Incrementing column ${name} not found in ${schema.fields.map((f) => f.name).join(',')}`,
      );
    }
    const v = raw.get(name);
    if (v === null || v === undefined)
      throw new ConnectException(`Null value for incrementing column of type: ${field.schema.type}`);
    if (typeof v === 'bigint') return v;
    if (typeof v === 'number' && ['INT8', 'INT16', 'INT32'].includes(field.schema.type)) return BigInt(v);
    if (v instanceof BigDecimal) {
      if (v.scale > 0 && v.unscaled % 10n ** BigInt(v.scale) !== 0n) {
        throw new ConnectException(`Decimal value for incrementing column exceeded Long.MAX_VALUE`);
      }
      return v.scale >= 0 ? v.unscaled / 10n ** BigInt(v.scale) : v.unscaled * 10n ** BigInt(-v.scale);
    }
    throw new ConnectException(
      `Invalid type for incrementing column: ${field.schema.type}. The incrementing column '${name}' must be an integer column (smallint, integer, bigint or numeric with scale 0); pick another incrementing.column.name or use mode 'timestamp' or 'bulk'.`,
    );
  }

  private extractTimestamp(raw: Map<string, unknown>): bigint | null {
    for (const col of this.o.timestampColumns) {
      const v = raw.get(col);
      if (v instanceof globalThis.Date) {
        const micros = (v as unknown as Record<symbol, bigint | undefined>)[TIMESTAMP_MICROS];
        return micros ?? BigInt(v.getTime()) * 1000n;
      }
    }
    return this.timestampMicros;
  }

  private offsetMap(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    if (this.usesIncrementing() && this.incrementing !== null) values.incrementing = this.incrementing;
    if (this.usesTimestamp() && this.timestampMicros !== null) {
      const micros = this.timestampMicros;
      const ms = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
      values.timestamp = ms;
      values.timestamp_nanos = (((micros % 1_000_000n) + 1_000_000n) % 1_000_000n) * 1000n;
    }
    const out: Record<string, unknown> = {};
    for (const k of OFFSET_KEY_ORDER) if (k in values) out[k] = values[k];
    return out;
  }

  /** reset(now, resetOffset): closes the result set; on failure rewinds to the last committed offset. */
  async reset(now: number, resetOffset: boolean): Promise<void> {
    await this.closeCursor();
    if (resetOffset) {
      this.incrementing = this.committedIncrementing;
      this.timestampMicros = this.committedTimestamp;
    }
    this.rows = null;
    this.rowIndex = 0;
    this.lastUpdate = now;
  }
}
