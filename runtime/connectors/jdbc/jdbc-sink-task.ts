/**
 * io.confluent.connect.jdbc.sink.JdbcSinkTask + JdbcDbWriter/BufferedRecords/DbStructure for
 * PostgreSQL: insert/upsert/update, pk.mode none|kafka|record_key|record_value, auto.create,
 * auto.evolve (ADD COLUMN only), deletes on tombstones, batches of batch.size.
 */
import type pg from 'pg';
import type { ConnectorProps } from '../../api/connector';
import { SinkTask } from '../../api/connector';
import type { SinkRecord } from '../../api/records';
import { ConnectException } from '../../data/errors';
import { BigDecimal } from '../../data/big-decimal';
import { Date as ConnectDate, Decimal, Time, Timestamp } from '../../data/logical-types';
import type { Schema } from '../../data/schema';
import { Struct } from '../../data/struct';
import { connectWithRetries } from '../postgres/connection';
import { quoteIdent } from '../postgres/pg-types';
import { jdbcConnectionSettings } from './jdbc-settings';
import { JDBC_CONNECTOR_VERSION } from './jdbc-source-task';
import { jdbcSinkConfigDef } from './sink-config';

const DEFAULT_KAFKA_PK_NAMES = ['__connect_topic', '__connect_partition', '__connect_offset'];

interface Column {
  name: string;
  schema: Schema | null;
  /** kafka coordinates columns: their SQL types. */
  sqlType?: string;
  isKey: boolean;
}

interface Settings {
  insertMode: string;
  pkMode: string;
  pkFields: string[];
  whitelist: Set<string>;
  autoCreate: boolean;
  autoEvolve: boolean;
  tableFormat: string;
  deleteEnabled: boolean;
  batchSize: number;
}

/** PostgreSqlDatabaseDialect.getSqlType. */
export function sqlTypeOf(schema: Schema): string {
  switch (schema.name) {
    case Decimal.LOGICAL_NAME:
      return 'DECIMAL';
    case ConnectDate.LOGICAL_NAME:
      return 'DATE';
    case Time.LOGICAL_NAME:
      return 'TIME';
    case Timestamp.LOGICAL_NAME:
      return 'TIMESTAMP';
    default:
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
      return 'SMALLINT';
    case 'INT32':
      return 'INT';
    case 'INT64':
      return 'BIGINT';
    case 'FLOAT32':
      return 'REAL';
    case 'FLOAT64':
      return 'DOUBLE PRECISION';
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'STRING':
      return 'TEXT';
    case 'BYTES':
      return 'BYTEA';
    case 'ARRAY':
      return `${sqlTypeOf(schema.valueSchema as Schema)}[]`;
    default:
      throw new ConnectException(`Cannot map Connect type ${schema.type} to a PostgreSQL column type`);
  }
}

function sqlValue(schema: Schema | null, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof BigDecimal) return v.toPlainString();
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof globalThis.Date) {
    if (schema?.name === ConnectDate.LOGICAL_NAME) return v.toISOString().slice(0, 10);
    if (schema?.name === Time.LOGICAL_NAME) return v.toISOString().slice(11, 23);
    return v.toISOString().replace('T', ' ').replace('Z', '');
  }
  if (Array.isArray(v)) return v.map((e) => sqlValue(schema?.valueSchema ?? null, e));
  return v;
}

interface PreparedRow {
  /** Rows with the same run key go into the same multi-row statements. */
  run: string;
  table: string;
  kind: 'write' | 'delete';
  keys: Column[];
  values: Column[];
  vals: unknown[];
}

export class JdbcSinkTask extends SinkTask {
  private client: pg.Client | null = null;
  private s: Settings | null = null;
  private parsed: Map<string, unknown> = new Map();
  private known = new Map<string, Set<string>>();

  version(): string {
    return JDBC_CONNECTOR_VERSION;
  }

