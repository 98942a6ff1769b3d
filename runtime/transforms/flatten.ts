import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { DataException } from '../data/errors';
import type { Schema } from '../data/schema';
import { SchemaBuilder } from '../data/schema-builder';
import { Struct } from '../data/struct';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { javaClassText, javaKind, schemaTypeOfKind } from './util/java-types';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import type { ConnectMap } from './util/requirements';
import { requireMap, requireStructOrNull } from './util/requirements';
import { SchemaCache, copySchemaBasics } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';

export const FLATTEN_CONFIG_DEF = new ConfigDef().define({
  name: 'delimiter',
  type: 'STRING',
  defaultValue: '.',
  importance: 'MEDIUM',
  documentation:
    'Delimiter to insert between field names from the input record when generating field names for the output record',
});

const PURPOSE = 'flattening';
const LEAF_TYPES = new Set([
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FLOAT32',
  'FLOAT64',
  'BOOLEAN',
  'STRING',
  'BYTES',
  'ARRAY',
]);

/** org.apache.kafka.connect.transforms.Flatten$Key / $Value. */
export class Flatten<R extends ConnectRecord<R>> implements Transformation<R> {
  #delimiter = '.';
  #cache = new SchemaCache();

  constructor(private readonly side: RecordSide) {}

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.Flatten$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    this.#delimiter = new SimpleConfig(FLATTEN_CONFIG_DEF, props).getString('delimiter') ?? '.';
    this.#cache = new SchemaCache();
  }

  #name(prefix: string, field: string): string {
    return prefix.length === 0 ? field : prefix + this.#delimiter + field;
  }

  apply(record: R): R {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    const schema = this.side.schema(record);
    if (schema === null) {
      const out = new Map<string, unknown>();
      this.#flattenMap(requireMap(value, PURPOSE), '', out);
      return this.side.newRecord(record, null, out);
    }
    const struct = requireStructOrNull(value, PURPOSE);
    let updated = this.#cache.get(schema);
    if (updated === undefined) {
      const builder = copySchemaBasics(schema, SchemaBuilder.struct());
      this.#buildSchema(
        schema,
        '',
        builder,
        schema.isOptional,
        (schema.defaultValue as Struct | null) ?? null,
      );
      updated = builder.build();
      this.#cache.put(schema, updated);
    }
    if (struct === null) return this.side.newRecord(record, updated, null);
    const out = new Struct(updated);
    this.#flattenStruct(struct, '', out);
    return this.side.newRecord(record, updated, out);
  }

  #flattenMap(map: ConnectMap, prefix: string, out: Map<string, unknown>): void {
    for (const [key, v] of map) {
      const name = this.#name(prefix, key);
      if (v === null || v === undefined) {
        out.set(name, null);
        continue;
      }
      const kind = javaKind(v, null);
      const type = schemaTypeOfKind(kind);
      if (type === null)
        throw new DataException(
          `Flatten transformation was passed a value of type ${javaClassText(kind)} which is not supported by Connect's data API`,
        );
      if (LEAF_TYPES.has(type)) out.set(name, v);
      else if (type === 'MAP') this.#flattenMap(requireMap(v, PURPOSE), name, out);
      else
        throw new DataException(
          `Flatten transformation does not support ${javaClassText(kind)} for record without schemas (for field ${name}).`,
        );
    }
  }

  #buildSchema(
    schema: Schema,
    prefix: string,
    builder: SchemaBuilder,
    optional: boolean,
    parentDefault: Struct | null,
  ): void {
    for (const field of schema.fields) {
      const name = this.#name(prefix, field.name);
      const fieldOptional = optional || field.schema.isOptional;
      let fieldDefault: unknown = null;
      if (field.schema.defaultValue !== null && field.schema.defaultValue !== undefined)
        fieldDefault = field.schema.defaultValue;
      else if (parentDefault !== null) fieldDefault = parentDefault.get(field);
      if (LEAF_TYPES.has(field.schema.type)) {
        const fb = copySchemaBasics(field.schema);
        if (fieldOptional) fb.optional();
        if (fieldDefault !== null) fb.defaultValue(fieldDefault);
        builder.field(name, fb.build());
      } else if (field.schema.type === 'STRUCT') {
        this.#buildSchema(
          field.schema,
          name,
          builder,
          fieldOptional,
          (fieldDefault as Struct | null) ?? null,
        );
      } else {
        throw new DataException(
          `Flatten transformation does not support ${field.schema.type} for record with schemas (for field ${name}).`,
        );
      }
    }
  }

  #flattenStruct(struct: Struct | null, prefix: string, out: Struct): void {
    if (struct === null) return;
    for (const field of struct.schema.fields) {
      const name = this.#name(prefix, field.name);
      if (LEAF_TYPES.has(field.schema.type)) out.put(name, struct.get(field));
      else if (field.schema.type === 'STRUCT') this.#flattenStruct(struct.getStruct(field.name), name, out);
      else
        throw new DataException(
          `Flatten transformation does not support ${field.schema.type} for record with schemas (for field ${name}).`,
        );
    }
  }

  config(): ConfigDef {
    return FLATTEN_CONFIG_DEF;
  }

  close(): void {}
}

export const flattenKey = <R extends ConnectRecord<R>>(): Flatten<R> => new Flatten<R>(KEY);
export const flattenValue = <R extends ConnectRecord<R>>(): Flatten<R> => new Flatten<R>(VALUE);
