import { Schema } from '../../data/schema';
import { SchemaAndValue } from '../../data/schema-and-value';
import { SimpleDateFormat } from './simple-date-format';

const MILLIS_PER_DAY = 86400000;
const TIME_FORMAT = new SimpleDateFormat("HH:mm:ss.SSS'Z'");
const DATE_FORMAT = new SimpleDateFormat('yyyy-MM-dd');
const TIMESTAMP_FORMAT = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

/**
 * Values.dateFormatFor(date).format(date). Java formats in the JVM default zone; the runtime (and the
 * differential harness, run with -Duser.timezone=UTC) use UTC.
 */
export function formatDateForValues(date: Date): string {
  const ms = date.getTime();
  if (ms < MILLIS_PER_DAY) return TIME_FORMAT.format(date);
  if (ms % MILLIS_PER_DAY === 0) return DATE_FORMAT.format(date);
  return TIMESTAMP_FORMAT.format(date);
}

const INT_RANGES: readonly [bigint, bigint, Schema][] = [
  [-128n, 127n, Schema.INT8_SCHEMA],
  [-32768n, 32767n, Schema.INT16_SCHEMA],
  [-2147483648n, 2147483647n, Schema.INT32_SCHEMA],
  [-9223372036854775808n, 9223372036854775807n, Schema.INT64_SCHEMA],
];

/**
 * Values.parseString for the literals InsertHeader needs: "" → STRING, true/false → BOOLEAN,
 * integers → the smallest of INT8/16/32/64, decimals → FLOAT32 (FLOAT64 when out of float range),
 * anything else → the STRING itself. Arrays, maps and ISO dates are kept as strings (known gap).
 */
export function parseString(value: string | null): SchemaAndValue {
  if (value === null) return SchemaAndValue.NULL;
  if (value.length === 0) return new SchemaAndValue(Schema.STRING_SCHEMA, value);
  const token = value.trim();
  if (token.toLowerCase() === 'true') return new SchemaAndValue(Schema.BOOLEAN_SCHEMA, true);
  if (token.toLowerCase() === 'false') return new SchemaAndValue(Schema.BOOLEAN_SCHEMA, false);
  if (token === value && /^[+-]?\d+$/.test(token)) {
    const n = BigInt(token);
    for (const [lo, hi, schema] of INT_RANGES) {
      if (n >= lo && n <= hi) return new SchemaAndValue(schema, schema.type === 'INT64' ? n : Number(n));
    }
  }
  if (token === value && /^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(token)) {
    const d = Number(token);
    const f = Math.fround(d);
    if (Number.isFinite(f)) return new SchemaAndValue(Schema.FLOAT32_SCHEMA, f);
    if (Number.isFinite(d)) return new SchemaAndValue(Schema.FLOAT64_SCHEMA, d);
  }
  return new SchemaAndValue(Schema.STRING_SCHEMA, value);
}
