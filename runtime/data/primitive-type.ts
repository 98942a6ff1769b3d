import type { SchemaType } from './schema';

/**
 * Schema.Type.isPrimitive(). A module of its own (a type-only import) so that connect-schema.ts and
 * struct.ts, which schema.ts itself loads, can use it without an import cycle at load time.
 */
export function isPrimitiveType(type: SchemaType): boolean {
  return type !== 'ARRAY' && type !== 'MAP' && type !== 'STRUCT';
}
