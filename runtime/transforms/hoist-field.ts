import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { SchemaBuilder } from '../data/schema-builder';
import { Struct } from '../data/struct';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { SchemaCache } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';

export const HOIST_FIELD_CONFIG_DEF = new ConfigDef().define({
  name: 'field',
  type: 'STRING',
  importance: 'MEDIUM',
  documentation: 'Field name for the single field that will be created in the resulting Struct or Map.',
});

/** org.apache.kafka.connect.transforms.HoistField$Key / $Value (no null guard, as Connect). */
export class HoistField<R extends ConnectRecord<R>> implements Transformation<R> {
  #field = '';
  #cache = new SchemaCache();

  constructor(private readonly side: RecordSide) {}

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.HoistField$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    this.#field = new SimpleConfig(HOIST_FIELD_CONFIG_DEF, props).getString('field') ?? '';
    this.#cache = new SchemaCache();
  }

  apply(record: R): R {
    const schema = this.side.schema(record);
    const value = this.side.value(record);
    if (schema === null) return this.side.newRecord(record, null, new Map([[this.#field, value]]));
    let updated = this.#cache.get(schema);
    if (updated === undefined) {
      updated = SchemaBuilder.struct().field(this.#field, schema).build();
      this.#cache.put(schema, updated);
    }
    return this.side.newRecord(record, updated, new Struct(updated).put(this.#field, value));
  }

  config(): ConfigDef {
    return HOIST_FIELD_CONFIG_DEF;
  }

  close(): void {
    this.#cache = new SchemaCache();
  }
}

export const hoistFieldKey = <R extends ConnectRecord<R>>(): HoistField<R> => new HoistField<R>(KEY);
export const hoistFieldValue = <R extends ConnectRecord<R>>(): HoistField<R> => new HoistField<R>(VALUE);