  async start(props: ConnectorProps): Promise<void> {
    const p = jdbcSinkConfigDef().parse(props);
    this.parsed = p;
    this.s = {
      insertMode: (p.get('insert.mode') as string).toLowerCase(),
      pkMode: (p.get('pk.mode') as string).toLowerCase(),
      pkFields: (p.get('pk.fields') as string[]).filter((f) => f.trim() !== ''),
      whitelist: new Set((p.get('fields.whitelist') as string[]).filter((f) => f.trim() !== '')),
      autoCreate: p.get('auto.create') as boolean,
      autoEvolve: p.get('auto.evolve') as boolean,
      tableFormat: p.get('table.name.format') as string,
      deleteEnabled: p.get('delete.enabled') as boolean,
      batchSize: p.get('batch.size') as number,
    };
    if (this.s.deleteEnabled && this.s.pkMode !== 'record_key') {
      throw new ConnectException('Deletes are only supported for pk.mode record_key');
    }
    await this.connection();
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const p = this.parsed;
    const client = await connectWithRetries(
      jdbcConnectionSettings(p),
      p.get('connection.attempts') as number,
      Number(p.get('connection.backoff.ms')),
    );
    client.on('error', () => {
      if (this.client === client) this.client = null;
    });
    this.client = client;
    return client;
  }

  /** FieldsMetadata.extract: key columns then non-key columns (value order). */
  private columnsFor(r: SinkRecord): { keys: Column[]; values: Column[] } {
    const s = this.s!;
    const keys: Column[] = [];
    const values: Column[] = [];
    const valueSchema = r.valueSchema;
    const keyNames = new Set<string>();
    switch (s.pkMode) {
      case 'kafka': {
        const names = s.pkFields.length === 0 ? DEFAULT_KAFKA_PK_NAMES : s.pkFields;
        if (names.length !== 3)
          throw new ConnectException(
            'PK mode for table is KAFKA so there should either be no field names defined for defaults __connect_topic,__connect_partition,__connect_offset to be applicable, or exactly 3, defined fields are: ' +
              names.join(','),
          );
        const types = ['TEXT', 'INT', 'BIGINT'];
        names.forEach((n, i) => {
          keys.push({ name: n, schema: null, sqlType: types[i], isKey: true });
          keyNames.add(n);
        });
        break;
      }
      case 'record_key': {
        const ks = r.keySchema;
        if (!ks)
          throw new ConnectException(`PK mode for table is RECORD_KEY, but record key schema is missing`);
        if (ks.type === 'STRUCT') {
          const fields = s.pkFields.length === 0 ? ks.fields.map((f) => f.name) : s.pkFields;
          for (const n of fields) {
            const f = ks.field(n);
            if (!f)
              throw new ConnectException(
                `PK mode for table is RECORD_KEY with configured PK fields ${s.pkFields.join(',')}, but record key schema does not contain field: ${n}`,
              );
            keys.push({ name: n, schema: f.schema, isKey: true });
            keyNames.add(n);
          }
        } else {
          if (s.pkFields.length !== 1)
            throw new ConnectException(
              `Need exactly one PK column defined since the key schema for records is a primitive type, defined columns are: ${s.pkFields.join(',')}`,
            );
          keys.push({ name: s.pkFields[0], schema: ks, isKey: true });
          keyNames.add(s.pkFields[0]);
        }
        break;
      }
      case 'record_value': {
        if (!valueSchema || valueSchema.type !== 'STRUCT')
          throw new ConnectException('PK mode for table is RECORD_VALUE, but record value schema is missing');
        const fields = s.pkFields.length === 0 ? valueSchema.fields.map((f) => f.name) : s.pkFields;
        for (const n of fields) {
          const f = valueSchema.field(n);
          if (!f)
            throw new ConnectException(
              `PK mode for table is RECORD_VALUE with configured PK fields ${s.pkFields.join(',')}, but record value schema does not contain field: ${n}`,
            );
          keys.push({ name: n, schema: f.schema, isKey: true });
          keyNames.add(n);
        }
        break;
      }
      default:
    }
    if (valueSchema && valueSchema.type === 'STRUCT') {
      for (const f of valueSchema.fields) {
        if (keyNames.has(f.name)) continue;
        if (s.whitelist.size > 0 && !s.whitelist.has(f.name)) continue;
        values.push({ name: f.name, schema: f.schema, isKey: false });
      }
    }
    return { keys, values };
  }

  private tableName(topic: string): string {
    return this.s!.tableFormat.replace('${topic}', topic);
  }

