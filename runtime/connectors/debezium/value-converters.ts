/**
 * PostgresValueConverter / JdbcValueConverters for the text values PostgreSQL sends (snapshot
 * rows are read as text too, so both paths convert identically): column → Connect schema, and
 * text → Connect value, per decimal.handling.mode / time.precision.mode / binary.handling.mode.
 */
import { BigDecimal, bigintToTwosComplement } from '../../data/big-decimal';
import { Date as ConnectDate, Decimal, Time, Timestamp } from '../../data/logical-types';
import type { Schema as SchemaT } from '../../data/schema';
import { SchemaBuilder } from '../../data/schema-builder';
import { Struct } from '../../data/struct';
import {
  Oid,
  floorDiv,
  numericPrecisionScale,
  parseByteaHex,
  parseDateDays,
  parseTimeMicros,
  parseTimestamp,
  temporalPrecision,
} from '../postgres/pg-types';
import { DbzTypes } from './debezium-types';

export interface ConverterSettings {
  decimalMode: 'precise' | 'double' | 'string';
  timePrecisionMode: string;
  binaryMode: 'bytes' | 'base64' | 'base64-url-safe' | 'hex';
  intervalMode: 'numeric' | 'string';
  moneyFractionDigits: number;
}

/** A table column as Debezium sees it (catalog + relation message). */
export interface PgColumn {
  name: string;
  typeOid: number;
  typmod: number;
  typname: string;
  /** pg_type.typtype: b base, e enum, d domain, c composite... */
  typtype: string;
  /** For arrays: the element type's oid (0 otherwise). */
  elemOid: number;
  /** Enum labels (for enum columns, or enum-array element). */
  enumValues: string[] | null;
  optional: boolean;
  /** pg_get_expr of the column default, or null. */
  defaultExpr: string | null;
}

export interface ColumnConverter {
  schema: SchemaT;
  /** Raw text (null = SQL NULL) → Connect value. */
  convert(text: string | null): unknown;
}

const ARRAY_ELEMENT: Record<number, number> = {
  1005: Oid.INT2,
  1007: Oid.INT4,
  1016: Oid.INT8,
  1028: Oid.OID,
  1021: Oid.FLOAT4,
  1022: Oid.FLOAT8,
  1000: Oid.BOOL,
  1002: Oid.CHAR,
  1009: Oid.TEXT,
  1015: Oid.VARCHAR,
  1014: Oid.BPCHAR,
  1231: Oid.NUMERIC,
  1182: Oid.DATE,
  1183: Oid.TIME,
  1270: Oid.TIMETZ,
  1115: Oid.TIMESTAMP,
  1185: Oid.TIMESTAMPTZ,
  2951: Oid.UUID,
  199: Oid.JSON,
  3807: Oid.JSONB,
  1001: Oid.BYTEA,
};

export function arrayElementOid(col: PgColumn): number {
  return ARRAY_ELEMENT[col.typeOid] ?? col.elemOid;
}

function parseFloatPg(t: string): number {
  if (t === 'NaN') return NaN;
  if (t === 'Infinity') return Infinity;
  if (t === '-Infinity') return -Infinity;
  return Number(t);
}

/** ZonedTimestamp/ZonedTime text: ISO with the fraction trimmed of trailing zeros (DateTimeFormatter ISO_*). */
function isoFraction(micros: bigint): string {
  if (micros === 0n) return '';
  return '.' + micros.toString().padStart(6, '0').replace(/0+$/, '');
}

