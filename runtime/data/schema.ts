import type { Field } from './field';
import { ConnectSchema } from './connect-schema';

/** org.apache.kafka.connect.data.Schema.Type, by its Java enum constant name. */
export type SchemaType =
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FLOAT32'
  | 'FLOAT64'
  | 'BOOLEAN'
  | 'STRING'
  | 'BYTES'
  | 'ARRAY'
  | 'MAP'
  | 'STRUCT';

export const Type = {
  INT8: 'INT8',
  INT16: 'INT16',
  INT32: 'INT32',
  INT64: 'INT64',
  FLOAT32: 'FLOAT32',
  FLOAT64: 'FLOAT64',
  BOOLEAN: 'BOOLEAN',
  STRING: 'STRING',
  BYTES: 'BYTES',
  ARRAY: 'ARRAY',
  MAP: 'MAP',
  STRUCT: 'STRUCT',
} as const satisfies Record<SchemaType, SchemaType>;

export const ALL_SCHEMA_TYPES: readonly SchemaType[] = Object.values(Type);

/** Schema.Type.getName(): the lowercase name used on the wire (`int32`, `string`, ...). */
export function typeName(type: SchemaType): string {
  return type.toLowerCase();
}

export { isPrimitiveType } from './primitive-type';

/**
 * org.apache.kafka.connect.data.Schema. Java's accessor methods are read-only properties here
 * (`schema.type`, `schema.isOptional`, `schema.name`...). Absent metadata is `null`, as in Java.
 * `fields`, `keySchema` and `valueSchema` throw DataException on a type that has none, as Java does.
 *
 * Value representation per type (what Struct/validateValue accept and converters produce):
 * INT8/INT16/INT32 → number (integral, in range); INT64 → bigint; FLOAT32/FLOAT64 → number;
 * BOOLEAN → boolean; STRING → string; BYTES → Buffer (any Uint8Array accepted); ARRAY → unknown[];
 * MAP → Map (insertion ordered); STRUCT → Struct. Logical types: Decimal → BigDecimal;
 * Date/Time/Timestamp → JS Date (as java.util.Date, millisecond precision).
 */
export interface Schema {
  readonly type: SchemaType;
  readonly isOptional: boolean;
  /** The default value, or null when there is none. */
  readonly defaultValue: unknown;
  readonly name: string | null;
  readonly version: number | null;
  readonly doc: string | null;
  /** Logical-type parameters in insertion order, or null. */
  readonly parameters: ReadonlyMap<string, string> | null;
  /** Struct fields in order; throws DataException for non-struct types. */
  readonly fields: readonly Field[];
  /** Field by name or null; throws DataException for non-struct types. */
  field(name: string): Field | null;
  /** Map key schema; throws DataException for non-map types. */
  readonly keySchema: Schema | null;
  /** Array element / map value schema; throws DataException for other types. */
  readonly valueSchema: Schema | null;
  /** Java's schema(): the built schema itself. */
  readonly schema: Schema;
  equals(other: unknown): boolean;
  toString(): string;
}

const s = (type: SchemaType, optional: boolean): Schema => new ConnectSchema(type, optional);

/** The Schema constants of the Java interface, plus Schema.Type. */
export const Schema = {
  Type,
  INT8_SCHEMA: s('INT8', false),
  INT16_SCHEMA: s('INT16', false),
  INT32_SCHEMA: s('INT32', false),
  INT64_SCHEMA: s('INT64', false),
  FLOAT32_SCHEMA: s('FLOAT32', false),
  FLOAT64_SCHEMA: s('FLOAT64', false),
  BOOLEAN_SCHEMA: s('BOOLEAN', false),
  STRING_SCHEMA: s('STRING', false),
  BYTES_SCHEMA: s('BYTES', false),
  OPTIONAL_INT8_SCHEMA: s('INT8', true),
  OPTIONAL_INT16_SCHEMA: s('INT16', true),
  OPTIONAL_INT32_SCHEMA: s('INT32', true),
  OPTIONAL_INT64_SCHEMA: s('INT64', true),
  OPTIONAL_FLOAT32_SCHEMA: s('FLOAT32', true),
  OPTIONAL_FLOAT64_SCHEMA: s('FLOAT64', true),
  OPTIONAL_BOOLEAN_SCHEMA: s('BOOLEAN', true),
  OPTIONAL_STRING_SCHEMA: s('STRING', true),
  OPTIONAL_BYTES_SCHEMA: s('BYTES', true),
} as const;
