import { BigDecimal } from './big-decimal';
import { ConnectSchema } from './connect-schema';
import { DataException } from './errors';
import { formatJavaDouble, formatJavaFloat } from './java-number-format';
import { javaClassOf } from './java-class';
import { formatValue } from './format-value';
import { Date as LogicalDate, Decimal, Time, Timestamp } from './logical-types';
import { Schema } from './schema';
import type { SchemaType } from './schema';
import { SchemaAndValue } from './schema-and-value';
import { SchemaBuilder } from './schema-builder';
import { Struct } from './struct';
import { ValuesTokenizer, isBlank, javaTrim } from './values-parser';

/**
 * org.apache.kafka.connect.data.Values: converting between Connect types and parsing header strings
 * (SimpleHeaderConverter, Cast). Java's boxed numeric classes do not exist here, so where Java looks
 * at a value's class we look at its schema when we have one: FLOAT32 prints as Float.toString,
 * FLOAT64 as Double.toString, and a bare fractional number as a double. Dates are formatted and
 * parsed in UTC (Java uses the JVM zone; Connect workers normally run in UTC).
 */

const MILLIS_PER_DAY = 86_400_000;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function unableToConvert(value: unknown, target: Schema | string): DataException {
  return new DataException(
    `Unable to convert ${formatValue(value)} (${javaClassOf(value)}) to ${typeof target === 'string' ? target : target.toString()}`,
  );
}

function bigDecimalText(text: string): BigDecimal | null {
  try {
    return BigDecimal.parse(text);
  } catch {
    return null;
  }
}

/** BigDecimal/BigInteger longValue(): truncate toward zero, keep the low 64 bits. */
function decimalToLong(d: BigDecimal): bigint {
  let i: bigint;
  if (d.scale <= 0) i = -d.scale >= 64 ? 0n : d.unscaled * 10n ** BigInt(-d.scale);
  else i = d.scale > d.unscaled.toString().length + 1 ? 0n : d.unscaled / 10n ** BigInt(d.scale);
  return BigInt.asIntN(64, i);
}

/** Double.longValue(): truncation, saturating, NaN → 0. */
function doubleToLong(n: number): bigint {
  if (Number.isNaN(n)) return 0n;
  if (n >= 9223372036854775807) return LONG_MAX;
  if (n <= -9223372036854775808) return LONG_MIN;
  return BigInt(Math.trunc(n));
}

function asLong(value: unknown, fromSchema: Schema | null): bigint {
  if (typeof value === 'bigint') return BigInt.asIntN(64, value);
  if (typeof value === 'number') return doubleToLong(value);
  if (value instanceof BigDecimal) return decimalToLong(value);
  if (typeof value === 'string') {
    const d = bigDecimalText(value);
    if (d !== null) return decimalToLong(d);
  }
  if (fromSchema !== null) {
    if (value instanceof Date) {
      if (fromSchema.name === LogicalDate.LOGICAL_NAME)
        return BigInt(LogicalDate.fromLogical(fromSchema, value));
      if (fromSchema.name === Time.LOGICAL_NAME) return BigInt(Time.fromLogical(fromSchema, value));
      if (fromSchema.name === Timestamp.LOGICAL_NAME) return Timestamp.fromLogical(fromSchema, value);
    }
    throw unableToConvert(value, fromSchema);
  }
  throw unableToConvert(value, 'a number');
}

function asDouble(value: unknown, fromSchema: Schema | null): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof BigDecimal) return value.toNumber();
  if (typeof value === 'string') {
    const d = bigDecimalText(value);
    if (d !== null) return d.toNumber();
  }
  return Number(asLong(value, fromSchema));
}

export function convertToBoolean(schema: Schema | null, value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const parsed = parseString(value);
    if (typeof parsed?.value === 'boolean') return parsed.value;
  }
  return asLong(value, schema) !== 0n;
}

export function convertToByte(schema: Schema | null, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(BigInt.asIntN(8, asLong(value, schema)));
}

export function convertToShort(schema: Schema | null, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(BigInt.asIntN(16, asLong(value, schema)));
}

export function convertToInteger(schema: Schema | null, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(BigInt.asIntN(32, asLong(value, schema)));
}

export function convertToLong(schema: Schema | null, value: unknown): bigint | null {
  if (value === null || value === undefined) return null;
  return asLong(value, schema);
}

export function convertToFloat(schema: Schema | null, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Math.fround(asDouble(value, schema));
}

export function convertToDouble(schema: Schema | null, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return asDouble(value, schema);
}

