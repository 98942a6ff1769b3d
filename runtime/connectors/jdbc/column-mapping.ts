/**
 * SchemaMapping + GenericDatabaseDialect/PostgreSqlDatabaseDialect column handling of the JDBC
 * source: result-set columns (as pgjdbc describes them) → Connect fields and value converters.
 */
import type pg from 'pg';
import { BigDecimal } from '../../data/big-decimal';
import { Date as ConnectDate, Decimal, Time, Timestamp } from '../../data/logical-types';
import { Schema } from '../../data/schema';
import type { Schema as SchemaT } from '../../data/schema';
import type { SchemaBuilder } from '../../data/schema-builder';
import {
  Oid,
  numericPrecisionScale,
  parseByteaHex,
  parseDateDays,
  parseTimeMicros,
  parseTimestamp,
} from '../postgres/pg-types';

export type NumericMapping = 'none' | 'precision_only' | 'best_fit' | 'best_fit_eager_double';

export interface ColumnInfo {
  name: string;
  typeOid: number;
  typmod: number;
  /** pg_type.typtype ('b' base, 'e' enum, 'd' domain, ...). */
  typtype: string;
  typname: string;
  optional: boolean;
}

/** A value read from a row plus, for timestamps, the nanos-of-second the offset needs. */
export interface ColumnReader {
  field: string;
  schema: SchemaT;
  read(text: string | null): unknown;
}

const NUMERIC_TYPE_SCALE_LOW = -84;
const NUMERIC_TYPE_SCALE_HIGH = 127;
const MAX_INTEGER_TYPE_PRECISION = 18;

function opt(optional: boolean, required: SchemaT, optionalSchema: SchemaT): SchemaT {
  return optional ? optionalSchema : required;
}

function integerSchema(optional: boolean, precision: number): SchemaT {
  if (precision > 9) return opt(optional, Schema.INT64_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA);
  if (precision > 4) return opt(optional, Schema.INT32_SCHEMA, Schema.OPTIONAL_INT32_SCHEMA);
  if (precision > 2) return opt(optional, Schema.INT16_SCHEMA, Schema.OPTIONAL_INT16_SCHEMA);
  return opt(optional, Schema.INT8_SCHEMA, Schema.OPTIONAL_INT8_SCHEMA);
}

function integerReader(schema: SchemaT): (t: string) => unknown {
  return schema.type === 'INT64' ? (t) => BigInt(t.split('.')[0] ?? t) : (t) => Number(t);
}

