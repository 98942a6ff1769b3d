import { formatJavaDouble, formatJavaFloat } from './java-number-format';
import type { Schema } from './schema';

/**
 * A value as Java's String.valueOf() would print it in Connect messages, Struct.toString() and
 * StringConverter: lists `[a, b]`, maps `{k=v}`, dates as Date.toString() in UTC, byte arrays as
 * an identity (Java prints `[B@hash`; we print the length). Java picks the number format from the
 * boxed class; we take it from the schema when given (FLOAT32/FLOAT64), else integral → integer.
 */
export function formatValue(value: unknown, schema: Schema | null = null): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (schema?.type === 'FLOAT32') return formatJavaFloat(value);
    if (schema?.type === 'FLOAT64' || !Number.isInteger(value)) return formatJavaDouble(value);
    return String(value);
  }
  if (value instanceof Uint8Array) return `[B@${value.length}`;
  if (Array.isArray(value)) {
    const element = schema?.type === 'ARRAY' ? schema.valueSchema : null;
    return `[${value.map((v: unknown) => formatValue(v, element)).join(', ')}]`;
  }
  if (value instanceof Map) {
    const ks = schema?.type === 'MAP' ? schema.keySchema : null;
    const vs = schema?.type === 'MAP' ? schema.valueSchema : null;
    return `{${[...(value as Map<unknown, unknown>)].map(([k, v]) => `${formatValue(k, ks)}=${formatValue(v, vs)}`).join(', ')}}`;
  }
  if (value instanceof Date) return javaDateToString(value);
  const text = (value as { toString(): string }).toString();
  return text;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** java.util.Date.toString() in a UTC JVM: `Thu Jan 01 00:00:00 UTC 1970`. */
export function javaDateToString(d: Date): string {
  if (Number.isNaN(d.getTime())) return 'Invalid Date';
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** java.lang.String.hashCode(): s[0]*31^(n-1) + ... + s[n-1] over UTF-16 code units, in int32. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * A string-keyed map as java.util.HashMap.toString() prints it — `{k1=v1, k2=v2}` — in HashMap's
 * iteration order (bucket of `hash ^ (hash >>> 16)` in a table of 16 doubled while above 0.75 full;
 * insertion order within a bucket), e.g. a source partition or offset in SourceRecord.toString().
 */
export function javaHashMapToString(map: Readonly<Record<string, unknown>> | null): string {
  if (map === null) return 'null';
  const keys = Object.keys(map);
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const bucket = (k: string): number => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  const ordered = keys.map((k, i) => ({ k, b: bucket(k), i })).sort((x, y) => x.b - y.b || x.i - y.i);
  return `{${ordered.map(({ k }) => `${k}=${formatMapValue(map[k])}`).join(', ')}}`;
}

function formatMapValue(value: unknown): string {
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Map) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array) &&
    Object.getPrototypeOf(value) === Object.prototype
  )
    return javaHashMapToString(value as Record<string, unknown>);
  return formatValue(value);
}
