/**
 * Validation of offsets given to PATCH /connectors/{c}/offsets, with Connect's messages
 * (SinkUtils.parseSinkConnectorOffsets → 400, OffsetUtils.validateFormat → DataException → 500).
 */
import type { TopicPartition } from '../api/connector';
import { DataException } from '../data/errors';
import { BadRequestException } from '../errors/rest-errors';

type Entry = { partition: Record<string, unknown> | null; offset: Record<string, unknown> | null };

function javaString(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object')
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean'
    ? String(v)
    : 'null';
}

const INT_RE = /^[-+]?\d+$/;

export function validateSinkOffsets(entries: Entry[]): { tp: TopicPartition; offset: bigint | null }[] {
  return entries.map(({ partition, offset }) => {
    if (partition === null || partition === undefined) {
      throw new BadRequestException('The partition for a sink connector offset cannot be null or missing');
    }
    if (!('kafka_topic' in partition) || !('kafka_partition' in partition)) {
      throw new BadRequestException(
        "The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'",
      );
    }
    if (partition['kafka_topic'] === null)
      throw new BadRequestException('Kafka topic names must be valid strings and may not be null');
    if (partition['kafka_partition'] === null)
      throw new BadRequestException('Kafka partitions must be valid numbers and may not be null');
    const topic = javaString(partition['kafka_topic']);
    const rawPartition = javaString(partition['kafka_partition']);
    const p = INT_RE.test(rawPartition) ? Number(rawPartition) : NaN;
    if (!Number.isInteger(p) || p > 2147483647 || p < -2147483648) {
      throw new BadRequestException(
        `Failed to parse the following Kafka partition value in the provided offsets: '${rawPartition}'. Partition values for sink connectors need to be integers.`,
      );
    }
    if (offset === null || offset === undefined) return { tp: { topic, partition: p }, offset: null };
    if (!('kafka_offset' in offset)) {
      throw new BadRequestException(
        "The offset for a sink connector should either be null or contain the key 'kafka_offset'",
      );
    }
    const rawOffset = javaString(offset['kafka_offset']);
    if (!INT_RE.test(rawOffset)) {
      throw new BadRequestException(
        `Failed to parse the following Kafka offset value in the provided offsets: '${rawOffset}'. Offset values for sink connectors need to be integers.`,
      );
    }
    return { tp: { topic, partition: p }, offset: BigInt(rawOffset) };
  });
}

function validateFormat(map: Record<string, unknown> | null): void {
  if (map === null) return;
  for (const [k, v] of Object.entries(map)) {
    if (v === null) continue;
    if (Array.isArray(v))
      throw new DataException(
        `Offsets may only contain primitive types as values, but field ${k} contains ARRAY`,
      );
    if (typeof v === 'object')
      throw new DataException(
        `Offsets may only contain primitive types as values, but field ${k} contains MAP`,
      );
  }
}

export function validateSourceOffsets(
  entries: Entry[],
): { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[] {
  return entries.map(({ partition, offset }) => {
    if (partition === null) throw new BadRequestException('Source partitions may not be null');
    validateFormat(partition);
    validateFormat(offset);
    return { partition, offset };
  });
}
