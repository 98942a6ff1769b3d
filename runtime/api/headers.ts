import { BigDecimal } from '../data/big-decimal';
import { DataException } from '../data/errors';
import { Date as LogicalDate, Decimal, Time, Timestamp } from '../data/logical-types';
import { Schema } from '../data/schema';
import { SchemaAndValue } from '../data/schema-and-value';
import { Struct } from '../data/struct';
import { deepEquals } from '../data/equality';
import { formatValue } from '../data/format-value';
import { schemaEquals } from '../data/connect-schema';

/** org.apache.kafka.connect.header.Header: an immutable key + schema + value. */
export interface Header {
  readonly key: string;
  /** The schema; for a Struct value without schema, the struct's own schema. */
  readonly schema: Schema | null;
  readonly value: unknown;
  /** A copy with another schema and value (same key). */
  with(schema: Schema | null, value: unknown): Header;
  /** A copy with another key (this one when the key is the same). */
  rename(key: string): Header;
  equals(other: unknown): boolean;
  toString(): string;
}

export type HeaderTransform = (header: Header) => Header | null;

/** org.apache.kafka.connect.header.Headers (ConnectHeaders is the one implementation). */
export type Headers = ConnectHeaders;

/** org.apache.kafka.connect.header.ConnectHeader. */
export class ConnectHeader implements Header {
  readonly #schemaAndValue: SchemaAndValue;

  constructor(
    readonly key: string,
    schemaAndValue: SchemaAndValue | null,
  ) {
    if (key == null) throw new TypeError('Null header keys are not permitted');
    this.#schemaAndValue = schemaAndValue ?? SchemaAndValue.NULL;
  }

  get value(): unknown {
    return this.#schemaAndValue.value;
  }

  get schema(): Schema | null {
    const schema = this.#schemaAndValue.schema;
    if (schema === null && this.value instanceof Struct) return this.value.schema;
    return schema;
  }

  rename(key: string): Header {
    if (key == null) throw new TypeError('Null header keys are not permitted');
    return key === this.key ? this : new ConnectHeader(key, this.#schemaAndValue);
  }

  with(schema: Schema | null, value: unknown): Header {
    return new ConnectHeader(this.key, new SchemaAndValue(schema, value));
  }

  equals(other: unknown): boolean {
    if (other === this) return true;
    if (!isHeader(other)) return false;
    return (
      this.key === other.key && schemaEquals(this.schema, other.schema) && deepEquals(this.value, other.value)
    );
  }

  toString(): string {
    return `ConnectHeader(key=${this.key}, value=${formatValue(this.value)}, schema=${this.schema?.toString() ?? 'null'})`;
  }
}

function isHeader(v: unknown): v is Header {
  return typeof v === 'object' && v !== null && 'key' in v && 'value' in v && 'schema' in v;
}

/** The list of every empty ConnectHeaders until its first add() (frozen: never changed in place). */
const NO_HEADERS = Object.freeze([]) as unknown as Header[];

/**
 * org.apache.kafka.connect.header.ConnectHeaders: an ordered, mutable list of headers (several may
 * share a key). Iterable; every mutator returns this for chaining. Records own their headers:
 * transformations that need to change them should work on duplicate().
 */
export class ConnectHeaders implements Iterable<Header> {
  #headers: Header[] = NO_HEADERS;
  /**
   * Copy on write: #headers may be shared with duplicates (or be NO_HEADERS) while this is true; the
   * one in-place change, add(), copies it first. Every other change assigns a new array.
   */
  #shared = true;

  constructor(original?: Iterable<Header> | null) {
    if (original == null) return;
    const headers: Header[] = [];
    for (const header of original) {
      if (header == null) throw new TypeError('Unable to add a null header.');
      headers.push(header);
    }
    this.#headers = headers;
    this.#shared = false;
  }

  get size(): number {
    return this.#headers.length;
  }

  isEmpty(): boolean {
    return this.#headers.length === 0;
  }

  clear(): this {
    this.#headers = NO_HEADERS;
    this.#shared = true;
    return this;
  }

  [Symbol.iterator](): Iterator<Header> {
    return this.#headers[Symbol.iterator]();
  }

