import { formatJavaDouble } from './java-number-format';

/**
 * A value as Java's String.valueOf() would print it in Connect messages and Struct.toString():
 * lists `[a, b]`, maps `{k=v}`, byte arrays as their identity (Java prints `[B@hash`; we print the bytes' length).
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatJavaDouble(value);
  if (value instanceof Uint8Array) return `[B@${value.length}`;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value instanceof Map) {
    return `{${[...value].map(([k, v]) => `${formatValue(k)}=${formatValue(v)}`).join(', ')}}`;
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
