import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { NonNullValidator } from '../config/validators';
import { SchemaAndValue } from '../data/schema-and-value';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { SimpleConfig } from './util/simple-config';
import { parseString } from '../data/values';

export const INSERT_HEADER_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'header',
    type: 'STRING',
    validator: new NonNullValidator(),
    importance: 'HIGH',
    documentation: 'The name of the header.',
  })
  .define({
    name: 'value.literal',
    type: 'STRING',
    validator: new NonNullValidator(),
    importance: 'HIGH',
    documentation: 'The literal value that is to be set as the header value on all records.',
  });

/** org.apache.kafka.connect.transforms.InsertHeader: value.literal parsed with Values.parseString. */
export class InsertHeader<R extends ConnectRecord<R>> implements Transformation<R> {
  readonly className = `${TRANSFORMS_PACKAGE}.InsertHeader`;
  #header = '';
  #literal: SchemaAndValue | null = SchemaAndValue.NULL;

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(INSERT_HEADER_CONFIG_DEF, props);
    this.#header = config.getString('header') ?? '';
    this.#literal = parseString(config.getString('value.literal'));
  }

  apply(record: R): R {
    const headers = record.headers.duplicate();
    headers.add(this.#header, this.#literal);
    return record.newRecord(
      record.topic,
      record.kafkaPartition,
      record.keySchema,
      record.key,
      record.valueSchema,
      record.value,
      record.timestamp,
      headers,
    );
  }

  config(): ConfigDef {
    return INSERT_HEADER_CONFIG_DEF;
  }

  close(): void {}
}
