import type { Schema } from '../data/schema';
import { formatValue, javaHashMapToString } from '../data/format-value';
import { deepEquals } from '../data/equality';
import { schemaEquals } from '../data/connect-schema';
import type { Header } from './headers';
import { ConnectHeaders } from './headers';

/**
 * Record metadata representation: kafkaPartition, timestamp (epoch ms) and kafkaOffset are JS
 * numbers (null where Java allows a null Long/Integer). They stay far below 2^53 in practice;
 * Connect *data* that is INT64 is a bigint (see runtime/data/schema.ts).
 */
export type SourcePartition = Readonly<Record<string, unknown>>;
export type SourceOffset = Readonly<Record<string, unknown>>;

/** org.apache.kafka.common.record.TimestampType constants (toString gives `name`). */
export type TimestampType = 'NO_TIMESTAMP_TYPE' | 'CREATE_TIME' | 'LOG_APPEND_TIME';
export const TIMESTAMP_TYPE_NAMES: Readonly<Record<TimestampType, string>> = {
  NO_TIMESTAMP_TYPE: 'NoTimestampType',
  CREATE_TIME: 'CreateTime',
  LOG_APPEND_TIME: 'LogAppendTime',
};

/**
 * org.apache.kafka.connect.connector.ConnectRecord. Immutable apart from its headers, which the
 * record owns (Java hands out the same mutable Headers); newRecord() makes a modified copy that
 * keeps the subclass's own fields (source partition/offset, Kafka coordinates).
 */
export abstract class ConnectRecord<R extends ConnectRecord<R>> {
  // `declare` + assignments in the constructor: plain stores, not class-field definitions (each
  // transformation makes a record per record, so this is on the hot path). Same properties, same order.
  declare readonly topic: string;
  declare readonly kafkaPartition: number | null;
  declare readonly keySchema: Schema | null;
  declare readonly key: unknown;
  declare readonly valueSchema: Schema | null;
  declare readonly value: unknown;
  declare readonly timestamp: number | null;
  declare readonly headers: ConnectHeaders;

  constructor(
    topic: string,
    kafkaPartition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    timestamp: number | null = null,
    headers: Iterable<Header> | null = null,
  ) {
    this.topic = topic;
    this.kafkaPartition = kafkaPartition;
    this.keySchema = keySchema;
    this.key = key;
    this.valueSchema = valueSchema;
    this.value = value;
    this.timestamp = timestamp;
    this.headers = headers instanceof ConnectHeaders ? headers : new ConnectHeaders(headers);
  }

  abstract newRecord(
    topic: string,
    kafkaPartition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    timestamp: number | null,
    headers?: Iterable<Header> | null,
  ): R;

  protected fieldsEqual(that: ConnectRecord<R>): boolean {
    return (
      this.kafkaPartition === that.kafkaPartition &&
      this.topic === that.topic &&
      schemaEquals(this.keySchema, that.keySchema) &&
      deepEquals(this.key, that.key) &&
      schemaEquals(this.valueSchema, that.valueSchema) &&
      deepEquals(this.value, that.value) &&
      this.timestamp === that.timestamp &&
      this.headers.equals(that.headers)
    );
  }

  protected describe(): string {
    return (
      `topic='${this.topic}', kafkaPartition=${this.kafkaPartition ?? 'null'}, key=${formatValue(this.key)}, ` +
      `keySchema=${this.keySchema?.toString() ?? 'null'}, value=${formatValue(this.value)}, ` +
      `valueSchema=${this.valueSchema?.toString() ?? 'null'}, timestamp=${this.timestamp ?? 'null'}, headers=${this.headers.toString()}`
    );
  }

  abstract equals(other: unknown): boolean;

  toString(): string {
    return `ConnectRecord{${this.describe()}}`;
  }
}

/** org.apache.kafka.connect.source.SourceRecord: a record from a source task with its source partition and offset. */
export class SourceRecord extends ConnectRecord<SourceRecord> {
  declare readonly sourcePartition: SourcePartition | null;
  declare readonly sourceOffset: SourceOffset | null;

