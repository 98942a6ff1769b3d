import type { ConnectRecord } from '../api/records';
import { ConnectHeaders } from '../api/headers';
import { ConfigDef } from '../config/config-def';
import { ValidList } from '../config/validators';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { SimpleConfig } from './util/simple-config';

export const DROP_HEADERS_CONFIG_DEF = new ConfigDef().define({
  name: 'headers',
  type: 'LIST',
  validator: ValidList.anyNonDuplicateValues(false, false),
  importance: 'HIGH',
  documentation: 'The name of the headers to be removed.',
});

/** org.apache.kafka.connect.transforms.DropHeaders. */
export class DropHeaders<R extends ConnectRecord<R>> implements Transformation<R> {
  readonly className = `${TRANSFORMS_PACKAGE}.DropHeaders`;
  #headers = new Set<string>();

  configure(props: PluginConfigs): void {
    this.#headers = new Set(new SimpleConfig(DROP_HEADERS_CONFIG_DEF, props).getList('headers'));
  }

  apply(record: R): R {
    const headers = new ConnectHeaders();
    for (const h of record.headers) if (!this.#headers.has(h.key)) headers.add(h);
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
    return DROP_HEADERS_CONFIG_DEF;
  }

  close(): void {}
}
