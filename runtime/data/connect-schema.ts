import { BigDecimal } from './big-decimal';
import { DataException } from './errors';
import type { Field } from './field';
import type { Schema, SchemaType } from './schema';
import { Struct } from './struct';
import { javaClassOf } from './java-class';
import { isPrimitiveType } from './primitive-type';
import { deepEquals } from './equality';

const DECIMAL = 'org.apache.kafka.connect.data.Decimal';
const DATE = 'org.apache.kafka.connect.data.Date';
const TIME = 'org.apache.kafka.connect.data.Time';
const TIMESTAMP = 'org.apache.kafka.connect.data.Timestamp';

/** org.apache.kafka.connect.data.ConnectSchema: the immutable Schema implementation. */
export class ConnectSchema implements Schema {
  readonly #fields: readonly Field[] | null;
  readonly #fieldsByName: ReadonlyMap<string, Field> | null;
  readonly #keySchema: Schema | null;
  readonly #valueSchema: Schema | null;

  constructor(
    readonly type: SchemaType,
    readonly isOptional = false,
    readonly defaultValue: unknown = null,
    readonly name: string | null = null,
    readonly version: number | null = null,
    readonly doc: string | null = null,
    readonly parameters: ReadonlyMap<string, string> | null = null,
    fields: readonly Field[] | null = null,
    keySchema: Schema | null = null,
    valueSchema: Schema | null = null,
  ) {
    if (type === 'STRUCT') {
      this.#fields = Object.freeze([...(fields ?? [])]);
      this.#fieldsByName = new Map(this.#fields.map((f) => [f.name, f]));
    } else {
      this.#fields = null;
      this.#fieldsByName = null;
    }
    this.#keySchema = keySchema;
    this.#valueSchema = valueSchema;
  }

  get fields(): readonly Field[] {
    if (this.#fields === null) throw new DataException('Cannot list fields on non-struct type');
    return this.#fields;
  }

  field(name: string): Field | null {
    if (this.#fieldsByName === null) throw new DataException('Cannot look up fields on non-struct type');
    return this.#fieldsByName.get(name) ?? null;
  }

  get keySchema(): Schema | null {
    if (this.type !== 'MAP') throw new DataException('Cannot look up key schema on non-map type');
    return this.#keySchema;
  }

  get valueSchema(): Schema | null {
    if (this.type !== 'MAP' && this.type !== 'ARRAY')
      throw new DataException('Cannot look up value schema on non-array and non-map type');
    return this.#valueSchema;
  }

  get schema(): Schema {
    return this;
  }

  /** Validates a value against this schema (ConnectSchema.validateValue(Object)). */
  validateValue(value: unknown): void {
    ConnectSchema.validateValue(this, value);
  }

  /**
   * Throws DataException with Connect's message when `value` does not fit `schema`.
   * `field` names the struct field for the message, as the Java 3-argument overload.
   */
  static validateValue(schema: Schema, value: unknown, field?: string | null): void {
    // A non-null primitive that has the schema's class is all a primitive check asks: done before the
    // location text of the message is built.
    if (value !== null && value !== undefined && isPrimitiveType(schema.type) && matchesClass(schema, value))
      return;
    validate(schema, value, field == null ? 'value' : `field: "${field}"`);
  }

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof ConnectSchema)) return false;
    return (
      this.isOptional === other.isOptional &&
      this.version === other.version &&
      this.name === other.name &&
      this.doc === other.doc &&
      this.type === other.type &&
      deepEquals(this.defaultValue, other.defaultValue) &&
      fieldsEqual(this.#fields, other.#fields) &&
      schemaEquals(this.#keySchema, other.#keySchema) &&
      schemaEquals(this.#valueSchema, other.#valueSchema) &&
      parametersEqual(this.parameters, other.parameters)
    );
  }

  toString(): string {
    return this.name !== null ? `Schema{${this.name}:${this.type}}` : `Schema{${this.type}}`;
  }
}

export function schemaEquals(a: Schema | null | undefined, b: Schema | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return a.equals(b);
}

function fieldsEqual(a: readonly Field[] | null, b: readonly Field[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((f, i) => f.equals(b[i]));
}

function parametersEqual(
  a: ReadonlyMap<string, string> | null,
  b: ReadonlyMap<string, string> | null,
): boolean {
  if (a === null || b === null) return a === b;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

function matchesClass(schema: Schema, value: unknown): boolean {
  const name = schema.name;
  if (name !== null) {
    if (name === DECIMAL) return value instanceof BigDecimal;
    if (name === DATE || name === TIME || name === TIMESTAMP) return value instanceof Date;
  }
  switch (schema.type) {
    case 'INT8':
      return isIntegerIn(value, -128, 127);
    case 'INT16':
      return isIntegerIn(value, -32768, 32767);
    case 'INT32':
      return isIntegerIn(value, -2147483648, 2147483647);
    case 'INT64':
      return typeof value === 'bigint' && BigInt.asIntN(64, value) === value;
    case 'FLOAT32':
    case 'FLOAT64':
      return typeof value === 'number';
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'STRING':
      return typeof value === 'string';
    case 'BYTES':
      return value instanceof Uint8Array;
    case 'ARRAY':
      return Array.isArray(value);
    case 'MAP':
      return value instanceof Map;
    case 'STRUCT':
      return value instanceof Struct;
  }
}

function validate(schema: Schema, value: unknown, location: string): void {
  if (value === null || value === undefined) {
    if (!schema.isOptional)
      throw new DataException(
        `Invalid value: null used for required ${location}, schema type: ${schema.type}`,
      );
    return;
  }
  if (!matchesClass(schema, value)) {
    let message = 'Invalid Java object for schema';
    if (schema.name !== null) message += ` "${schema.name}"`;
    message += ` with type ${schema.type}: ${javaClassOf(value)} for ${location}`;
    throw new DataException(message);
  }
  switch (schema.type) {
    case 'STRUCT': {
      const struct = value as Struct;
      if (!struct.schema.equals(schema)) throw new DataException('Struct schemas do not match.');
      struct.validate();
      break;
    }
    case 'ARRAY': {
      const entryLocation = `element of array ${location}`;
      const elementSchema = notNull(schema.valueSchema, entryLocation);
      for (const entry of value as unknown[]) validate(elementSchema, entry, entryLocation);
      break;
    }
    case 'MAP': {
      const keyLocation = `key of map ${location}`;
      const valueLocation = `value of map ${location}`;
      const keySchema = notNull(schema.keySchema, keyLocation);
      const valueSchema = notNull(schema.valueSchema, valueLocation);
      for (const [k, v] of value as Map<unknown, unknown>) {
        validate(keySchema, k, keyLocation);
        validate(valueSchema, v, valueLocation);
      }
      break;
    }
    default:
      break;
  }
}

function isIntegerIn(value: unknown, lo: number, hi: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= lo && value <= hi;
}

function notNull(schema: Schema | null, location: string): Schema {
  if (schema === null) throw new DataException(`No schema defined for ${location}`);
  return schema;
}
