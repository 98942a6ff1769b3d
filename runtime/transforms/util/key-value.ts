import type { ConnectRecord } from '../../api/records';
import type { Header } from '../../api/headers';
import type { Schema } from '../../data/schema';

/**
 * The $Key / $Value split of Connect's SMTs: which side of the record a transformation operates on
 * and how a record is rebuilt with that side replaced (other side, topic, partition, timestamp kept;
 * headers duplicated unless given, as ConnectRecord.newRecord does).
 */
export interface RecordSide {
  readonly name: 'Key' | 'Value';
  schema<R extends ConnectRecord<R>>(record: R): Schema | null;
  value<R extends ConnectRecord<R>>(record: R): unknown;
  newRecord<R extends ConnectRecord<R>>(
    record: R,
    schema: Schema | null,
    value: unknown,
    headers?: Iterable<Header>,
  ): R;
}

export const KEY: RecordSide = {
  name: 'Key',
  schema: (r) => r.keySchema,
  value: (r) => r.key,
  newRecord: (r, schema, value, headers) =>
    r.newRecord(r.topic, r.kafkaPartition, schema, value, r.valueSchema, r.value, r.timestamp, headers),
};

export const VALUE: RecordSide = {
  name: 'Value',
  schema: (r) => r.valueSchema,
  value: (r) => r.value,
  newRecord: (r, schema, value, headers) =>
    r.newRecord(r.topic, r.kafkaPartition, r.keySchema, r.key, schema, value, r.timestamp, headers),
};