/** Values.convertToString: the text form SimpleHeaderConverter writes. */
export function convertToString(schema: Schema | null, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const out: string[] = [];
  append(out, value, false, schema);
  return out.join('');
}

export function convertToList(schema: Schema | null, value: unknown): unknown[] {
  return convertToArray(ARRAY_SELECTOR_SCHEMA, schema, value);
}

export function convertToMap(_schema: Schema | null, value: unknown): Map<unknown, unknown> {
  return convertToMapInternal(MAP_SELECTOR_SCHEMA, value);
}

export function convertToStruct(_schema: Schema | null, value: unknown): Struct {
  return convertToStructInternal(STRUCT_SELECTOR_SCHEMA, value);
}

export function convertToDate(schema: Schema | null, value: unknown): Date | null {
  if (value === null || value === undefined)
    throw new DataException('Unable to convert a null value to a schema that requires a value');
  return convertToDateInternal(LogicalDate.SCHEMA, schema, value);
}

export function convertToTime(schema: Schema | null, value: unknown): Date | null {
  if (value === null || value === undefined)
    throw new DataException('Unable to convert a null value to a schema that requires a value');
  return convertToTimeInternal(Time.SCHEMA, schema, value);
}

export function convertToTimestamp(schema: Schema | null, value: unknown): Date | null {
  if (value === null || value === undefined)
    throw new DataException('Unable to convert a null value to a schema that requires a value');
  return convertToTimestampInternal(Timestamp.SCHEMA, schema, value);
}

export function convertToDecimal(_schema: Schema | null, value: unknown, scale: number): BigDecimal {
  if (value === null || value === undefined)
    throw new DataException('Unable to convert a null value to a schema that requires a value');
  return convertToDecimalInternal(Decimal.schema(scale), value);
}

const ARRAY_SELECTOR_SCHEMA = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
const MAP_SELECTOR_SCHEMA = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build();
const STRUCT_SELECTOR_SCHEMA = SchemaBuilder.struct().build();

/** Values.convertTo: coerce a value to a target schema (used to align parsed list/map entries). */
export function convertTo(toSchema: Schema, fromSchema: Schema | null, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (toSchema.isOptional) return null;
    throw new DataException('Unable to convert a null value to a schema that requires a value');
  }
  switch (toSchema.type) {
    case 'BYTES':
      return toSchema.name === Decimal.LOGICAL_NAME
        ? convertToDecimalInternal(toSchema, value)
        : convertToBytes(toSchema, value);
    case 'STRING':
      return convertToString(fromSchema, value);
    case 'BOOLEAN':
      return convertToBoolean(fromSchema, value);
    case 'INT8':
      return convertToByte(fromSchema, value);
    case 'INT16':
      return convertToShort(fromSchema, value);
    case 'INT32':
      if (toSchema.name === LogicalDate.LOGICAL_NAME)
        return convertToDateInternal(toSchema, fromSchema, value);
      if (toSchema.name === Time.LOGICAL_NAME) return convertToTimeInternal(toSchema, fromSchema, value);
      return convertToInteger(fromSchema, value);
    case 'INT64':
      if (toSchema.name === Timestamp.LOGICAL_NAME)
        return convertToTimestampInternal(toSchema, fromSchema, value);
      return convertToLong(fromSchema, value);
    case 'FLOAT32':
      return convertToFloat(fromSchema, value);
    case 'FLOAT64':
      return convertToDouble(fromSchema, value);
    case 'ARRAY':
      return convertToArray(toSchema, fromSchema, value);
    case 'MAP':
      return convertToMapInternal(toSchema, value);
    case 'STRUCT':
      return convertToStructInternal(toSchema, value);
  }
}

function convertToDecimalInternal(toSchema: Schema, value: unknown): BigDecimal {
  if (value instanceof Uint8Array) return Decimal.toLogical(toSchema, value);
  if (value instanceof BigDecimal) return value;
  if (typeof value === 'number') return BigDecimal.fromNumber(value);
  if (typeof value === 'bigint') return new BigDecimal(value, 0);
  if (typeof value === 'string') {
    const d = bigDecimalText(value);
    if (d === null)
      throw new DataException(
        `Character ${value} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`,
      );
    return d;
  }
  throw unableToConvert(value, toSchema);
}

function convertToBytes(toSchema: Schema, value: unknown): Buffer {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof BigDecimal) return Decimal.fromLogical(toSchema, value);
  throw unableToConvert(value, toSchema);
}