  constructor(
    sourcePartition: SourcePartition | null,
    sourceOffset: SourceOffset | null,
    topic: string,
    kafkaPartition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    timestamp: number | null = null,
    headers: Iterable<Header> | null = null,
  ) {
    super(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers);
    this.sourcePartition = sourcePartition;
    this.sourceOffset = sourceOffset;
  }

  /** Java's convenience constructors, by name: a record with only a value (partition chosen by the producer). */
  static ofValue(
    sourcePartition: SourcePartition | null,
    sourceOffset: SourceOffset | null,
    topic: string,
    valueSchema: Schema | null,
    value: unknown,
  ): SourceRecord {
    return new SourceRecord(sourcePartition, sourceOffset, topic, null, null, null, valueSchema, value);
  }

  newRecord(
    topic: string,
    kafkaPartition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    timestamp: number | null,
    headers?: Iterable<Header> | null,
  ): SourceRecord {
    return new SourceRecord(
      this.sourcePartition,
      this.sourceOffset,
      topic,
      kafkaPartition,
      keySchema,
      key,
      valueSchema,
      value,
      timestamp,
      headers === undefined ? this.headers.duplicate() : headers,
    );
  }

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof SourceRecord) || !this.fieldsEqual(other)) return false;
    return (
      deepEquals(this.sourcePartition, other.sourcePartition) &&
      deepEquals(this.sourceOffset, other.sourceOffset)
    );
  }

  override toString(): string {
    return `SourceRecord{sourcePartition=${javaHashMapToString(this.sourcePartition)}, sourceOffset=${javaHashMapToString(this.sourceOffset)}} ${super.toString()}`;
  }
}

/**
 * org.apache.kafka.connect.sink.SinkRecord: a consumed record handed to a sink task. originalTopic,
 * originalKafkaPartition and originalKafkaOffset keep the consumed coordinates even after SMTs change
 * topic/partition (as Connect 3.6+), so offsets are committed for what was really consumed.
 */
export class SinkRecord extends ConnectRecord<SinkRecord> {
  declare readonly kafkaOffset: number;
  declare readonly timestampType: TimestampType;
  declare readonly originalTopic: string;
  declare readonly originalKafkaPartition: number | null;
  declare readonly originalKafkaOffset: number;

  constructor(
    topic: string,
    partition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    kafkaOffset: number,
    timestamp: number | null = null,
    timestampType: TimestampType = 'NO_TIMESTAMP_TYPE',
    headers: Iterable<Header> | null = null,
    originalTopic?: string,
    originalKafkaPartition?: number | null,
    originalKafkaOffset?: number,
  ) {
    super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
    this.kafkaOffset = kafkaOffset;
    this.timestampType = timestampType;
    this.originalTopic = originalTopic ?? topic;
    this.originalKafkaPartition = originalKafkaPartition === undefined ? partition : originalKafkaPartition;
    this.originalKafkaOffset = originalKafkaOffset ?? kafkaOffset;
  }

  newRecord(
    topic: string,
    kafkaPartition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    timestamp: number | null,
    headers?: Iterable<Header> | null,
  ): SinkRecord {
    return new SinkRecord(
      topic,
      kafkaPartition,
      keySchema,
      key,
      valueSchema,
      value,
      this.kafkaOffset,
      timestamp,
      this.timestampType,
      headers === undefined ? this.headers.duplicate() : headers,
      this.originalTopic,
      this.originalKafkaPartition,
      this.originalKafkaOffset,
    );
  }

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof SinkRecord) || !this.fieldsEqual(other)) return false;
    return (
      this.kafkaOffset === other.kafkaOffset &&
      this.timestampType === other.timestampType &&
      this.originalTopic === other.originalTopic &&
      this.originalKafkaPartition === other.originalKafkaPartition &&
      this.originalKafkaOffset === other.originalKafkaOffset
    );
  }

  override toString(): string {
    return `SinkRecord{kafkaOffset=${this.kafkaOffset}, timestampType=${TIMESTAMP_TYPE_NAMES[this.timestampType]}, originalTopic=${this.originalTopic}, originalKafkaPartition=${this.originalKafkaPartition ?? 'null'}, originalKafkaOffset=${this.originalKafkaOffset}} ${super.toString()}`;
  }
}
