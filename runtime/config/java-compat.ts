/**
 * Small pieces of Java behaviour that leak into Connect's REST output: Object.toString() of config
 * values inside error messages, Double.toString(), number parsing, and HashMap/HashSet iteration order
 * (Connect iterates HashMaps when it lists values that have no ConfigKey, and when it prints the
 * allowed values of CaseInsensitiveValidString). Reproducing them keeps our bodies byte-identical.
 */

/** org.apache.kafka.common.config.types.Password: toString() never reveals the value. */
export class Password {
  static readonly HIDDEN = '[hidden]';
  constructor(private readonly secret: string) {}
  value(): string {
    return this.secret;
  }
  toString(): string {
    return Password.HIDDEN;
  }
  equals(other: unknown): boolean {
    return other instanceof Password && other.secret === this.secret;
  }
}

/** A parsed CLASS value: Java keeps a Class object, whose toString() is "class <name>". */
export class JavaClass {
  constructor(readonly name: string) {}
  toString(): string {
    return `class ${this.name}`;
  }
}

/** Java's String.hashCode(). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The iteration order of a java.util.HashMap/HashSet (default capacity 16, load factor 0.75) holding
 * `keys`, given in insertion order without duplicates. Buckets are visited in index order; inside a
 * bucket entries keep insertion order (resizes split buckets preserving relative order). Tree bins
 * (8+ collisions in one bucket) are not modelled.
 */
export function javaHashOrder(keys: readonly string[], initialCapacity = 16): string[] {
  let capacity = 1;
  while (capacity < initialCapacity) capacity *= 2;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const mask = capacity - 1;
  return keys
    .map((k, i) => {
      const h = javaStringHash(k);
      return { k, i, bucket: (h ^ (h >>> 16)) & mask };
    })
    .sort((a, b) => a.bucket - b.bucket || a.i - b.i)
    .map((e) => e.k);
}

/** Double.toString(double). */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  // Scientific: JS "1.5e+21" → Java "1.5E21"; "1e-7" → "1.0E-7".
  const [mantissa = '', exponent = '0'] = d.toExponential().split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${Number(exponent)}`;
}

/** A value's Java toString(), as ConfigException("Invalid value " + value + ...) prints it. */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => javaToString(v)).join(', ')}]`;
  if (value instanceof Password || value instanceof JavaClass) return value.toString();
  return JSON.stringify(value) ?? 'null';
}

const INTEGER = /^[+-]?[0-9]+$/;

/** Integer.parseInt / Short.parseShort / Long.parseLong on an already trimmed string; undefined = NumberFormatException. */
export function parseJavaInteger(text: string, bits: 16 | 32 | 64): bigint | undefined {
  if (!INTEGER.test(text)) return undefined;
  const n = BigInt(text);
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -(1n << BigInt(bits - 1));
  return n < min || n > max ? undefined : n;
}

// Double.parseDouble's decimal grammar (hex floats are not supported here).
const DOUBLE = /^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?)$/;

/** Double.parseDouble on a trimmed string; undefined = NumberFormatException. */
export function parseJavaDouble(text: string): number | undefined {
  if (!DOUBLE.test(text)) return undefined;
  const body = text.replace(/[fFdD]$/, '');
  if (body.endsWith('NaN')) return NaN;
  if (body.endsWith('Infinity')) return body.startsWith('-') ? -Infinity : Infinity;
  return Number(body);
}

/** Java's String.trim(): strips every char <= U+0020 at both ends (not Unicode whitespace). */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

/** Utils.isBlank: null or only whitespace after trim(). */
export function isBlank(s: string | null | undefined): boolean {
  return s === null || s === undefined || javaTrim(s).length === 0;
}
