import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { ConfigException } from '../config/config-exception';
import { LambdaValidator, ValidString } from '../config/validators';
import type { Schema } from '../data/schema';
import { SchemaBuilder } from '../data/schema-builder';
import { Struct } from '../data/struct';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { REPLACE_NULL_WITH_DEFAULT_DOC } from './insert-field';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { requireMap, requireStruct } from './util/requirements';
import { SchemaCache, copySchemaBasics } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';

/** org.apache.kafka.connect.transforms.util.NonEmptyListValidator. */
export const nonEmptyListValidator = LambdaValidator.with(
  (name, value) => {
    if (value === null || value === undefined || (value as unknown[]).length === 0)
      throw new ConfigException(name, value, 'Empty list');
  },
  () => 'non-empty list',
);

export const HEADER_FROM_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'fields',
    type: 'LIST',
    validator: nonEmptyListValidator,
    importance: 'HIGH',
    documentation: 'Field names in the record whose values are to be copied or moved to headers.',
  })
  .define({
    name: 'headers',
    type: 'LIST',
    validator: nonEmptyListValidator,
    importance: 'HIGH',
    documentation:
      'Header names, in the same order as the field names listed in the fields configuration property.',
  })
  .define({
    name: 'operation',
    type: 'STRING',
    validator: ValidString.in('move', 'copy'),
    importance: 'HIGH',
    documentation:
      'Either <code>move</code> if the fields are to be moved to the headers (removed from the key/value), ' +
      'or <code>copy</code> if the fields are to be copied to the headers (retained in the key/value).',
  })
  .define({
    name: 'replace.null.with.default',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

/** org.apache.kafka.connect.transforms.HeaderFrom$Key / $Value. */
export class HeaderFrom<R extends ConnectRecord<R>> implements Transformation<R> {
  #fields: string[] = [];
  #headers: string[] = [];
  #operation: 'move' | 'copy' = 'copy';
  #replaceNullWithDefault = true;
  readonly #moveCache = new SchemaCache();

  constructor(private readonly side: RecordSide) {}

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.HeaderFrom$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(HEADER_FROM_CONFIG_DEF, props);
    this.#fields = config.getList('fields');
    this.#headers = config.getList('headers');
    if (this.#headers.length !== this.#fields.length)
      throw new ConfigException("'fields' config must have the same number of elements as 'headers' config.");
    this.#operation = config.getString('operation') === 'move' ? 'move' : 'copy';
    this.#replaceNullWithDefault = config.getBoolean('replace.null.with.default');
  }

  #get(struct: Struct, name: string): unknown {
    return this.#replaceNullWithDefault ? struct.get(name) : struct.getWithoutDefault(name);
  }

  apply(record: R): R {
    const value = this.side.value(record);
    const schema = this.side.schema(record);
    const headers = record.headers.duplicate();
    const purpose = `header ${this.#operation}`;
    if (schema === null) {
      const map = requireMap(value, purpose);
      const updated = new Map(map);
      this.#fields.forEach((field, i) => {
        if (this.#operation === 'move') updated.delete(field);
        headers.add(this.#headers[i] ?? '', map.get(field) ?? null, null);
      });
      return this.side.newRecord(record, null, updated, headers);
    }
    const struct = requireStruct(value, purpose);
    let updatedSchema: Schema = schema;
    let updatedValue: Struct = struct;
    if (this.#operation === 'move') {
      updatedSchema = this.#moveSchema(schema);
      updatedValue = new Struct(updatedSchema);
      for (const field of updatedSchema.fields) updatedValue.put(field, this.#get(struct, field.name));
    }
    this.#fields.forEach((fieldName, i) => {
      const fieldValue = struct.schema.field(fieldName) !== null ? this.#get(struct, fieldName) : null;
      const field = schema.field(fieldName);
      if (field === null) throw nullPointer(fieldName);
      headers.add(this.#headers[i] ?? '', fieldValue, field.schema);
    });
    return this.side.newRecord(record, updatedSchema, updatedValue, headers);
  }

  #moveSchema(schema: Schema): Schema {
    const cached = this.#moveCache.get(schema);
    if (cached !== undefined) return cached;
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields)
      if (!this.#fields.includes(field.name)) builder.field(field.name, field.schema);
    const built = builder.build();
    this.#moveCache.put(schema, built);
    return built;
  }

  config(): ConfigDef {
    return HEADER_FROM_CONFIG_DEF;
  }

  close(): void {}
}

/** Java dereferences `operatingSchema.field(name).schema()` on a missing field: a NullPointerException. */
function nullPointer(fieldName: string): Error {
  const e = new Error(
    `Cannot invoke "org.apache.kafka.connect.data.Field.schema()" because the return value of "org.apache.kafka.connect.data.Schema.field(String)" is null`,
  );
  Object.defineProperty(e, 'javaClassName', { value: 'java.lang.NullPointerException' });
  void fieldName;
  return e;
}

export const headerFromKey = <R extends ConnectRecord<R>>(): HeaderFrom<R> => new HeaderFrom<R>(KEY);
export const headerFromValue = <R extends ConnectRecord<R>>(): HeaderFrom<R> => new HeaderFrom<R>(VALUE);
