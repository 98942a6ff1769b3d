/**
 * The panel's dedicated kafkajs consumer. kafkajs has no manual `assign()`, so it joins a
 * group of its own (`kcl-records-<random>`, one member, so it gets every partition), never
 * commits (autoCommit off, no commitOffsets) and positions itself with `seek()` from offsets the
 * admin client looked up; unselected partitions are paused. The group holds no offsets and
 * expires on its own once the panel disconnects; no other group is touched.
 */
import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { RawRecord } from '../../../protocol/webview/record-decode';
import type { StartFrom } from '../../../protocol/webview/records';

export interface TailOptions {
  topic: string;
  start: StartFrom;
  partitions: number[] | null;
  onRecords(records: RawRecord[]): void;
  onError(err: unknown): void;
}

export function toRaw(topic: string, partition: number, m: KafkaMessage): RawRecord {
  const headers: Array<[string, Uint8Array | null]> = [];
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    // kafkajs groups repeated header keys into an array.
    for (const one of Array.isArray(v) ? v : [v]) {
      headers.push([
        k,
        one === undefined || one === null ? null : typeof one === 'string' ? Buffer.from(one) : one,
      ]);
    }
  }
  return { topic, partition, offset: m.offset, timestamp: m.timestamp, key: m.key, value: m.value, headers };
}

export async function startOffsets(
  admin: Admin,
  topic: string,
  start: StartFrom,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (start.from === 'timestamp') {
    for (const p of await admin.fetchTopicOffsetsByTimestamp(topic, start.timestamp))
      out.set(p.partition, p.offset);
    return out;
  }
  for (const p of await admin.fetchTopicOffsets(topic)) {
    if (start.from === 'beginning') out.set(p.partition, p.low);
    else if (start.from === 'latest') out.set(p.partition, p.high);
    // An offset below the log start or above the end is clamped to the partition's range.
    else {
      const want = BigInt(start.offset);
      const low = BigInt(p.low);
      const high = BigInt(p.high);
      out.set(p.partition, (want < low ? low : want > high ? high : want).toString());
    }
  }
  return out;
}

export class RecordsTail {
  private consumer: Consumer | undefined;
  private stopped = false;

  constructor(private readonly kafka: Kafka) {}

  async start(o: TailOptions): Promise<number[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    let offsets: Map<number, string>;
    try {
      offsets = await startOffsets(admin, o.topic, o.start);
    } finally {
      await admin.disconnect();
    }
    const all = [...offsets.keys()].sort((a, b) => a - b);
    const chosen = o.partitions ? all.filter((p) => o.partitions!.includes(p)) : all;
    const consumer = this.kafka.consumer({
      groupId: `kcl-records-${randomUUID()}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: o.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        if (this.stopped || !chosen.includes(batch.partition)) return;
        o.onRecords(batch.messages.map((m) => toRaw(batch.topic, batch.partition, m)));
        await Promise.resolve();
      },
    });
    for (const p of all) consumer.seek({ topic: o.topic, partition: p, offset: offsets.get(p)! });
    const others = all.filter((p) => !chosen.includes(p));
    if (others.length > 0) consumer.pause([{ topic: o.topic, partitions: others }]);
    consumer.on(consumer.events.CRASH, (e) => o.onError(e.payload.error));
    return chosen;
  }

  pause(topic: string): void {
    this.consumer?.pause([{ topic }]);
  }

  resume(topic: string, partitions: number[]): void {
    this.consumer?.resume([{ topic, partitions }]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const c = this.consumer;
    this.consumer = undefined;
    await c?.disconnect();
  }
}