export function zonedTimestampText(text: string, width = 0): string {
  const { micros } = parseTimestamp(text);
  const ms = floorDiv(micros, 1000n);
  const sub = micros - floorDiv(micros, 1_000_000n) * 1_000_000n;
  const d = new globalThis.Date(Number(ms));
  const year = d.getUTCFullYear();
  const y =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, '0')
      : (year < 0 ? '-' : '+') + String(Math.abs(year)).padStart(4, '0');
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${y}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${width > 0 ? '.' + sub.toString().padStart(6, '0').padEnd(9, '0').slice(0, width) : isoFraction(sub)}Z`;
}

export function zonedTimeText(text: string): string {
  const m = /^(\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d(?::?\d\d(?::?\d\d)?)?)?$/.exec(text);
  if (!m) throw new Error(`Unparseable timetz '${text}'`);
  let micros = parseTimeMicros(m[1] ?? '');
  if (m[2]) {
    const sign = m[2].startsWith('-') ? -1n : 1n;
    const digits = m[2].slice(1).replace(/:/g, '');
    const secs = BigInt(
      Number(digits.slice(0, 2)) * 3600 +
        Number(digits.slice(2, 4) || '0') * 60 +
        Number(digits.slice(4, 6) || '0'),
    );
    micros -= sign * secs * 1_000_000n;
  }
  const day = 86_400_000_000n;
  micros = ((micros % day) + day) % day;
  const secs = Number(micros / 1_000_000n);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(Math.floor(secs / 3600))}:${p(Math.floor(secs / 60) % 60)}:${p(secs % 60)}${isoFraction(micros % 1_000_000n)}Z`;
}

function binaryValue(buf: Buffer, mode: ConverterSettings['binaryMode']): unknown {
  switch (mode) {
    case 'base64':
      return buf.toString('base64');
    case 'base64-url-safe':
      return buf.toString('base64url');
    case 'hex':
      return buf.toString('hex');
    default:
      return buf;
  }
}

/** BigDecimal.stripTrailingZeros (Java semantics, zero → scale 0). */
function stripTrailingZeros(d: BigDecimal): BigDecimal {
  if (d.unscaled === 0n) return new BigDecimal(0n, 0);
  let u = d.unscaled;
  let s = d.scale;
  while (u % 10n === 0n) {
    u /= 10n;
    s -= 1;
  }
  return new BigDecimal(u, s);
}

/** A VariableScaleDecimal value; becomes a Struct of the field's exact (optional or not) schema. */
class VariableScale {
  constructor(
    readonly scale: number,
    readonly value: Buffer,
  ) {}
  toStruct(schema: SchemaT): Struct {
    return new Struct(schema).put('scale', this.scale).put('value', this.value);
  }
}

function materialize(v: unknown, schema: SchemaT): unknown {
  if (v instanceof VariableScale) return v.toStruct(schema);
  if (Array.isArray(v) && schema.type === 'ARRAY') {
    const elem = schema.valueSchema as SchemaT;
    return v.map((e) => materialize(e, elem));
  }
  return v;
}

interface BaseConverter {
  builder: () => SchemaBuilder;
  convert: (text: string) => unknown;
}

