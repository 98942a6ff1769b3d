/**
 * JSON text ⇄ JS values without losing int64 precision, and written as Java's Jackson writes it.
 *
 * parseJson: integers outside the safe range become bigint (mode 'unsafe', default), or every
 * integral literal becomes bigint (mode 'all' — what schemaless int64 reading needs, so `1` and
 * `1.0` stay distinguishable: 1n vs 1). Literal kind follows Jackson: a number is integral when it
 * has neither fraction nor exponent. With `exactNumbers`, every number is a JsonNumber holding its
 * text (for exact BigDecimal / Jackson node semantics). Objects are plain objects in key order (a
 * duplicate key keeps its first position and the last value, like Jackson's ObjectNode).
 *
 * stringifyJson: compact, Jackson escaping (control characters and surrogates as \uXXXX, uppercase hex),
 * bigint as digits, JsonNumber as its text, Buffer as base64, Map as an object, non-integral
 * numbers in Java Double.toString form; JavaDouble/JavaFloat force Java double/float text for a
 * number that happens to be integral (100 → `100.0`).
 */
import {
  formatJavaDouble as formatJavaDoubleText,
  formatJavaFloat as formatJavaFloatText,
} from './java-number-format';

export type JsonValue =
  null | boolean | number | bigint | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

export interface ParseJsonOptions {
  /** 'unsafe' (default): only integers beyond ±(2^53-1) become bigint. 'all': every integral literal is bigint. */
  bigint?: 'unsafe' | 'all';
  /** Every number becomes a JsonNumber (text kept); overrides `bigint`. */
  exactNumbers?: boolean;
  /** Accept leading zeros in numbers (Jackson's ALLOW_LEADING_ZEROS_FOR_NUMBERS, enabled by JsonConverter). */
  allowLeadingZeros?: boolean;
  /** Ignore anything after the first value (Jackson readTree without FAIL_ON_TRAILING_TOKENS). */
  allowTrailing?: boolean;
}

/** A JSON number literal kept as text, with Jackson's integral/floating distinction. */
export class JsonNumber {
  constructor(readonly text: string) {}

  /** No fraction and no exponent (Jackson IntNode/LongNode/BigIntegerNode). */
  get isIntegral(): boolean {
    return !/[.eE]/.test(this.text);
  }
  toNumber(): number {
    return Number(this.text);
  }
  /** Integral literal as bigint (exact). */
  toBigInt(): bigint {
    return BigInt(this.text.replace(/^(-?)0+(?=\d)/, '$1'));
  }
  toJSON(): string {
    return this.text;
  }
  toString(): string {
    return this.text;
  }
}

/** Marks a number to be written as a Java double (`100.0`, `1.0E10`). */
export class JavaDouble {
  constructor(readonly value: number) {}
}

/** Marks a number to be written as a Java float (Float.toString of the float32 value). */
export class JavaFloat {
  constructor(readonly value: number) {}
}

export class JsonParseError extends SyntaxError {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'JsonParseError';
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Parses JSON text (or UTF-8 bytes, rejecting invalid UTF-8). Throws JsonParseError. */
export function parseJson(input: string | Uint8Array, options: ParseJsonOptions = {}): JsonValue {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = UTF8.decode(input);
    } catch {
      throw new JsonParseError('Invalid UTF-8', 0);
    }
  }
  return new Parser(text, options).parseDocument();
}

class Parser {
  #pos = 0;
  constructor(
    readonly text: string,
    readonly options: ParseJsonOptions,
  ) {}

