import { ConnectSchema } from './connect-schema';
import { DataException } from './errors';
import type { Field } from './field';
import type { Schema, SchemaType } from './schema';
import { deepEquals } from './equality';
import { formatValue } from './format-value';
import { isPrimitiveType } from './primitive-type';

/**
 * org.apache.kafka.connect.data.Struct. Values are validated on put() against the field schema
 * (DataException with Connect's message); get() falls back to the field's default value.
 */
export class Struct {
  /** By field index; a field never put is a hole, read as null everywhere (no fill per struct). */
  readonly #values: unknown[];

  constructor(readonly schema: Schema) {
    if (schema.type !== 'STRUCT') throw new DataException(`Not a struct schema: ${schema.toString()}`);
    this.#values = new Array<unknown>(schema.fields.length);
  }

  /** The value, or the field schema's default when the value is null. */
  get(field: string | Field): unknown {
    const f = typeof field === 'string' ? this.#lookupField(field) : field;
    const val = this.#values[f.index];
    if (
      (val === null || val === undefined) &&
      f.schema.defaultValue !== null &&
      f.schema.defaultValue !== undefined
    )
      return f.schema.defaultValue;
    return val ?? null;
  }

  /** The value as put (no default substitution); a Field (of this schema) skips the name lookup. */
  getWithoutDefault(field: string | Field): unknown {
    const f = typeof field === 'string' ? this.#lookupField(field) : field;
    return this.#values[f.index] ?? null;
  }

  getInt8(fieldName: string): number | null {
    return this.#getCheckType(fieldName, 'INT8') as number | null;
  }
  getInt16(fieldName: string): number | null {
    return this.#getCheckType(fieldName, 'INT16') as number | null;
  }
  getInt32(fieldName: string): number | null {
    return this.#getCheckType(fieldName, 'INT32') as number | null;
  }
  getInt64(fieldName: string): bigint | null {
    return this.#getCheckType(fieldName, 'INT64') as bigint | null;
  }
  getFloat32(fieldName: string): number | null {
    return this.#getCheckType(fieldName, 'FLOAT32') as number | null;
  }
  getFloat64(fieldName: string): number | null {
    return this.#getCheckType(fieldName, 'FLOAT64') as number | null;
  }
  getBoolean(fieldName: string): boolean | null {
    return this.#getCheckType(fieldName, 'BOOLEAN') as boolean | null;
  }
  getString(fieldName: string): string | null {
    return this.#getCheckType(fieldName, 'STRING') as string | null;
  }
  getBytes(fieldName: string): Buffer | null {
    const v = this.#getCheckType(fieldName, 'BYTES') as Uint8Array | null;
    return v === null || Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }
  getArray<T = unknown>(fieldName: string): T[] | null {
    return this.#getCheckType(fieldName, 'ARRAY') as T[] | null;
  }
  getMap<K = unknown, V = unknown>(fieldName: string): Map<K, V> | null {
    return this.#getCheckType(fieldName, 'MAP') as Map<K, V> | null;
  }
  getStruct(fieldName: string): Struct | null {
    return this.#getCheckType(fieldName, 'STRUCT') as Struct | null;
  }

  /** Sets a field after validating the value against the field's schema; returns this for chaining. */
  put(field: string | Field, value: unknown): this {
    if (field === null || field === undefined) throw new DataException('field cannot be null.');
    const f = typeof field === 'string' ? this.#lookupField(field) : field;
    ConnectSchema.validateValue(f.schema, value, f.name);
    this.#values[f.index] = value ?? null;
    return this;
  }

  /**
   * put(to, withDefault ? source.get(from) : source.getWithoutDefault(from)) for transformations that
   * copy a field of another struct (`from` a field of source's schema, `to` of this one). A non-null
   * primitive stored under the very same field schema object passed that schema's check when it was
   * put, and a primitive keeps its class, so it is copied as is; every other value goes through put().
   */
  putCopyOf(to: Field, source: Struct, from: Field, withDefault: boolean): this {
    const stored = source.#values[from.index];
    if (
      stored !== null &&
      stored !== undefined &&
      to.schema === from.schema &&
      isPrimitiveType(to.schema.type)
    ) {
      this.#values[to.index] = stored;
      return this;
    }
    return this.put(to, withDefault ? source.get(from) : (stored ?? null));
  }

  /** Checks that every required field without a default has a valid value. */
  validate(): void {
    for (const field of this.schema.fields) {
      const value = this.#values[field.index];
      const fs = field.schema;
      if ((value === null || value === undefined) && (fs.isOptional || (fs.defaultValue ?? null) !== null))
        continue;
      ConnectSchema.validateValue(fs, value, field.name);
    }
  }

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof Struct)) return false;
    if (!this.schema.equals(other.schema) || this.#values.length !== other.#values.length) return false;
    for (let i = 0; i < this.#values.length; i++)
      if (!deepEquals(this.#values[i] ?? null, other.#values[i] ?? null)) return false;
    return true;
  }

  /** Java's Struct.toString(): `Struct{a=1,b=x}` with null fields omitted. */
  toString(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.#values.length; i++) {
      const value = this.#values[i];
      if (value !== null && value !== undefined) {
        const field = this.schema.fields[i];
        parts.push(`${field?.name}=${formatValue(value, field?.schema ?? null)}`);
      }
    }
    return `Struct{${parts.join(',')}}`;
  }

  #lookupField(fieldName: string): Field {
    const field = this.schema.field(fieldName);
    if (field === null) throw new DataException(`${fieldName} is not a valid field name`);
    return field;
  }

  #getCheckType(fieldName: string, type: SchemaType): unknown {
    const field = this.#lookupField(fieldName);
    if (field.schema.type !== type) throw new DataException(`Field '${fieldName}' is not of type ${type}`);
    return this.#values[field.index] ?? null;
  }
}
