/**
 * AsyncOffsetTracker: per partition, the offsets put() accepted in order and whether each was
 * processed (written, or deliberately skipped). The committable offset of a partition is one past
 * the last offset of its fully processed prefix, so nothing unwritten is ever committed past.
 */
import type { SinkOffsets, TopicPartition } from '../../api/connector';

interface OffsetState {
  offset: number;
  processed: boolean;
}

const key = (topic: string, partition: number): string => `${topic}-${partition}`;

export class OffsetTracker {
  private readonly partitions = new Map<
    string,
    { tp: TopicPartition; states: OffsetState[]; next: bigint | null }
  >();

  /** A record entered put(); mark the returned state processed when it is done. */
  addPending(topic: string, partition: number, offset: number): OffsetState {
    const k = key(topic, partition);
    let p = this.partitions.get(k);
    if (!p) {
      p = { tp: { topic, partition }, states: [], next: null };
      this.partitions.set(k, p);
    }
    const state: OffsetState = { offset, processed: false };
    p.states.push(state);
    return state;
  }

  /** The committable offsets (only partitions with progress), as SinkTask.preCommit returns them. */
  offsets(): SinkOffsets {
    const out: SinkOffsets = new Map();
    for (const [k, p] of this.partitions) {
      let i = 0;
      while (i < p.states.length && p.states[i].processed) i++;
      if (i > 0) {
        p.next = BigInt(p.states[i - 1].offset) + 1n;
        p.states.splice(0, i);
      }
      if (p.next !== null) out.set(k, { tp: p.tp, offset: p.next });
    }
    return out;
  }

  closePartitions(partitions: TopicPartition[]): void {
    for (const tp of partitions) this.partitions.delete(key(tp.topic, tp.partition));
  }

  size(): number {
    let n = 0;
    for (const p of this.partitions.values()) n += p.states.length;
    return n;
  }
}