  private async ensureTable(client: pg.Client, table: string, cols: Column[]): Promise<void> {
    const s = this.s!;
    let existing = this.known.get(table);
    if (!existing) {
      const r = await client.query<{ attname: string }>(
        `SELECT a.attname FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
        [quoteIdent(table)],
      );
      if (r.rows.length === 0) {
        if (!s.autoCreate)
          throw new ConnectException(`Table ${quoteIdent(table)} is missing and auto-creation is disabled`);
        const defs = cols.map(
          (c) =>
            `${quoteIdent(c.name)} ${c.sqlType ?? sqlTypeOf(c.schema!)}${c.isKey || !c.schema?.isOptional ? ' NOT NULL' : ' NULL'}`,
        );
        const keys = cols.filter((c) => c.isKey).map((c) => quoteIdent(c.name));
        if (keys.length > 0) defs.push(`PRIMARY KEY(${keys.join(',')})`);
        await client.query(`CREATE TABLE ${quoteIdent(table)} (\n${defs.join(',\n')})`);
        existing = new Set(cols.map((c) => c.name));
      } else existing = new Set(r.rows.map((x) => x.attname));
      this.known.set(table, existing);
    }
    const missing = cols.filter((c) => !existing.has(c.name));
    if (missing.length === 0) return;
    if (!s.autoEvolve) {
      throw new ConnectException(
        `Table ${quoteIdent(table)} is missing fields (${missing.map((c) => c.name).join(', ')}) and auto-evolution is disabled`,
      );
    }
    for (const c of missing) {
      if (c.schema && !c.schema.isOptional && c.schema.defaultValue === null) {
        throw new ConnectException(
          `Cannot ALTER TABLE ${quoteIdent(table)} to add missing field ${c.name}, as the field is not optional and does not have a default value`,
        );
      }
    }
    await client.query(
      `ALTER TABLE ${quoteIdent(table)} ${missing.map((c) => `ADD ${quoteIdent(c.name)} ${sqlTypeOf(c.schema!)} NULL`).join(', ')}`,
    );
    for (const c of missing) existing.add(c.name);
  }

  private rowValues(r: SinkRecord, keys: Column[], values: Column[]): unknown[] {
    const s = this.s!;
    const out: unknown[] = [];
    for (const [i, c] of keys.entries()) {
      if (s.pkMode === 'kafka') out.push([r.topic, r.kafkaPartition, String(r.kafkaOffset)][i]);
      else if (s.pkMode === 'record_key')
        out.push(sqlValue(c.schema, r.key instanceof Struct ? r.key.get(c.name) : r.key));
      else out.push(sqlValue(c.schema, (r.value as Struct).get(c.name)));
    }
    for (const c of values) out.push(sqlValue(c.schema, (r.value as Struct).get(c.name)));
    return out;
  }

  /**
   * BufferedRecords: one transaction per put(); consecutive records for the same table with the same
   * columns (and the same kind: write or delete) go out as multi-row statements of up to batch.size
   * rows. Order is kept: a change of table, columns or kind flushes the run before it.
   */
  async put(records: SinkRecord[]): Promise<void> {
    // The worker calls put([]) on every empty poll; like JdbcSinkTask, that touches no connection.
    if (records.length === 0) return;
    const client = await this.connection();
    const rows = records.map((r) => this.prepare(r));
    await client.query('BEGIN');
    try {
      for (let i = 0; i < rows.length;) {
        let j = i + 1;
        while (j < rows.length && rows[j].run === rows[i].run) j++;
        await this.writeRun(client, rows.slice(i, j));
        i = j;
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private prepare(r: SinkRecord): PreparedRow {
    const s = this.s!;
    const table = this.tableName(r.topic);
    if (r.value === null) {
      if (!s.deleteEnabled) {
        throw new ConnectException(
          `Sink connector '${table}' is configured with 'delete.enabled=false' and 'pk.mode=${s.pkMode}' and therefore requires records with a non-null Struct value and non-null Struct schema, but found record at (topic='${r.topic}',partition=${r.kafkaPartition ?? 'null'},offset=${r.kafkaOffset},timestamp=${r.timestamp ?? 'null'}) with a null value and null value schema.`,
        );
      }
      const { keys } = this.columnsFor(r);
      const run = `delete\u0000${table}\u0000${keys.map((k) => k.name).join('\u0000')}`;
      return { run, table, kind: 'delete', keys, values: [], vals: this.rowValues(r, keys, []) };
    }
    if (!(r.value instanceof Struct) || !r.valueSchema) {
      throw new ConnectException(
        `Sink connector '${table}' is configured with 'delete.enabled=${s.deleteEnabled}' and 'pk.mode=${s.pkMode}' and therefore requires records with a non-null Struct value and non-null Struct schema, but found record at (topic='${r.topic}',partition=${r.kafkaPartition ?? 'null'},offset=${r.kafkaOffset},timestamp=${r.timestamp ?? 'null'}) with a ${typeof r.value} value and ${r.valueSchema ? 'non-struct' : 'null'} value schema.`,
      );
    }
    const { keys, values } = this.columnsFor(r);
    const signature = [...keys, ...values]
      .map((c) => `${c.name}:${c.schema?.type ?? c.sqlType ?? ''}:${String(c.schema?.isOptional ?? '')}`)
      .join('\u0000');
    return {
      run: `write\u0000${table}\u0000${keys.length}\u0000${signature}`,
      table,
      kind: 'write',
      keys,
      values,
      vals: this.rowValues(r, keys, values),
    };
  }

  /** Rows per statement: batch.size, and never more bind parameters than PostgreSQL's 65535. */
  private chunks(rows: PreparedRow[], width: number): PreparedRow[][] {
    const size = Math.max(1, Math.min(this.s!.batchSize, Math.floor(65535 / Math.max(1, width))));
    const out: PreparedRow[][] = [];
    for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
    return out;
  }

  private async writeRun(client: pg.Client, rows: PreparedRow[]): Promise<void> {
    const s = this.s!;
    const first = rows[0];
    const { table, keys, values } = first;
    const t = quoteIdent(table);
    if (first.kind === 'delete') {
      const keyList = keys.map((k) => quoteIdent(k.name)).join(', ');
      for (const chunk of this.chunks(rows, keys.length)) {
        const tuples = chunk.map(
          (_, r) => `(${keys.map((__, c) => `$${r * keys.length + c + 1}`).join(', ')})`,
        );
        await client.query(
          `DELETE FROM ${t} WHERE (${keyList}) IN (${tuples.join(', ')})`,
          chunk.flatMap((r) => r.vals),
        );
      }
      return;
    }
    const all = [...keys, ...values];
    await this.ensureTable(client, table, all);
    const cols = all.map((c) => quoteIdent(c.name)).join(',');
    if (s.insertMode === 'update') {
      // UPDATE has no multi-row form without typed VALUES lists: one statement per row, same transaction
      const set = values.map((c, i) => `${quoteIdent(c.name)} = $${keys.length + i + 1}`).join(', ');
      const where = keys.map((k, i) => `${quoteIdent(k.name)} = $${i + 1}`).join(' AND ');
      for (const r of rows) await client.query(`UPDATE ${t} SET ${set} WHERE ${where}`, r.vals);
      return;
    }
    if (s.insertMode === 'upsert' && keys.length === 0) {
      throw new ConnectException(
        `Write to table '${t}' in UPSERT mode requires key field names to be known, check the primary key configuration`,
      );
    }
    const valuesSql = (chunk: PreparedRow[]): string =>
      chunk.map((_, r) => `(${all.map((__, c) => `$${r * all.length + c + 1}`).join(',')})`).join(',');
    for (const chunk of this.chunks(rows, all.length)) {
      if (s.insertMode === 'upsert') {
        // one statement may not touch a row twice: the last record per key wins, as in sequence
        const byKey = new Map<string, PreparedRow>();
        for (const r of chunk) {
          const k = JSON.stringify(r.vals.slice(0, keys.length), (_, v: unknown) =>
            typeof v === 'bigint' ? v.toString() : v,
          );
          byKey.delete(k);
          byKey.set(k, r);
        }
        const unique = [...byKey.values()];
        const conflict = keys.map((k) => quoteIdent(k.name)).join(',');
        const update =
          values.length === 0
            ? 'DO NOTHING'
            : `DO UPDATE SET ${values.map((c) => `${quoteIdent(c.name)}=EXCLUDED.${quoteIdent(c.name)}`).join(',')}`;
        await client.query(
          `INSERT INTO ${t} (${cols}) VALUES ${valuesSql(unique)} ON CONFLICT (${conflict}) ${update}`,
          unique.flatMap((r) => r.vals),
        );
      } else {
        await client.query(
          `INSERT INTO ${t}(${cols}) VALUES${valuesSql(chunk)}`,
          chunk.flatMap((r) => r.vals),
        );
      }
    }
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
