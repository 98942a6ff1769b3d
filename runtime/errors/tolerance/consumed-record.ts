import type { TimestampType } from '../../api/records';

/**
 * The consumed Kafka record a sink task's ProcessingContext carries (Java: ConsumerRecord<byte[], byte[]>):
 * the raw key/value/header bytes, so the DLQ gets exactly what was consumed.
 */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint | number;
  /** Epoch ms, or -1 (RecordBatch.NO_TIMESTAMP) when the record has none. */
  readonly timestamp: number;
  readonly timestampType: TimestampType;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Headers in wire order (a key may repeat). */
  readonly headers: readonly RawHeader[];
}

export interface RawHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

/** RecordBatch.NO_TIMESTAMP. */
export const NO_TIMESTAMP = -1;

/** Builds a ConsumedRecord from a kafkajs eachBatch/eachMessage message (headers may hold arrays for repeats). */
export function consumedRecordFromKafkajs(
  topic: string,
  partition: number,
  message: {
    offset: string;
    timestamp: string;
    key: Buffer | null;
    value: Buffer | null;
    headers?: Record<string, Buffer | string | null | (Buffer | string | null)[] | undefined>;
  },
  timestampType: TimestampType = 'CREATE_TIME',
): ConsumedRecord {
  const headers: RawHeader[] = [];
  for (const [key, v] of Object.entries(message.headers ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) {
      headers.push({ key, value: one == null ? null : Buffer.isBuffer(one) ? one : Buffer.from(one) });
    }
  }
  const ts = Number(message.timestamp);
  return {
    topic,
    partition,
    offset: BigInt(message.offset),
    timestamp: Number.isFinite(ts) && ts >= 0 ? ts : NO_TIMESTAMP,
    timestampType: Number.isFinite(ts) && ts >= 0 ? timestampType : 'NO_TIMESTAMP_TYPE',
    key: message.key,
    value: message.value,
    headers,
  };
}
