import { BigDecimal } from '../../data/big-decimal';
import type { Schema, SchemaType } from '../../data/schema';
import { Struct } from '../../data/struct';

/**
 * The Java class a Connect value would have in the real worker. With a schema it follows the
 * schema type (INT8 → Byte even though JS holds a number); without one it follows the JS value
 * the way our JsonConverter produces schemaless data (bigint = Long, other numbers = Double unless
 * integral and within int range, then Integer — as runtime/data/java-class.ts).
 */
export type JavaKind =
  | 'Boolean'
  | 'Byte'
  | 'Short'
  | 'Integer'
  | 'Long'
  | 'Float'
  | 'Double'
  | 'String'
  | 'Bytes'
  | 'List'
  | 'Map'
  | 'Struct'
  | 'Date'
  | 'BigDecimal'
  | 'Other';

const BY_TYPE: Record<SchemaType, JavaKind> = {
  BOOLEAN: 'Boolean',
  INT8: 'Byte',
  INT16: 'Short',
  INT32: 'Integer',
  INT64: 'Long',
  FLOAT32: 'Float',
  FLOAT64: 'Double',
  STRING: 'String',
  BYTES: 'Bytes',
  ARRAY: 'List',
  MAP: 'Map',
  STRUCT: 'Struct',
};

export const JAVA_CLASS: Record<JavaKind, string> = {
  Boolean: 'java.lang.Boolean',
  Byte: 'java.lang.Byte',
  Short: 'java.lang.Short',
  Integer: 'java.lang.Integer',
  Long: 'java.lang.Long',
  Float: 'java.lang.Float',
  Double: 'java.lang.Double',
  String: 'java.lang.String',
  Bytes: '[B',
  List: 'java.util.ArrayList',
  Map: 'java.util.HashMap',
  Struct: 'org.apache.kafka.connect.data.Struct',
  Date: 'java.util.Date',
  BigDecimal: 'java.math.BigDecimal',
  Other: 'java.lang.Object',
};

export function javaKind(value: unknown, schema: Schema | null): JavaKind {
  if (value instanceof Date) return 'Date';
  if (value instanceof BigDecimal) return 'BigDecimal';
  if (schema !== null) return BY_TYPE[schema.type];
  switch (typeof value) {
    case 'boolean':
      return 'Boolean';
    case 'bigint':
      return 'Long';
    case 'string':
      return 'String';
    case 'number':
      return Number.isInteger(value) && Math.abs(value) <= 2147483647 && !Object.is(value, -0)
        ? 'Integer'
        : 'Double';
    default:
      break;
  }
  if (value instanceof Uint8Array) return 'Bytes';
  if (Array.isArray(value)) return 'List';
  if (value instanceof Map) return 'Map';
  if (value instanceof Struct) return 'Struct';
  return 'Other';
}

/** `value.getClass()` as Java prints it in messages: `class java.lang.String`. */
export function javaClassText(kind: JavaKind): string {
  return kind === 'Bytes' ? 'class [B' : `class ${JAVA_CLASS[kind]}`;
}

/** ConnectSchema.schemaType(Class): the schema type for a Java class, or null (Date, BigDecimal...). */
export function schemaTypeOfKind(kind: JavaKind): SchemaType | null {
  switch (kind) {
    case 'Boolean':
      return 'BOOLEAN';
    case 'Byte':
      return 'INT8';
    case 'Short':
      return 'INT16';
    case 'Integer':
      return 'INT32';
    case 'Long':
      return 'INT64';
    case 'Float':
      return 'FLOAT32';
    case 'Double':
      return 'FLOAT64';
    case 'String':
      return 'STRING';
    case 'Bytes':
      return 'BYTES';
    case 'List':
      return 'ARRAY';
    case 'Map':
      return 'MAP';
    case 'Struct':
      return 'STRUCT';
    default:
      return null;
  }
}
