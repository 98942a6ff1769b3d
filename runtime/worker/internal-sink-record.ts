/**
 * InternalSinkRecord: a SinkRecord the worker delivered to put(), carrying the consumed record it
 * came from (key/value/header bytes, topic, partition, offset, timestamp as read from Kafka). The
 * errant record reporter sends those original bytes to the DLQ, as Connect's
 * WorkerErrantRecordReporter does for InternalSinkRecord.originalRecord(). newRecord() on it keeps the
 * original, so a record the task derives from a delivered one still reports what was consumed.
 */
import type { Header } from '../api/headers';
import { SinkRecord } from '../api/records';
import type { Schema } from '../data/schema';
import type { ConsumedRecord } from '../errors/tolerance/index';

export class InternalSinkRecord extends SinkRecord {
  constructor(
    readonly originalRecord: ConsumedRecord,
    delivered: SinkRecord,
  ) {
    super(
      delivered.topic,
      delivered.kafkaPartition,
      delivered.keySchema,
      delivered.key,
      delivered.valueSchema,
      delivered.value,
      delivered.kafkaOffset,
      delivered.timestamp,
      delivered.timestampType,
      delivered.headers,
      delivered.originalTopic,
      delivered.originalKafkaPartition,
      delivered.originalKafkaOffset,
    );
  }

  override newRecord(
    topic: string,
    kafkaPartition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    timestamp: number | null,
    headers?: Iterable<Header> | null,
  ): SinkRecord {
    return new InternalSinkRecord(
      this.originalRecord,
      super.newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers),
    );
  }
}