/** Schema builder + converter for a base (non-array) type; null = unsupported (column skipped). */
function baseConverter(
  oid: number,
  typmod: number,
  col: PgColumn,
  s: ConverterSettings,
): BaseConverter | null {
  const tpm = s.timePrecisionMode;
  switch (oid) {
    case Oid.INT2:
      return { builder: () => SchemaBuilder.int16(), convert: (t) => Number(t) };
    case Oid.INT4:
      return { builder: () => SchemaBuilder.int32(), convert: (t) => Number(t) };
    case Oid.INT8:
    case Oid.OID:
      return { builder: () => SchemaBuilder.int64(), convert: (t) => BigInt(t) };
    case Oid.FLOAT4:
      return { builder: () => SchemaBuilder.float32(), convert: (t) => Math.fround(parseFloatPg(t)) };
    case Oid.FLOAT8:
      return { builder: () => SchemaBuilder.float64(), convert: parseFloatPg };
    case Oid.BOOL:
      return { builder: () => SchemaBuilder.bool(), convert: (t) => t === 't' || t === 'true' };
    case Oid.TEXT:
    case Oid.VARCHAR:
    case Oid.BPCHAR:
    case Oid.CHAR:
    case Oid.NAME:
      return { builder: () => SchemaBuilder.string(), convert: (t) => t };
    case Oid.UUID:
      return { builder: DbzTypes.uuid, convert: (t) => t };
    case Oid.JSON:
    case Oid.JSONB:
      return { builder: DbzTypes.json, convert: (t) => t };
    case Oid.XML:
      return { builder: DbzTypes.xml, convert: (t) => t };
    case Oid.BYTEA:
      return {
        builder: () => (s.binaryMode === 'bytes' ? SchemaBuilder.bytes() : SchemaBuilder.string()),
        convert: (t) => binaryValue(parseByteaHex(t), s.binaryMode),
      };
    case Oid.NUMERIC: {
      const { precision, scale } = numericPrecisionScale(typmod);
      const variable = typmod < 0;
      if (s.decimalMode === 'double')
        return { builder: () => SchemaBuilder.float64(), convert: parseFloatPg };
      if (s.decimalMode === 'string') return { builder: () => SchemaBuilder.string(), convert: (t) => t };
      if (variable) {
        return {
          builder: DbzTypes.variableScaleDecimal,
          convert: (t) => {
            if (t === 'NaN' || /Infinity/.test(t)) return null;
            let d = stripTrailingZeros(BigDecimal.parse(t));
            if (d.scale < 0) d = d.setScale(0);
            return new VariableScale(d.scale, bigintToTwosComplement(d.unscaled));
          },
        };
      }
      return {
        builder: () => Decimal.builder(scale).parameter('connect.decimal.precision', String(precision)),
        convert: (t) => (t === 'NaN' || /Infinity/.test(t) ? null : BigDecimal.parse(t).setScale(scale)),
      };
    }
    case Oid.MONEY: {
      const digits = s.moneyFractionDigits;
      const parse = (t: string): string => t.replace(/[^0-9.-]/g, '');
      if (s.decimalMode === 'double')
        return { builder: () => SchemaBuilder.float64(), convert: (t) => Number(parse(t)) };
      if (s.decimalMode === 'string') return { builder: () => SchemaBuilder.string(), convert: parse };
      return {
        builder: () => Decimal.builder(digits),
        convert: (t) => BigDecimal.parse(parse(t)).setScale(digits),
      };
    }
    case Oid.DATE:
      if (tpm === 'connect')
        return {
          builder: () => ConnectDate.builder(),
          convert: (t) => new globalThis.Date(parseDateDays(t) * 86_400_000),
        };
      if (tpm === 'isostring') return { builder: () => SchemaBuilder.string(), convert: (t) => t };
      return { builder: DbzTypes.date, convert: (t) => parseDateDays(t) };
    case Oid.TIME: {
      const p = temporalPrecision(typmod);
      if (tpm === 'connect')
        return {
          builder: () => Time.builder(),
          convert: (t) => new globalThis.Date(Number(parseTimeMicros(t) / 1000n)),
        };
      if (tpm === 'nanoseconds')
        return { builder: DbzTypes.nanoTime, convert: (t) => parseTimeMicros(t) * 1000n };
      if (tpm === 'adaptive' && p <= 3)
        return { builder: DbzTypes.time, convert: (t) => Number(parseTimeMicros(t) / 1000n) };
      return { builder: DbzTypes.microTime, convert: (t) => parseTimeMicros(t) };
    }
    case Oid.TIMESTAMP: {
      const p = temporalPrecision(typmod);
      const micros = (t: string): bigint => parseTimestamp(t).micros;
      if (tpm === 'connect')
        return {
          builder: () => Timestamp.builder(),
          convert: (t) => new globalThis.Date(Number(floorDiv(micros(t), 1000n))),
        };
      if (tpm === 'nanoseconds')
        return { builder: DbzTypes.nanoTimestamp, convert: (t) => micros(t) * 1000n };
      if ((tpm === 'adaptive' || tpm === 'adaptive_time_microseconds') && p <= 3) {
        return { builder: DbzTypes.timestamp, convert: (t) => floorDiv(micros(t), 1000n) };
      }
      return { builder: DbzTypes.microTimestamp, convert: micros };
    }
    case Oid.TIMESTAMPTZ: {
      // ZonedTimestamp.toIsoString with fractionalWidth = the column's precision (6 when unconstrained)
      const width = temporalPrecision(typmod);
      return { builder: DbzTypes.zonedTimestamp, convert: (t) => zonedTimestampText(t, width) };
    }
    case Oid.TIMETZ:
      return { builder: DbzTypes.zonedTime, convert: zonedTimeText };
    default:
      if (col.typtype === 'e' && col.enumValues && oid === col.typeOid) {
        const allowed = col.enumValues.join(',');
        return { builder: () => DbzTypes.enumOf(allowed), convert: (t) => t };
      }
      return null;
  }
}

