import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { ValidList } from '../config/validators';
import { DataException } from '../data/errors';
import type { Schema } from '../data/schema';
import { SchemaBuilder } from '../data/schema-builder';
import { Struct } from '../data/struct';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { REPLACE_NULL_WITH_DEFAULT_DOC } from './insert-field';
import {
  SingleFieldPath,
  appendFieldSyntaxVersionConfig,
  fieldSyntaxVersionFromConfig,
} from './field/single-field-path';
import { requireMap, requireStruct } from './util/requirements';
import { SchemaCache } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';

export const VALUE_TO_KEY_CONFIG_DEF = appendFieldSyntaxVersionConfig(
  new ConfigDef()
    .define({
      name: 'fields',
      type: 'LIST',
      validator: ValidList.anyNonDuplicateValues(false, false),
      importance: 'HIGH',
      documentation: 'Field names on the record value to extract as the record key.',
    })
    .define({
      name: 'replace.null.with.default',
      type: 'BOOLEAN',
      defaultValue: true,
      importance: 'MEDIUM',
      documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
    }),
);

const PURPOSE = 'copying fields from value to key';

/** org.apache.kafka.connect.transforms.ValueToKey. No null guard: a tombstone throws, as in Connect. */
export class ValueToKey<R extends ConnectRecord<R>> implements Transformation<R> {
  readonly className = `${TRANSFORMS_PACKAGE}.ValueToKey`;
  #fields: string[] = [];
  #paths: SingleFieldPath[] = [];
  #replaceNullWithDefault = true;
  #cache = new SchemaCache();

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(VALUE_TO_KEY_CONFIG_DEF, props);
    this.#fields = config.getList('fields');
    const version = fieldSyntaxVersionFromConfig(config);
    this.#paths = this.#fields.map((f) => new SingleFieldPath(f, version));
    this.#replaceNullWithDefault = config.getBoolean('replace.null.with.default');
    this.#cache = new SchemaCache();
  }

  apply(record: R): R {
    if (record.valueSchema === null) {
      const value = requireMap(record.value, PURPOSE);
      const key = new Map<string, unknown>();
      this.#fields.forEach((f, i) => key.set(f, this.#paths[i]?.valueFromMap(value) ?? null));
      return record.newRecord(
        record.topic,
        record.kafkaPartition,
        null,
        key,
        record.valueSchema,
        record.value,
        record.timestamp,
      );
    }
    const value = requireStruct(record.value, PURPOSE);
    let keySchema: Schema | undefined = this.#cache.get(value.schema);
    if (keySchema === undefined) {
      const builder = SchemaBuilder.struct();
      this.#fields.forEach((f, i) => {
        const field = this.#paths[i]?.fieldFrom(value.schema) ?? null;
        if (field === null) throw new DataException(`Field does not exist: ${f}`);
        builder.field(f, field.schema);
      });
      keySchema = builder.build();
      this.#cache.put(value.schema, keySchema);
    }
    const key = new Struct(keySchema);
    this.#fields.forEach((f, i) =>
      key.put(f, this.#paths[i]?.valueFromStruct(value, this.#replaceNullWithDefault) ?? null),
    );
    return record.newRecord(
      record.topic,
      record.kafkaPartition,
      keySchema,
      key,
      value.schema,
      value,
      record.timestamp,
    );
  }

  config(): ConfigDef {
    return VALUE_TO_KEY_CONFIG_DEF;
  }

  close(): void {
    this.#cache = new SchemaCache();
  }
}