function parsedValue(value: unknown): unknown {
  return typeof value === 'string' ? (parseString(value)?.value ?? null) : value;
}

function convertToDateInternal(toSchema: Schema, fromSchema: Schema | null, raw: unknown): Date | null {
  if (raw === null || raw === undefined) return null;
  const value = parsedValue(raw);
  if (value instanceof Date) {
    if (fromSchema === null) return value;
    if (fromSchema.name === LogicalDate.LOGICAL_NAME) return value;
    if (fromSchema.name === Timestamp.LOGICAL_NAME)
      return LogicalDate.toLogical(toSchema, Math.trunc(value.getTime() / MILLIS_PER_DAY) | 0);
  }
  return LogicalDate.toLogical(toSchema, Number(BigInt.asIntN(32, asLong(value, fromSchema))));
}

function convertToTimeInternal(toSchema: Schema, fromSchema: Schema | null, raw: unknown): Date | null {
  if (raw === null || raw === undefined) return null;
  const value = parsedValue(raw);
  if (value instanceof Date) {
    if (fromSchema === null) return value;
    if (fromSchema.name === Time.LOGICAL_NAME) return value;
    if (fromSchema.name === Timestamp.LOGICAL_NAME) {
      const ms = value.getTime();
      return Time.toLogical(toSchema, ((ms % MILLIS_PER_DAY) + MILLIS_PER_DAY) % MILLIS_PER_DAY);
    }
  }
  return Time.toLogical(toSchema, Number(BigInt.asIntN(32, asLong(value, fromSchema))));
}

function convertToTimestampInternal(toSchema: Schema, fromSchema: Schema | null, raw: unknown): Date | null {
  if (raw === null || raw === undefined) return null;
  const value = parsedValue(raw);
  if (value instanceof Date) {
    if (fromSchema === null) return value;
    if (fromSchema.name === LogicalDate.LOGICAL_NAME)
      return Timestamp.toLogical(
        toSchema,
        BigInt(LogicalDate.fromLogical(fromSchema, value)) * BigInt(MILLIS_PER_DAY),
      );
    if (fromSchema.name === Time.LOGICAL_NAME)
      return Timestamp.toLogical(toSchema, Time.fromLogical(fromSchema, value));
    if (fromSchema.name === Timestamp.LOGICAL_NAME) return value;
  }
  return Timestamp.toLogical(toSchema, asLong(value, fromSchema));
}

function convertToArray(toSchema: Schema, _fromSchema: Schema | null, raw: unknown): unknown[] {
  if (raw === null || raw === undefined)
    throw new DataException('Unable to convert a null value to a schema that requires a value');
  const value = parsedValue(raw);
  if (Array.isArray(value)) return value;
  throw unableToConvert(value, toSchema);
}

function convertToMapInternal(toSchema: Schema, raw: unknown): Map<unknown, unknown> {
  if (raw === null || raw === undefined)
    throw new DataException('Unable to convert a null value to a schema that requires a value');
  const value = parsedValue(raw);
  if (value instanceof Map) return value as Map<unknown, unknown>;
  throw unableToConvert(value, toSchema);
}

function convertToStructInternal(toSchema: Schema, value: unknown): Struct {
  if (value === null || value === undefined)
    throw new DataException('Unable to convert a null value to a schema that requires a value');
  if (value instanceof Struct) return value;
  throw unableToConvert(value, toSchema);
}

/** Values.inferSchema: a schema for a value, or null when it cannot be inferred. */
export function inferSchema(value: unknown): Schema | null {
  if (typeof value === 'string') return Schema.STRING_SCHEMA;
  if (typeof value === 'boolean') return Schema.BOOLEAN_SCHEMA;
  if (typeof value === 'bigint') return Schema.INT64_SCHEMA;
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) <= 2147483647
      ? Schema.INT32_SCHEMA
      : Schema.FLOAT64_SCHEMA;
  if (value instanceof Uint8Array) return Schema.BYTES_SCHEMA;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    const d = new SchemaDetector();
    for (const e of value) if (!d.canDetect(e)) return null;
    return SchemaBuilder.array(d.schema()).build();
  }
  if (value instanceof Map) {
    if (value.size === 0) return null;
    const k = new SchemaDetector();
    const v = new SchemaDetector();
    for (const [key, val] of value as Map<unknown, unknown>)
      if (!k.canDetect(key) || !v.canDetect(val)) return null;
    return SchemaBuilder.map(k.schema(), v.schema()).build();
  }
  if (value instanceof Struct) return value.schema;
  return null;
}

