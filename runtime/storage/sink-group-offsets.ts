/**
 * Alters the committed offsets of a sink connector's consumer group (`connect-<name>`) as Connect's
 * PATCH /connectors/{name}/offsets does. Connect resets single partitions with
 * Admin.deleteConsumerGroupOffsets; kafkajs has no OffsetDelete, so when some partitions are reset
 * (offset null) the group — which is empty, the connector being STOPPED — is deleted and the offsets
 * that remain are committed again. What GET …/offsets shows afterwards is the same.
 */
import type { Admin } from 'kafkajs';

export interface SinkOffsetChange {
  readonly topic: string;
  readonly partition: number;
  /** null resets the partition (no committed offset any more). */
  readonly offset: bigint | null;
}

const key = (topic: string, partition: number): string => `${partition}@${topic}`;

export async function alterSinkGroupOffsets(
  admin: Admin,
  groupId: string,
  changes: readonly SinkOffsetChange[],
): Promise<void> {
  const resets = changes.some((c) => c.offset === null);
  const target = new Map<string, { topic: string; partition: number; offset: bigint }>();
  if (resets) {
    for (const t of await admin.fetchOffsets({ groupId })) {
      for (const p of t.partitions) {
        const offset = BigInt(p.offset);
        if (offset >= 0n)
          target.set(key(t.topic, p.partition), { topic: t.topic, partition: p.partition, offset });
      }
    }
  }
  for (const c of changes) {
    if (c.offset === null) target.delete(key(c.topic, c.partition));
    else target.set(key(c.topic, c.partition), { topic: c.topic, partition: c.partition, offset: c.offset });
  }
  if (resets) {
    await admin.deleteGroups([groupId]).catch((error: unknown) => {
      // A group that never committed (or was reset already) does not exist: nothing to delete.
      if (!isGroupNotFound(error)) throw error;
    });
  }
  const byTopic = new Map<string, { partition: number; offset: string }[]>();
  for (const t of target.values()) {
    const list = byTopic.get(t.topic) ?? [];
    list.push({ partition: t.partition, offset: t.offset.toString() });
    byTopic.set(t.topic, list);
  }
  for (const [topic, partitions] of byTopic) await admin.setOffsets({ groupId, topic, partitions });
}

export function isGroupNotFound(error: unknown): boolean {
  const groups = (error as { groups?: { error?: { type?: string } | null }[] } | null)?.groups;
  if (Array.isArray(groups) && groups.length > 0)
    return groups.every((g) => g.error?.type === 'GROUP_ID_NOT_FOUND');
  return /GROUP_ID_NOT_FOUND|group id was not found/i.test(String((error as Error | null)?.message));
}
