/**
 * Builds Debezium change events for one table: key/value/envelope schemas (TableSchemaBuilder),
 * the postgresql `source` block, and the records for c/u/d/r (RelationalChangeRecordEmitter:
 * PK changes become delete + tombstone + create with __debezium.newkey/oldkey headers).
 */
import { randomUUID } from 'node:crypto';
import { ConnectHeaders } from '../../api/headers';
import { SourceRecord } from '../../api/records';
import type { Schema as SchemaT } from '../../data/schema';
import { SchemaBuilder } from '../../data/schema-builder';
import { SchemaAndValue } from '../../data/schema-and-value';
import { Struct } from '../../data/struct';
import type { PgTable } from './catalog';
import { DEBEZIUM_VERSION, SOURCE_SCHEMA, envelopeSchema } from './debezium-types';
import { columnConverter, fallbackValue } from './value-converters';
import type { ColumnConverter, ConverterSettings } from './value-converters';

export interface EventSettings extends ConverterSettings {
  topicPrefix: string;
  topicDelimiter: string;
  database: string;
  tombstonesOnDelete: boolean;
  columnInclude: RegExp[];
  columnExclude: RegExp[];
  /** message.key.columns overrides per table id. */
  keyColumns: Map<string, string[]>;
}

export interface TableEvents {
  table: PgTable;
  topic: string;
  keySchema: SchemaT | null;
  valueSchema: SchemaT;
  envelope: SchemaT;
  columns: { name: string; converter: ColumnConverter }[];
  keyColumns: string[];
}

/** SchemaTopicNamingStrategy: prefix.schema.table, invalid characters replaced with '_'. */
export function dataTopic(s: EventSettings, schema: string, table: string): string {
  const topic = [s.topicPrefix, schema, table].join(s.topicDelimiter).replace(/[^A-Za-z0-9._-]/g, '_');
  return topic.length > 249 ? topic.slice(0, 249) : topic;
}

export function buildTableEvents(table: PgTable, s: EventSettings): TableEvents {
  const topic = dataTopic(s, table.schema, table.table);
  const id = `${table.schema}.${table.table}`;
  const columns: TableEvents['columns'] = [];
  const valueBuilder = SchemaBuilder.struct().name(`${topic}.Value`).optional();
  for (const col of table.columns) {
    const full = `${id}.${col.name}`;
    if (s.columnInclude.length > 0 && !s.columnInclude.some((r) => r.test(full))) continue;
    if (s.columnExclude.some((r) => r.test(full))) continue;
    const converter = columnConverter(col, s);
    if (!converter) continue; // unsupported type: Debezium skips it (include.unknown.datatypes=false)
    columns.push({ name: col.name, converter });
    valueBuilder.field(col.name, converter.schema);
  }
  const keyNames = s.keyColumns.get(id) ?? table.primaryKey;
  const keyColumns = keyNames.filter((k) => columns.some((c) => c.name === k));
  let keySchema: SchemaT | null = null;
  if (keyColumns.length > 0) {
    const kb = SchemaBuilder.struct().name(`${topic}.Key`);
    for (const k of keyColumns) kb.field(k, columns.find((c) => c.name === k)!.converter.schema);
    keySchema = kb.build();
  }
  const valueSchema = valueBuilder.build();
  return {
    table,
    topic,
    keySchema,
    valueSchema,
    envelope: envelopeSchema(topic, valueSchema),
    columns,
    keyColumns,
  };
}

/** A decoded row: column name → text (null = SQL NULL, undefined = not sent / unchanged TOAST). */
export type RowText = Record<string, string | null | undefined>;

export function rowStruct(t: TableEvents, row: RowText, placeholder: string, partial = false): Struct {
  const st = new Struct(t.valueSchema);
  for (const { name, converter } of t.columns) {
    const raw = row[name];
    if (raw === undefined && !partial) {
      // unchanged TOAST value (pgoutput 'u'): Debezium writes the placeholder for text-like columns
      st.put(name, converter.schema.type === 'STRING' ? placeholder : fallbackValue(converter.schema));
      continue;
    }
    const v = raw === undefined ? null : converter.convert(raw);
    if (v === null && !converter.schema.isOptional) {
      // unknown value of a required column (DEFAULT identity before image): its default or the type fallback
      st.put(name, fallbackValue(converter.schema));
    } else st.put(name, v);
  }
  return st;
}

export function keyStruct(t: TableEvents, row: Struct): Struct | null {
  if (!t.keySchema) return null;
  const k = new Struct(t.keySchema);
  for (const name of t.keyColumns) k.put(name, row.get(name));
  return k;
}

export interface SourceInfo {
  tsMicros: bigint;
  snapshot: string | null;
  sequence: string | null;
  txId: bigint | null;
  lsn: bigint | null;
}

