/**
 * Topic creation that waits for partition leaders by polling metadata: kafkajs' own
 * `waitForLeaders: true` can throw UNKNOWN_TOPIC_OR_PARTITION on KRaft while metadata propagates,
 * which a loaded machine hits often.
 */
import type { Admin } from 'kafkajs';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function createTopicsWithLeaders(
  admin: Admin,
  topics: string[],
  partitions = 1,
  configs: Record<string, string> = {},
): Promise<void> {
  const configEntries = Object.entries(configs).map(([name, value]) => ({ name, value }));
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: partitions, configEntries })),
    waitForLeaders: false,
  });
  for (let i = 0; i < 600; i++) {
    try {
      const md = await admin.fetchTopicMetadata({ topics });
      if (md.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch {
      // not visible yet
    }
    await sleep(50);
  }
  throw new Error(`topics ${topics.join(', ')} have no leader after 30 s`);
}
