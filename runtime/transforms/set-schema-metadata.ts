import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { ConfigException } from '../config/config-exception';
import { ConnectSchema } from '../data/connect-schema';
import type { Schema } from '../data/schema';
import { Struct } from '../data/struct';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { REPLACE_NULL_WITH_DEFAULT_DOC } from './insert-field';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { requireSchema } from './util/requirements';
import { fieldValue } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';

export const SET_SCHEMA_METADATA_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'schema.name',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'Schema name to set.',
  })
  .define({
    name: 'schema.version',
    type: 'INT',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'Schema version to set.',
  })
  .define({
    name: 'replace.null.with.default',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

/** org.apache.kafka.connect.transforms.SetSchemaMetadata$Key / $Value. */
export class SetSchemaMetadata<R extends ConnectRecord<R>> implements Transformation<R> {
  #name: string | null = null;
  #version: number | null = null;
  #replaceNullWithDefault = true;

  constructor(private readonly side: RecordSide) {}

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.SetSchemaMetadata$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(SET_SCHEMA_METADATA_CONFIG_DEF, props);
    this.#name = config.getString('schema.name');
    this.#version = config.getInt('schema.version');
    this.#replaceNullWithDefault = config.getBoolean('replace.null.with.default');
    if (this.#name === null && this.#version === null)
      throw new ConfigException('Neither schema name nor version configured');
  }

  apply(record: R): R {
    const value = this.side.value(record);
    const maybeSchema = this.side.schema(record);
    if ((value === null || value === undefined) && maybeSchema === null) return record;
    const schema = requireSchema(maybeSchema, 'updating schema metadata');
    const isArray = schema.type === 'ARRAY';
    const isMap = schema.type === 'MAP';
    const updated: Schema = new ConnectSchema(
      schema.type,
      schema.isOptional,
      schema.defaultValue,
      this.#name ?? schema.name,
      this.#version ?? schema.version,
      schema.doc,
      schema.parameters,
      // Java passes schema.fields() unconditionally: a non-struct schema throws "Cannot list fields on non-struct type".
      schema.fields,
      isMap ? schema.keySchema : null,
      isMap || isArray ? schema.valueSchema : null,
    );
    let newValue = value;
    if (value instanceof Struct) {
      const s = new Struct(updated);
      for (const field of updated.fields)
        s.put(field, fieldValue(value, field, this.#replaceNullWithDefault));
      newValue = s;
    }
    return this.side.newRecord(record, updated, newValue);
  }

  config(): ConfigDef {
    return SET_SCHEMA_METADATA_CONFIG_DEF;
  }

  close(): void {}
}

export const setSchemaMetadataKey = <R extends ConnectRecord<R>>(): SetSchemaMetadata<R> =>
  new SetSchemaMetadata<R>(KEY);
export const setSchemaMetadataValue = <R extends ConnectRecord<R>>(): SetSchemaMetadata<R> =>
  new SetSchemaMetadata<R>(VALUE);