  /** Adds a header as-is; or, with a key, validates that the value matches the schema first. */
  add(header: Header): this;
  add(key: string, schemaAndValue: SchemaAndValue | null): this;
  add(key: string, value: unknown, schema: Schema | null): this;
  add(keyOrHeader: string | Header, second?: unknown, third?: Schema | null): this {
    if (typeof keyOrHeader !== 'string') {
      if (keyOrHeader == null) throw new TypeError('Unable to add a null header.');
      if (this.#shared) {
        this.#headers = [...this.#headers];
        this.#shared = false;
      }
      this.#headers.push(keyOrHeader);
      return this;
    }
    let sv: SchemaAndValue;
    if (arguments.length >= 3) {
      const value = second;
      const schema = third ?? null;
      sv = value != null || schema !== null ? new SchemaAndValue(schema, value ?? null) : SchemaAndValue.NULL;
    } else {
      sv = (second as SchemaAndValue | null) ?? SchemaAndValue.NULL;
    }
    checkSchemaMatches(sv);
    return this.add(new ConnectHeader(keyOrHeader, sv));
  }

  addString(key: string, value: string | null): this {
    return this.#addWithoutValidating(
      key,
      value,
      value !== null ? Schema.STRING_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA,
    );
  }
  addBytes(key: string, value: Buffer | null): this {
    return this.#addWithoutValidating(
      key,
      value,
      value !== null ? Schema.BYTES_SCHEMA : Schema.OPTIONAL_BYTES_SCHEMA,
    );
  }
  addBoolean(key: string, value: boolean): this {
    return this.#addWithoutValidating(key, value, Schema.BOOLEAN_SCHEMA);
  }
  addByte(key: string, value: number): this {
    return this.#addWithoutValidating(key, value, Schema.INT8_SCHEMA);
  }
  addShort(key: string, value: number): this {
    return this.#addWithoutValidating(key, value, Schema.INT16_SCHEMA);
  }
  addInt(key: string, value: number): this {
    return this.#addWithoutValidating(key, value, Schema.INT32_SCHEMA);
  }
  addLong(key: string, value: bigint): this {
    return this.#addWithoutValidating(key, value, Schema.INT64_SCHEMA);
  }
  addFloat(key: string, value: number): this {
    return this.#addWithoutValidating(key, Math.fround(value), Schema.FLOAT32_SCHEMA);
  }
  addDouble(key: string, value: number): this {
    return this.#addWithoutValidating(key, value, Schema.FLOAT64_SCHEMA);
  }
  addList(key: string, value: unknown[] | null, schema: Schema): this {
    if (value === null) return this.add(key, null, null);
    checkSchemaType(schema, 'ARRAY');
    return this.#addWithoutValidating(key, value, schema);
  }
  addMap(key: string, value: Map<unknown, unknown> | null, schema: Schema): this {
    if (value === null) return this.add(key, null, null);
    checkSchemaType(schema, 'MAP');
    return this.#addWithoutValidating(key, value, schema);
  }
  addStruct(key: string, value: Struct | null): this {
    if (value === null) return this.add(key, null, null);
    checkSchemaType(value.schema, 'STRUCT');
    return this.#addWithoutValidating(key, value, value.schema);
  }
  addDecimal(key: string, value: BigDecimal | null): this {
    if (value === null) return this.add(key, null, null);
    const schema = Decimal.schema(value.scale);
    Decimal.fromLogical(schema, value);
    return this.#addWithoutValidating(key, value, schema);
  }
  addDate(key: string, value: Date | null): this {
    if (value !== null) LogicalDate.fromLogical(LogicalDate.SCHEMA, value);
    return this.#addWithoutValidating(key, value, LogicalDate.SCHEMA);
  }
  addTime(key: string, value: Date | null): this {
    if (value !== null) Time.fromLogical(Time.SCHEMA, value);
    return this.#addWithoutValidating(key, value, Time.SCHEMA);
  }
  addTimestamp(key: string, value: Date | null): this {
    if (value !== null) Timestamp.fromLogical(Timestamp.SCHEMA, value);
    return this.#addWithoutValidating(key, value, Timestamp.SCHEMA);
  }

  /** The last header with this key, or null. */
  lastWithName(key: string): Header | null {
    checkKey(key);
    for (let i = this.#headers.length - 1; i >= 0; i--) {
      const h = this.#headers[i];
      if (h !== undefined && h.key === key) return h;
    }
    return null;
  }

  /** All headers with this key, in order. */
  allWithName(key: string): Header[] {
    return this.#headers.filter((h) => h.key === key);
  }

  remove(key: string): this {
    checkKey(key);
    this.#headers = this.#headers.filter((h) => h.key !== key);
    this.#shared = false;
    return this;
  }

  /** Keeps only the last header of each key (or of the given key). */
  retainLatest(key?: string): this {
    if (key !== undefined) checkKey(key);
    const seen = new Set<string>();
    const kept: Header[] = [];
    for (let i = this.#headers.length - 1; i >= 0; i--) {
      const h = this.#headers[i];
      if (h === undefined) continue;
      if (key !== undefined && h.key !== key) {
        kept.push(h);
        continue;
      }
      if (seen.has(h.key)) continue;
      seen.add(h.key);
      kept.push(h);
    }
    this.#headers = kept.reverse();
    this.#shared = false;
    return this;
  }

  /** Replaces each header (or each with the key) by transform's result; null removes it. */
  apply(transform: HeaderTransform): this;
  apply(key: string, transform: HeaderTransform): this;
  apply(a: string | HeaderTransform, b?: HeaderTransform): this {
    const key = typeof a === 'string' ? a : undefined;
    const transform = typeof a === 'string' ? b : a;
    if (key !== undefined) checkKey(key);
    if (transform === undefined) return this;
    const out: Header[] = [];
    for (const h of this.#headers) {
      if (key !== undefined && h.key !== key) {
        out.push(h);
        continue;
      }
      const updated = transform(h);
      if (updated !== null) out.push(updated);
    }
    this.#headers = out;
    this.#shared = false;
    return this;
  }

  /** An independent copy; it shares the list until either side changes (newRecord duplicates per record). */
  duplicate(): ConnectHeaders {
    const copy = new ConnectHeaders();
    copy.#headers = this.#headers;
    this.#shared = true;
    return copy;
  }

  equals(other: unknown): boolean {
    if (other === this) return true;
    if (!(other instanceof ConnectHeaders) || other.size !== this.size) return false;
    return this.#headers.every((h, i) => h.equals(other.#headers[i]));
  }

  toString(): string {
    return `ConnectHeaders(headers=${this.#headers.length > 0 ? `[${this.#headers.map((h) => h.toString()).join(', ')}]` : ''})`;
  }

  #addWithoutValidating(key: string, value: unknown, schema: Schema): this {
    return this.add(new ConnectHeader(key, new SchemaAndValue(schema, value)));
  }
}