/** Splits a PostgreSQL array literal ({a,"b c",NULL}) into element texts (one dimension). */
export function parseArrayLiteral(text: string): (string | null)[] {
  const body = text.replace(/^\[[^\]]*\]=/, '').slice(1, -1);
  const out: (string | null)[] = [];
  if (body === '') return out;
  let i = 0;
  while (i <= body.length) {
    if (body[i] === '"') {
      let v = '';
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++;
        v += body[i] ?? '';
        i++;
      }
      i++; // closing quote
      out.push(v);
    } else {
      let j = i;
      while (j < body.length && body[j] !== ',') j++;
      const raw = body.slice(i, j).trim();
      out.push(raw === 'NULL' ? null : raw);
      i = j;
    }
    if (body[i] === ',') i++;
    else break;
  }
  return out;
}

/** The field schema (optional per column, with the column default when Debezium can parse it) and the converter. */
export function columnConverter(col: PgColumn, s: ConverterSettings): ColumnConverter | null {
  let builder: SchemaBuilder;
  let convert: (t: string) => unknown;
  const elem = col.typname.startsWith('_') ? arrayElementOid(col) : 0;
  if (elem !== 0) {
    const elemCol: PgColumn = { ...col, typeOid: elem, typtype: col.enumValues ? 'e' : 'b' };
    const base = baseConverter(elem, col.typmod, elemCol, s);
    if (!base) return null;
    // Debezium: enum arrays have required elements, other arrays optional ones
    const elemSchema = col.enumValues ? base.builder().build() : base.builder().optional().build();
    builder = SchemaBuilder.array(elemSchema);
    convert = (t) => parseArrayLiteral(t).map((e) => (e === null ? null : base.convert(e)));
  } else {
    const base = baseConverter(col.typeOid, col.typmod, col, s);
    if (!base) return null;
    builder = base.builder();
    convert = base.convert;
  }
  if (col.optional) builder.optional();
  const dflt = parseDefault(col.defaultExpr);
  if (dflt === undefined && col.defaultExpr !== null && !col.optional) {
    // a default Debezium cannot evaluate (nextval(...), functions): required columns get the type's fallback
    const fb = fallbackValue(builder.build());
    if (fb !== null) builder.defaultValue(fb);
  } else if (dflt !== undefined) {
    try {
      const v = convert(dflt);
      if (v !== null && v !== undefined && !(v instanceof VariableScale)) builder.defaultValue(v);
    } catch {
      /* unparseable default: Debezium leaves the schema without one */
    }
  }
  const schema = builder.build();
  return { schema, convert: (t) => (t === null ? null : materialize(convert(t), schema)) };
}

/** PostgresDefaultValueConverter, for literal defaults: '...'::type, numbers, true/false. */
export function parseDefault(expr: string | null): string | undefined {
  if (expr === null) return undefined;
  const e = expr.trim();
  if (/^nextval\(/i.test(e) || /^NULL(::.*)?$/i.test(e)) return undefined;
  const quoted = /^'((?:[^']|'')*)'(?:::[\w\s."[\]()]+)?$/.exec(e);
  if (quoted) return (quoted[1] ?? '').replace(/''/g, "'");
  const num = /^\(?(-?\d+(?:\.\d+)?)\)?(?:::[\w\s]+)?$/.exec(e);
  if (num) return num[1];
  if (/^(true|false)$/i.test(e)) return e.toLowerCase() === 'true' ? 't' : 'f';
  return undefined;
}

/** The type fallback Debezium uses for a required column whose value is unknown (REPLICA IDENTITY DEFAULT before images). */
export function fallbackValue(schema: SchemaT): unknown {
  if (schema.defaultValue !== null && schema.defaultValue !== undefined) return schema.defaultValue;
  if (schema.isOptional) return null;
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
      return schema.name === ConnectDate.LOGICAL_NAME || schema.name === Time.LOGICAL_NAME
        ? new globalThis.Date(0)
        : 0;
    case 'INT64':
      return schema.name === Timestamp.LOGICAL_NAME ? new globalThis.Date(0) : 0n;
    case 'FLOAT32':
    case 'FLOAT64':
      return 0;
    case 'BOOLEAN':
      return false;
    case 'STRING':
      return '';
    case 'BYTES':
      return schema.name === Decimal.LOGICAL_NAME
        ? new BigDecimal(0n, Decimal.scale(schema))
        : Buffer.alloc(0);
    case 'ARRAY':
      return [];
    default:
      return null;
  }
}