export function sourceStruct(t: TableEvents, s: EventSettings, info: SourceInfo): Struct {
  const st = new Struct(SOURCE_SCHEMA)
    .put('version', DEBEZIUM_VERSION)
    .put('connector', 'postgresql')
    .put('name', s.topicPrefix)
    .put('ts_ms', info.tsMicros / 1000n)
    .put('db', s.database)
    .put('ts_us', info.tsMicros)
    .put('ts_ns', info.tsMicros * 1000n)
    .put('schema', t.table.schema)
    .put('table', t.table.table);
  if (info.snapshot !== null) st.put('snapshot', info.snapshot);
  if (info.sequence !== null) st.put('sequence', info.sequence);
  if (info.txId !== null) st.put('txId', info.txId);
  if (info.lsn !== null) st.put('lsn', info.lsn);
  return st;
}

/** Processing time as Debezium's Instant.now(): ms, µs and ns since the epoch. */
const hrBase = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();
export function nowNanos(): bigint {
  // µs precision like Java's clock on Linux
  return ((hrBase + process.hrtime.bigint()) / 1000n) * 1000n;
}

export class EventFactory {
  readonly runId = randomUUID();
  constructor(
    private readonly s: EventSettings,
    private readonly partition: Record<string, string>,
  ) {}

  private headers(extra: [string, SchemaT | null, unknown][] = []): ConnectHeaders {
    const h = new ConnectHeaders();
    for (const [k, schema, v] of extra) h.add(k, new SchemaAndValue(schema, v));
    h.addString('__debezium.context.connectorLogicalName', this.s.topicPrefix);
    h.addString('__debezium.context.taskId', '0');
    h.addString('__debezium.context.connectorName', 'postgresql');
    h.addString('__debezium.context.runId', this.runId);
    return h;
  }

  private envelope(
    t: TableEvents,
    op: string,
    before: Struct | null,
    after: Struct | null,
    source: Struct,
  ): Struct {
    const ns = nowNanos();
    const e = new Struct(t.envelope)
      .put('source', source)
      .put('op', op)
      .put('ts_ms', ns / 1_000_000n)
      .put('ts_us', ns / 1000n)
      .put('ts_ns', ns);
    if (before) e.put('before', before);
    if (after) e.put('after', after);
    return e;
  }

  private record(
    t: TableEvents,
    offset: Record<string, unknown>,
    key: Struct | null,
    value: Struct | null,
    headers: ConnectHeaders,
  ): SourceRecord {
    return new SourceRecord(
      this.partition,
      offset,
      t.topic,
      null,
      t.keySchema,
      key,
      value ? t.envelope : null,
      value,
      null,
      headers,
    );
  }

  read(t: TableEvents, after: Struct, source: Struct, offset: Record<string, unknown>): SourceRecord {
    return this.record(
      t,
      offset,
      keyStruct(t, after),
      this.envelope(t, 'r', null, after, source),
      this.headers(),
    );
  }

  create(t: TableEvents, after: Struct, source: Struct, offset: Record<string, unknown>): SourceRecord[] {
    return [
      this.record(t, offset, keyStruct(t, after), this.envelope(t, 'c', null, after, source), this.headers()),
    ];
  }

  update(
    t: TableEvents,
    before: Struct | null,
    after: Struct,
    source: Struct,
    offset: Record<string, unknown>,
  ): SourceRecord[] {
    const newKey = keyStruct(t, after);
    const oldKey = before ? keyStruct(t, before) : null;
    if (oldKey && newKey && !oldKey.equals(newKey)) {
      const out = [
        this.record(
          t,
          offset,
          oldKey,
          this.envelope(t, 'd', before, null, source),
          this.headers([['__debezium.newkey', t.keySchema, newKey]]),
        ),
      ];
      if (this.s.tombstonesOnDelete)
        out.push(
          this.record(t, offset, oldKey, null, this.headers([['__debezium.newkey', t.keySchema, newKey]])),
        );
      out.push(
        this.record(
          t,
          offset,
          newKey,
          this.envelope(t, 'c', null, after, source),
          this.headers([['__debezium.oldkey', t.keySchema, oldKey]]),
        ),
      );
      return out;
    }
    return [this.record(t, offset, newKey, this.envelope(t, 'u', before, after, source), this.headers())];
  }

  /** TRUNCATE (op 't'): no key, no before/after; emitted only when skipped.operations leaves 't' out. */
  truncate(t: TableEvents, source: Struct, offset: Record<string, unknown>): SourceRecord {
    const r = this.record(t, offset, null, this.envelope(t, 't', null, null, source), this.headers());
    // no key at all (the table's key schema is not optional)
    return new SourceRecord(
      r.sourcePartition,
      r.sourceOffset,
      r.topic,
      null,
      null,
      null,
      r.valueSchema,
      r.value,
      null,
      r.headers,
    );
  }

  delete(t: TableEvents, before: Struct, source: Struct, offset: Record<string, unknown>): SourceRecord[] {
    const key = keyStruct(t, before);
    const out = [this.record(t, offset, key, this.envelope(t, 'd', before, null, source), this.headers())];
    if (this.s.tombstonesOnDelete) out.push(this.record(t, offset, key, null, this.headers()));
    return out;
  }
}