function checkKey(key: string): void {
  if (key == null) throw new TypeError('Header key cannot be null');
}

function checkSchemaType(schema: Schema, type: Schema['type']): void {
  if (schema.type !== type) throw new DataException(`Expecting ${type} but instead found ${schema.type}`);
}

/** ConnectHeaders.checkSchemaMatches: a shallow (top-level) type check, as Java does. */
function checkSchemaMatches(sv: SchemaAndValue): void {
  const schema = sv.schema;
  if (schema === null) return;
  const value = sv.value;
  if (value === null || value === undefined) {
    if (!schema.isOptional)
      throw new DataException(`A null value requires an optional schema but was ${schema.toString()}`);
    return;
  }
  const name = schema.name;
  let ok = false;
  switch (schema.type) {
    case 'BYTES':
      ok = value instanceof Uint8Array || (value instanceof BigDecimal && name === Decimal.LOGICAL_NAME);
      break;
    case 'STRING':
      ok = typeof value === 'string';
      break;
    case 'BOOLEAN':
      ok = typeof value === 'boolean';
      break;
    case 'INT8':
    case 'INT16':
    case 'INT32':
      ok =
        (typeof value === 'number' && Number.isInteger(value)) ||
        (schema.type === 'INT32' &&
          value instanceof Date &&
          (name === LogicalDate.LOGICAL_NAME || name === Time.LOGICAL_NAME));
      break;
    case 'INT64':
      ok = typeof value === 'bigint' || (value instanceof Date && name === Timestamp.LOGICAL_NAME);
      break;
    case 'FLOAT32':
    case 'FLOAT64':
      ok = typeof value === 'number';
      break;
    case 'ARRAY':
      ok = Array.isArray(value);
      break;
    case 'MAP':
      ok = value instanceof Map;
      break;
    case 'STRUCT':
      ok = value instanceof Struct;
      break;
  }
  if (!ok)
    throw new DataException(
      `The value ${formatValue(value)} is not compatible with the schema ${schema.toString()}`,
    );
}