/** Java Timestamp semantics: ms since epoch plus the nanos of the second. */
export class JdbcTimestamp {
  constructor(readonly micros: bigint) {}
  get millis(): number {
    return Number(this.micros / 1000n) - (this.micros % 1000n < 0n ? 1 : 0);
  }
  get nanosOfSecond(): number {
    const m = ((this.micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
    return Number(m) * 1000;
  }
}

export const TIMESTAMP_MICROS = Symbol('timestampMicros');

/** Builds field schema + converter for one column, or null when the type is not supported (skipped). */
export function columnReader(col: ColumnInfo, mapping: NumericMapping): ColumnReader | null {
  const optional = col.optional;
  const field = col.name;
  const s = (schema: SchemaT, read: (t: string) => unknown): ColumnReader => ({
    field,
    schema,
    read: (t) => (t === null ? null : read(t)),
  });
  if (col.typtype === 'e' || col.typtype === 'd') {
    // pgjdbc reports enums (and most domains over text) as VARCHAR
    return s(opt(optional, Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA), (t) => t);
  }
  switch (col.typeOid) {
    case Oid.BOOL:
      return s(opt(optional, Schema.BOOLEAN_SCHEMA, Schema.OPTIONAL_BOOLEAN_SCHEMA), (t) => t === 't');
    case Oid.BIT: {
      const bits = col.typmod < 0 ? 1 : col.typmod;
      if (bits <= 1)
        return s(opt(optional, Schema.BOOLEAN_SCHEMA, Schema.OPTIONAL_BOOLEAN_SCHEMA), (t) => t === '1');
      if (bits <= 8)
        return s(
          opt(optional, Schema.INT8_SCHEMA, Schema.OPTIONAL_INT8_SCHEMA),
          (t) => (parseInt(t, 2) << 24) >> 24,
        );
      return s(opt(optional, Schema.BYTES_SCHEMA, Schema.OPTIONAL_BYTES_SCHEMA), (t) => Buffer.from(t));
    }
    case Oid.INT2:
      return s(opt(optional, Schema.INT16_SCHEMA, Schema.OPTIONAL_INT16_SCHEMA), (t) => Number(t));
    case Oid.INT4:
      return s(opt(optional, Schema.INT32_SCHEMA, Schema.OPTIONAL_INT32_SCHEMA), (t) => Number(t));
    case Oid.INT8:
    case Oid.OID:
      return s(opt(optional, Schema.INT64_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA), (t) => BigInt(t));
    case Oid.FLOAT4:
      return s(opt(optional, Schema.FLOAT32_SCHEMA, Schema.OPTIONAL_FLOAT32_SCHEMA), (t) =>
        Math.fround(parseFloatPg(t)),
      );
    case Oid.FLOAT8:
      return s(opt(optional, Schema.FLOAT64_SCHEMA, Schema.OPTIONAL_FLOAT64_SCHEMA), parseFloatPg);
    case Oid.MONEY:
      return s(opt(optional, Schema.FLOAT64_SCHEMA, Schema.OPTIONAL_FLOAT64_SCHEMA), (t) =>
        Number(t.replace(/[^0-9.-]/g, '')),
      );
    case Oid.NUMERIC:
      return numericReader(col, mapping, s);
    case Oid.TEXT:
    case Oid.VARCHAR:
    case Oid.BPCHAR:
    case Oid.CHAR:
    case Oid.NAME:
    case Oid.XML:
      return s(opt(optional, Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA), (t) => t);
    case Oid.JSON:
    case Oid.JSONB:
    case Oid.UUID:
      return s(opt(optional, Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA), (t) => t);
    case Oid.BYTEA:
      return s(opt(optional, Schema.BYTES_SCHEMA, Schema.OPTIONAL_BYTES_SCHEMA), parseByteaHex);
    case Oid.DATE: {
      const b = ConnectDate.builder();
      if (optional) b.optional();
      return s(b.build(), (t) => new globalThis.Date(parseDateDays(t) * 86_400_000));
    }
    case Oid.TIME:
    case Oid.TIMETZ: {
      const b = Time.builder();
      if (optional) b.optional();
      // java.sql.Time keeps milliseconds only
      return s(b.build(), (t) => new globalThis.Date(Number(parseTimeMicros(t) / 1000n)));
    }
    case Oid.TIMESTAMP:
    case Oid.TIMESTAMPTZ: {
      const b = Timestamp.builder();
      if (optional) b.optional();
      return s(b.build(), (t) => {
        const micros = parseTimestamp(t).micros;
        const d = new globalThis.Date(new JdbcTimestamp(micros).millis);
        (d as unknown as Record<symbol, bigint>)[TIMESTAMP_MICROS] = micros;
        return d;
      });
    }
    default:
      return null;
  }
}

function parseFloatPg(t: string): number {
  if (t === 'NaN') return NaN;
  if (t === 'Infinity') return Infinity;
  if (t === '-Infinity') return -Infinity;
  return Number(t);
}

function numericReader(
  col: ColumnInfo,
  mapping: NumericMapping,
  s: (schema: SchemaT, read: (t: string) => unknown) => ColumnReader,
): ColumnReader {
  const optional = col.optional;
  const { precision, scale } = numericPrecisionScale(col.typmod);
  const asInteger = (): ColumnReader => {
    const schema = integerSchema(optional, precision);
    return s(schema, integerReader(schema));
  };
  const asDouble = (): ColumnReader =>
    s(opt(optional, Schema.FLOAT64_SCHEMA, Schema.OPTIONAL_FLOAT64_SCHEMA), parseFloatPg);
  if (mapping === 'precision_only') {
    if (scale === 0 && precision <= MAX_INTEGER_TYPE_PRECISION) return asInteger();
  } else if (mapping === 'best_fit') {
    if (precision <= MAX_INTEGER_TYPE_PRECISION) {
      if (scale < 1 && scale >= NUMERIC_TYPE_SCALE_LOW) return asInteger();
      if (scale > 0) return asDouble();
    }
  } else if (mapping === 'best_fit_eager_double') {
    if (scale < 1 && scale >= NUMERIC_TYPE_SCALE_LOW) {
      if (precision <= MAX_INTEGER_TYPE_PRECISION) return asInteger();
    } else if (scale > 0) return asDouble();
  }
  // PostgreSqlDatabaseDialect.decimalScale: unconstrained numeric → scale 127
  const decimalScale = precision === 0 && scale === 0 ? NUMERIC_TYPE_SCALE_HIGH : scale;
  const b: SchemaBuilder = Decimal.builder(decimalScale).parameter(
    'connect.decimal.precision',
    String(precision),
  );
  if (optional) b.optional();
  return s(b.build(), (t) => BigDecimal.parse(t).setScale(decimalScale));
}

/** Looks up nullability and type kinds for the columns of a result (one catalog query). */
export async function describeResultColumns(
  client: pg.Client,
  fields: readonly pg.FieldDef[],
): Promise<ColumnInfo[]> {
  const typeOids = [...new Set(fields.map((f) => f.dataTypeID))];
  const attrs = fields.filter((f) => f.tableID > 0);
  const [types, nulls] = await Promise.all([
    client.query<{ oid: string; typtype: string; typname: string }>(
      'SELECT oid::int8 AS oid, typtype, typname FROM pg_type WHERE oid = ANY($1::oid[])',
      [typeOids],
    ),
    attrs.length === 0
      ? Promise.resolve({ rows: [] as { attrelid: string; attnum: string; attnotnull: string }[] })
      : client.query<{ attrelid: string; attnum: string; attnotnull: string }>(
          'SELECT attrelid::int8 AS attrelid, attnum, attnotnull FROM pg_attribute WHERE attrelid = ANY($1::oid[]) AND attnum > 0',
          [[...new Set(attrs.map((f) => f.tableID))]],
        ),
  ]);
  const typeByOid = new Map(types.rows.map((r) => [Number(r.oid), r]));
  const notNull = new Set(
    nulls.rows.filter((r) => r.attnotnull === 't').map((r) => `${r.attrelid}:${r.attnum}`),
  );
  return fields.map((f) => ({
    name: f.name,
    typeOid: f.dataTypeID,
    typmod: f.dataTypeModifier,
    typtype: typeByOid.get(f.dataTypeID)?.typtype ?? 'b',
    typname: typeByOid.get(f.dataTypeID)?.typname ?? '',
    // pgjdbc: nullable unknown (expressions) counts as optional
    optional: !(f.tableID > 0 && notNull.has(`${f.tableID}:${f.columnID}`)),
  }));
}
