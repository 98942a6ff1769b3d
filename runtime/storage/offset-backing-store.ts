/**
 * Source offsets in the offsets topic (key `["<connector>",{partition}]`, JSON offset value, null =
 * deleted), as KafkaOffsetBackingStore. The in-memory view is updated only after the broker acked.
 */
import type { Producer } from '../kafka/client';
import { stringifyJson } from '../rest/json-parser';
import { offsetKey, offsetValue } from './records';

export type OffsetRecord = Record<string, unknown>;

export interface OffsetEntry {
  partition: OffsetRecord;
  offset: OffsetRecord | null;
}

export class OffsetBackingStore {
  /** connector → partition JSON → entry. */
  private readonly data = new Map<string, Map<string, OffsetEntry>>();

  constructor(
    private readonly producer: Producer,
    readonly topic: string,
  ) {}

  apply(connector: string, partition: OffsetRecord, offset: OffsetRecord | null): void {
    const key = stringifyJson(partition);
    const map = this.data.get(connector) ?? new Map<string, OffsetEntry>();
    if (offset === null) map.delete(key);
    else map.set(key, { partition, offset });
    this.data.set(connector, map);
  }

  get(connector: string, partition: OffsetRecord): OffsetRecord | null {
    return this.data.get(connector)?.get(stringifyJson(partition))?.offset ?? null;
  }

  all(connector: string): OffsetEntry[] {
    return [...(this.data.get(connector)?.values() ?? [])];
  }

  /** Writes the entries (null offset = tombstone) and waits for the broker's acknowledgement. */
  async set(connector: string, entries: OffsetEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: entries.map((e) => ({
        key: offsetKey(connector, e.partition),
        value: offsetValue(e.offset),
      })),
    });
    for (const e of entries) this.apply(connector, e.partition, e.offset);
  }
}