  parseDocument(): JsonValue {
    this.#ws();
    if (this.#pos >= this.text.length)
      throw new JsonParseError('No content to map due to end-of-input', this.#pos);
    const value = this.#value(0);
    this.#ws();
    if (this.#pos < this.text.length && !this.options.allowTrailing)
      throw new JsonParseError(`Unexpected character '${this.text[this.#pos]}' after the value`, this.#pos);
    return value;
  }

  #fail(message: string): never {
    throw new JsonParseError(message, this.#pos);
  }

  #ws(): void {
    const t = this.text;
    while (this.#pos < t.length) {
      const c = t.charCodeAt(this.#pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.#pos++;
      else break;
    }
  }

  #value(depth: number): JsonValue {
    if (depth > 1000) this.#fail('Document nesting depth exceeds the maximum allowed (1000)');
    const c = this.text[this.#pos];
    switch (c) {
      case '{':
        return this.#object(depth);
      case '[':
        return this.#array(depth);
      case '"':
        return this.#string();
      case 't':
        return this.#literal('true', true);
      case 'f':
        return this.#literal('false', false);
      case 'n':
        return this.#literal('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.#number();
        return this.#fail(c === undefined ? 'Unexpected end-of-input' : `Unexpected character '${c}'`);
    }
  }

  #literal<T extends JsonValue>(word: string, value: T): T {
    if (this.text.startsWith(word, this.#pos)) {
      this.#pos += word.length;
      return value;
    }
    return this.#fail(`Unrecognized token`);
  }

  #object(depth: number): JsonValue {
    this.#pos++;
    const out: { [key: string]: JsonValue } = {};
    this.#ws();
    if (this.text[this.#pos] === '}') {
      this.#pos++;
      return out;
    }
    for (;;) {
      this.#ws();
      if (this.text[this.#pos] !== '"') this.#fail('Expected a field name in double quotes');
      const key = this.#string();
      this.#ws();
      if (this.text[this.#pos] !== ':') this.#fail("Expected ':' after a field name");
      this.#pos++;
      this.#ws();
      const value = this.#value(depth + 1);
      if (key === '__proto__')
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      this.#ws();
      const c = this.text[this.#pos];
      if (c === ',') {
        this.#pos++;
        continue;
      }
      if (c === '}') {
        this.#pos++;
        return out;
      }
      this.#fail(
        c === undefined ? 'Unexpected end-of-input in an object' : "Expected ',' or '}' in an object",
      );
    }
  }

  #array(depth: number): JsonValue {
    this.#pos++;
    const out: JsonValue[] = [];
    this.#ws();
    if (this.text[this.#pos] === ']') {
      this.#pos++;
      return out;
    }
    for (;;) {
      this.#ws();
      out.push(this.#value(depth + 1));
      this.#ws();
      const c = this.text[this.#pos];
      if (c === ',') {
        this.#pos++;
        continue;
      }
      if (c === ']') {
        this.#pos++;
        return out;
      }
      this.#fail(c === undefined ? 'Unexpected end-of-input in an array' : "Expected ',' or ']' in an array");
    }
  }

  #string(): string {
    const t = this.text;
    let i = ++this.#pos;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= t.length) {
        this.#pos = i;
        this.#fail('Unexpected end-of-input in a string');
      }
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        out += t.slice(start, i);
        this.#pos = i + 1;
        return out;
      }
      if (c < 0x20) {
        this.#pos = i;
        this.#fail('Illegal unquoted control character in a string');
      }
      if (c === 0x5c) {
        out += t.slice(start, i);
        const e = t[i + 1];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            i += 2;
            break;
          case 'b':
            out += '\b';
            i += 2;
            break;
          case 'f':
            out += '\f';
            i += 2;
            break;
          case 'n':
            out += '\n';
            i += 2;
            break;
          case 'r':
            out += '\r';
            i += 2;
            break;
          case 't':
            out += '\t';
            i += 2;
            break;
          case 'u': {
            const hex = t.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              this.#pos = i;
              this.#fail('Invalid \\u escape');
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 6;
            break;
          }
          default:
            this.#pos = i;
            this.#fail('Unrecognized character escape');
        }
        start = i;
        continue;
      }
      i++;
    }
  }

  #number(): JsonValue {
    const t = this.text;
    const start = this.#pos;
    const re = this.options.allowLeadingZeros
      ? /-?\d+(\.\d+)?([eE][+-]?\d+)?/y
      : /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    re.lastIndex = start;
    const m = re.exec(t);
    if (!m) this.#fail('Invalid numeric value');
    const literal = m[0];
    this.#pos = start + literal.length;
    const next = t[this.#pos];
    if (next !== undefined && /[0-9.eE+\-a-zA-Z]/.test(next)) this.#fail('Invalid numeric value');
    if (this.options.exactNumbers) return new JsonNumber(literal);
    const integral = !/[.eE]/.test(literal);
    if (!integral) return Number(literal);
    const big = BigInt(literal.replace(/^(-?)0+(?=\d)/, '$1'));
    if (this.options.bigint === 'all') return big;
    return big > MAX_SAFE || big < -MAX_SAFE ? big : Number(big);
  }
}

/** Writes compact JSON the way Jackson writes a tree. Throws TypeError for values JSON cannot hold. */
export function stringifyJson(value: unknown): string {
  return write(value);
}

// String concatenation (V8 ropes) beats collecting parts here; containers are tested first as they dominate.
function write(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return quoteJson(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      return formatNumber(value);
    case 'object':
      break;
    default:
      throw new TypeError(`Cannot write a ${typeof value} as JSON`);
  }
  if (value instanceof Map) {
    let out = '{';
    let first = true;
    for (const [k, v] of value as Map<unknown, unknown>) {
      if (first) first = false;
      else out += ',';
      out += quoteJson(String(k)) + ':' + write(v);
    }
    return out + '}';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += write(value[i]);
    }
    return out + ']';
  }
  if (value instanceof JavaDouble) return nonFinite(value.value) ?? formatJavaDoubleText(value.value);
  if (value instanceof JsonNumber) return value.text;
  if (value instanceof JavaFloat) return nonFinite(value.value) ?? formatJavaFloatText(value.value);
  if (value instanceof Uint8Array)
    return `"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}"`;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write((toJSON as () => unknown).call(value));
  let out = '{';
  let first = true;
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (first) first = false;
    else out += ',';
    out += quoteJson(k) + ':' + write(v);
  }
  return out + '}';
}

/** Jackson (QUOTE_NON_NUMERIC_NUMBERS, on by default) writes NaN/Infinity as strings. */
function nonFinite(n: number): string | null {
  if (Number.isNaN(n)) return '"NaN"';
  if (n === Infinity) return '"Infinity"';
  if (n === -Infinity) return '"-Infinity"';
  return null;
}

function formatNumber(n: number): string {
  const nf = nonFinite(n);
  if (nf !== null) return nf;
  if (Number.isInteger(n))
    return Math.abs(n) < 1e21 ? (Object.is(n, -0) ? '0' : String(n)) : BigInt(n).toString();
  return formatJavaDoubleText(n);
}

const HEX = '0123456789ABCDEF';
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A JSON string literal with Jackson's escaping. */
export function quoteJson(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) continue;
    out += s.slice(start, i);
    start = i + 1;
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      default:
        // control characters, and surrogates (Jackson escapes characters outside the BMP as \uD83D\uDE00)
        out += `\\u${HEX[(c >> 12) & 15]}${HEX[(c >> 8) & 15]}${HEX[(c >> 4) & 15]}${HEX[c & 15]}`;
    }
  }
  return `${out}${s.slice(start)}"`;
}
