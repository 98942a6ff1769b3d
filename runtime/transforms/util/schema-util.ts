import type { Schema } from '../../data/schema';
import { SchemaBuilder } from '../../data/schema-builder';
import type { Field } from '../../data/field';
import type { Struct } from '../../data/struct';

/** SchemaUtil.copySchemaBasics: name, version, doc and parameters (NOT optionality or default). */
export function copySchemaBasics(source: Schema, builder?: SchemaBuilder): SchemaBuilder {
  const b =
    builder ??
    (source.type === 'ARRAY' && source.valueSchema !== null
      ? SchemaBuilder.array(source.valueSchema)
      : new SchemaBuilder(source.type));
  if (source.name !== null) b.name(source.name);
  if (source.version !== null) b.version(source.version);
  if (source.doc !== null) b.doc(source.doc);
  if (source.parameters !== null) b.parameters(source.parameters);
  return b;
}

/** The replace.null.with.default read of a struct field: with default substitution or raw. */
export function fieldValue(struct: Struct, field: Field, replaceNullWithDefault: boolean): unknown {
  return replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field);
}

/**
 * A small per-instance cache keyed by input schema (Connect uses an LRUCache of 16 keyed by schema
 * equality): the updated schema, or what a transformation derives from the input schema once.
 */
export class SchemaCache<V = Schema> {
  readonly #entries = new Map<Schema, V>();

  get(key: Schema): V | undefined {
    const hit = this.#entries.get(key);
    if (hit !== undefined) return hit;
    for (const [k, v] of this.#entries) if (k.equals(key)) return v;
    return undefined;
  }

  put(key: Schema, value: V): void {
    if (this.#entries.size >= 16) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, value);
  }
}
