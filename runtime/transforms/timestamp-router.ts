import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { DataException } from '../data/errors';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { SimpleDateFormat } from './util/simple-date-format';
import { SimpleConfig } from './util/simple-config';

export const TIMESTAMP_ROUTER_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'topic.format',
    type: 'STRING',
    defaultValue: '${topic}-${timestamp}',
    importance: 'HIGH',
    documentation:
      'Format string which can contain <code>${topic}</code> and <code>${timestamp}</code> as placeholders for the topic and timestamp, respectively.',
  })
  .define({
    name: 'timestamp.format',
    type: 'STRING',
    defaultValue: 'yyyyMMdd',
    importance: 'HIGH',
    documentation:
      'Format string for the timestamp that is compatible with <code>java.text.SimpleDateFormat</code>.',
  });

/** org.apache.kafka.connect.transforms.TimestampRouter (timestamps formatted in UTC). */
export class TimestampRouter<R extends ConnectRecord<R>> implements Transformation<R> {
  readonly className = `${TRANSFORMS_PACKAGE}.TimestampRouter`;
  #topicFormat = '';
  #timestampFormatText = 'yyyyMMdd';
  #timestampFormat: SimpleDateFormat | null = null;

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(TIMESTAMP_ROUTER_CONFIG_DEF, props);
    this.#topicFormat = config.getString('topic.format') ?? '';
    // Java builds the SimpleDateFormat lazily (ThreadLocal.withInitial), so a bad pattern fails on the first record.
    this.#timestampFormatText = config.getString('timestamp.format') ?? '';
    this.#timestampFormat = null;
  }

  apply(record: R): R {
    if (record.timestamp === null)
      throw new DataException(`Timestamp missing on record: ${record.toString()}`);
    this.#timestampFormat ??= new SimpleDateFormat(this.#timestampFormatText);
    const formatted = this.#timestampFormat.format(new Date(record.timestamp));
    const topic = this.#topicFormat
      .split('${topic}')
      .join(record.topic)
      .split('${timestamp}')
      .join(formatted);
    return record.newRecord(
      topic,
      record.kafkaPartition,
      record.keySchema,
      record.key,
      record.valueSchema,
      record.value,
      record.timestamp,
    );
  }

  config(): ConfigDef {
    return TIMESTAMP_ROUTER_CONFIG_DEF;
  }

  close(): void {
    this.#timestampFormat = null;
  }
}