class SchemaDetector {
  #knownType: SchemaType | null = null;
  #optional = false;
  canDetect(value: unknown): boolean {
    if (value === null || value === undefined) {
      this.#optional = true;
      return true;
    }
    const schema = inferSchema(value);
    if (schema === null) return false;
    if (this.#knownType === null) this.#knownType = schema.type;
    else if (this.#knownType !== schema.type) return false;
    return true;
  }
  schema(): Schema {
    const b = SchemaBuilder.type(this.#knownType ?? 'STRING');
    if (this.#optional) b.optional();
    return b.build();
  }
}

// ---- writing (convertToString) ----

function append(out: string[], value: unknown, embedded: boolean, schema: Schema | null): void {
  if (value === null || value === undefined) {
    out.push('null');
    return;
  }
  if (typeof value === 'number') {
    if (schema?.type === 'FLOAT32') out.push(formatJavaFloat(value));
    else if (schema?.type === 'FLOAT64' || !Number.isInteger(value)) out.push(formatJavaDouble(value));
    else out.push(String(value));
    return;
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') {
    out.push(String(value));
    return;
  }
  if (value instanceof BigDecimal) {
    out.push(value.toString());
    return;
  }
  if (typeof value === 'string') {
    out.push(embedded ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : value);
    return;
  }
  if (value instanceof Uint8Array) {
    const b64 = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    out.push(embedded ? `"${b64}"` : b64);
    return;
  }
  if (Array.isArray(value)) {
    const elementSchema = schema?.type === 'ARRAY' ? schema.valueSchema : null;
    out.push('[');
    value.forEach((v: unknown, i) => {
      if (i > 0) out.push(',');
      append(out, v, true, elementSchema);
    });
    out.push(']');
    return;
  }
  if (value instanceof Map) {
    const keySchema = schema?.type === 'MAP' ? schema.keySchema : null;
    const valueSchema = schema?.type === 'MAP' ? schema.valueSchema : null;
    out.push('{');
    let first = true;
    for (const [k, v] of value as Map<unknown, unknown>) {
      if (!first) out.push(',');
      first = false;
      append(out, k, true, keySchema);
      out.push(':');
      append(out, v, true, valueSchema);
    }
    out.push('}');
    return;
  }
  if (value instanceof Struct) {
    out.push('{');
    value.schema.fields.forEach((field, i) => {
      if (i > 0) out.push(',');
      append(out, field.name, true, null);
      out.push(':');
      append(out, value.get(field), true, field.schema);
    });
    out.push('}');
    return;
  }
  if (value instanceof Date) {
    out.push(formatDate(value));
    return;
  }
  throw new DataException(
    `Failed to serialize unexpected value type ${javaClassOf(value).slice(6)}: ${formatValue(value)}`,
  );
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Values.dateFormatFor + format: time, date or timestamp ISO-8601 text by the value's magnitude (UTC). */
export function formatDate(value: Date): string {
  const ms = value.getTime();
  const d = value;
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}Z`;
  if (ms < MILLIS_PER_DAY) return time;
  if (ms % MILLIS_PER_DAY === 0) return date;
  return `${date}T${time}`;
}

// ---- parsing (parseString) ----

/** Values.parseString: infer a schema and value from text (null for the literal `null`). */
export function parseString(value: string | null): SchemaAndValue | null {
  if (value === null) return SchemaAndValue.NULL;
  if (value === '') return new SchemaAndValue(Schema.STRING_SCHEMA, value);
  return new ValueParser(new ValuesTokenizer(value)).parse(false);
}

const TRUE_SV = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, true);
const FALSE_SV = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, false);

class NoSuchElementError extends Error {}

class ValueParser {
  constructor(readonly parser: ValuesTokenizer) {}

  #canParseSingleTokenLiteral(embedded: boolean, literal: string): boolean {
    const start = this.parser.mark();
    if (this.parser.canConsume(literal)) {
      if (embedded || !this.parser.hasNext()) return true;
    }
    this.parser.rewindTo(start);
    return false;
  }

  parse(embedded: boolean): SchemaAndValue | null {
    const p = this.parser;
    if (!p.hasNext()) return null;
    if (embedded && p.canConsume('"')) return this.#parseQuotedString();
    if (this.#canParseSingleTokenLiteral(embedded, 'null')) return null;
    if (this.#canParseSingleTokenLiteral(embedded, 'true')) return TRUE_SV;
    if (this.#canParseSingleTokenLiteral(embedded, 'false')) return FALSE_SV;
    const start = p.mark();
    try {
      if (p.canConsume('[')) return this.#parseArray();
      if (p.canConsume('{')) return this.#parseMap();
    } catch (e) {
      if (!(e instanceof DataException)) throw e;
      p.rewindTo(start);
    }
    if (!p.hasNext()) throw new NoSuchElementError();
    const token = p.next();
    if (isBlank(token)) return new SchemaAndValue(Schema.STRING_SCHEMA, token);
    return this.#parseNextToken(embedded, javaTrim(token));
  }

  #parseNextToken(embedded: boolean, token: string): SchemaAndValue {
    const first = token[0] ?? '';
    const firstIsDigit = first >= '0' && first <= '9';
    if (firstIsDigit) {
      const temporal = this.#parseMultipleTokensAsTemporal(token);
      if (temporal !== null) return temporal;
    }
    if (firstIsDigit || first === '+' || first === '-') {
      const n = parseAsNumber(token);
      if (n !== null) return n;
    }
    if (embedded) throw new DataException('Failed to parse embedded value');
    return new SchemaAndValue(Schema.STRING_SCHEMA, this.parser.original);
  }

  #parseQuotedString(): SchemaAndValue {
    let sb = '';
    while (this.parser.hasNext()) {
      if (this.parser.canConsume('"')) break;
      sb += this.parser.next();
    }
    return parseAsTemporal(sb) ?? new SchemaAndValue(Schema.STRING_SCHEMA, sb);
  }

  #parseArray(): SchemaAndValue {
    const p = this.parser;
    let result: unknown[] = [];
    const elementSchema = new SchemaMerger();
    while (p.hasNext()) {
      if (p.canConsume(']')) {
        let listSchema: Schema;
        const common = elementSchema.schema();
        if (common !== null) {
          listSchema = SchemaBuilder.array(common).build();
          result = result.map((v) => convertTo(common, null, v));
        } else {
          listSchema = new ConnectSchema('ARRAY');
        }
        return new SchemaAndValue(listSchema, result);
      }
      if (p.canConsume(',')) throw new DataException(`Unable to parse an empty array element: ${p.original}`);
      const element = this.parse(true);
      elementSchema.merge(element);
      result.push(element !== null ? element.value : null);
      const current = p.mark();
      if (p.canConsume(']')) p.rewindTo(current);
      else if (!p.canConsume(',')) throw new DataException("Array elements missing ',' delimiter");
    }
    if (p.previous() === ',') throw new DataException(`Array is missing element after ',': ${p.original}`);
    throw new DataException(`Array is missing terminating ']': ${p.original}`);
  }

  #parseMap(): SchemaAndValue {
    const p = this.parser;
    let result = new Map<unknown, unknown>();
    const keySchema = new SchemaMerger();
    const valueSchema = new SchemaMerger();
    while (p.hasNext()) {
      if (p.canConsume('}')) {
        let mapSchema: Schema;
        const ks = keySchema.schema();
        const vs = valueSchema.schema();
        if (ks !== null && vs !== null) {
          mapSchema = SchemaBuilder.map(ks, vs).build();
          const aligned = new Map<unknown, unknown>();
          for (const [k, v] of result) aligned.set(convertTo(ks, null, k), convertTo(vs, null, v));
          result = aligned;
        } else if (ks !== null) {
          mapSchema = new ConnectSchema('MAP', false, null, null, null, null, null, null, ks, null);
          const aligned = new Map<unknown, unknown>();
          for (const [k, v] of result) aligned.set(convertTo(ks, null, k), v);
          result = aligned;
        } else {
          mapSchema = new ConnectSchema('MAP');
        }
        return new SchemaAndValue(mapSchema, result);
      }
      if (p.canConsume(','))
        throw new DataException(`Unable to parse a map entry with no key or value: ${p.original}`);
      const key = this.parse(true);
      if (key === null || key.value === null)
        throw new DataException(`Map entry may not have a null key: ${p.original}`);
      if (!p.canConsume(':'))
        throw new DataException(`Map entry is missing ':' at ${p.position()} in ${p.original}`);
      const value = this.parse(true);
      result.set(key.value, value !== null ? value.value : null);
      p.canConsume(',');
      keySchema.merge(key);
      valueSchema.merge(value);
    }
    if (p.previous() === ',') throw new DataException(`Map is missing element after ',': ${p.original}`);
    throw new DataException(`Map is missing terminating '}': ${p.original}`);
  }

  #parseMultipleTokensAsTemporal(token: string): SchemaAndValue | null {
    const position = this.parser.mark();
    const remainder = this.parser.nextN(4);
    if (remainder !== null) {
      const temporal = parseAsTemporal(token + remainder);
      if (temporal !== null) return temporal;
    }
    this.parser.rewindTo(position);
    return parseAsTemporal(token);
  }
}

export { NoSuchElementError };

function parseAsNumber(token: string): SchemaAndValue | null {
  const decimal = bigDecimalText(token);
  if (decimal === null) return null;
  const exact = parseAsExactDecimal(decimal);
  if (exact !== null) return exact;
  const d = decimal.toNumber();
  const f = Math.fround(d);
  if (Number.isFinite(f) && decimal.scale !== 0) return new SchemaAndValue(Schema.FLOAT32_SCHEMA, f);
  if (Number.isFinite(d) && decimal.scale !== 0) return new SchemaAndValue(Schema.FLOAT64_SCHEMA, d);
  return new SchemaAndValue(Decimal.schema(decimal.scale), decimal);
}

function parseAsExactDecimal(decimal: BigDecimal): SchemaAndValue | null {
  let integral: bigint;
  if (decimal.scale <= 0) {
    integral = decimal.unscaled * 10n ** BigInt(-decimal.scale);
  } else {
    const div = 10n ** BigInt(decimal.scale);
    if (decimal.unscaled % div !== 0n) return null;
    integral = decimal.unscaled / div;
  }
  if (integral < LONG_MIN || integral > LONG_MAX) return null;
  if (integral >= -128n && integral <= 127n) return new SchemaAndValue(Schema.INT8_SCHEMA, Number(integral));
  if (integral >= -32768n && integral <= 32767n)
    return new SchemaAndValue(Schema.INT16_SCHEMA, Number(integral));
  if (integral >= -2147483648n && integral <= 2147483647n)
    return new SchemaAndValue(Schema.INT32_SCHEMA, Number(integral));
  return new SchemaAndValue(Schema.INT64_SCHEMA, integral);
}

/** Date, time or timestamp literal by length (yyyy-MM-dd, HH:mm:ss.SSS'Z', both joined by 'T'), UTC, lenient like SimpleDateFormat. */
function parseAsTemporal(raw: string | null): SchemaAndValue | null {
  if (raw === null) return null;
  const token = raw.replace(/\\:/g, ':');
  let m: RegExpExecArray | null;
  switch (token.length) {
    case 13:
      m = /^(\d+):(\d+):(\d+)\.(\d+)Z$/.exec(token);
      if (m === null) return null;
      return new SchemaAndValue(Time.SCHEMA, new Date(Date.UTC(1970, 0, 1, +m[1], +m[2], +m[3], +m[4])));
    case 24:
      m = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)\.(\d+)Z$/.exec(token);
      if (m === null) return null;
      return new SchemaAndValue(Timestamp.SCHEMA, utc(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]));
    case 10:
      m = /^(\d+)-(\d+)-(\d+)$/.exec(token);
      if (m === null) return null;
      return new SchemaAndValue(LogicalDate.SCHEMA, utc(+m[1], +m[2] - 1, +m[3], 0, 0, 0, 0));
    default:
      return null;
  }
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): Date {
  const date = new Date(Date.UTC(2000, mo, d, h, mi, s, ms));
  // Date.UTC maps years 0–99 to 1900+; set the full year explicitly
  date.setUTCFullYear(date.getUTCFullYear() - 2000 + y);
  return date;
}

class SchemaMerger {
  #common: Schema | null = null;
  #compatible = true;
  merge(latest: SchemaAndValue | null): void {
    if (latest !== null && latest.schema !== null && this.#compatible) {
      if (this.#common === null) this.#common = latest.schema;
      else {
        this.#common = mergeSchemas(this.#common, latest.schema);
        this.#compatible = this.#common !== null;
      }
    }
  }
  schema(): Schema | null {
    return this.#common;
  }
}

const NUMERIC_ORDER: readonly SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64'];

function mergeSchemas(previous: Schema, next: Schema): Schema | null {
  if (previous.type !== next.type) {
    const a = NUMERIC_ORDER.indexOf(previous.type);
    const b = NUMERIC_ORDER.indexOf(next.type);
    if (a < 0 || b < 0) return null;
    return b > a ? next : previous;
  }
  if (previous.isOptional === next.isOptional) return previous.isOptional ? previous : next;
  if (!previous.equals(next)) return null;
  return previous;
}
