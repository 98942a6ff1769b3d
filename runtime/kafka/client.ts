/**
 * The one adapter between the runtime and its Kafka client library (kafkajs). Everything else in the
 * runtime talks to Kafka through these helpers, so the client can be swapped in one place.
 */
import { Kafka, logLevel } from 'kafkajs';
import type { Admin, Consumer, KafkaMessage, Producer } from 'kafkajs';

export interface KafkaClientOptions {
  bootstrapServers: string;
  clientId: string;
  log?: (line: string) => void;
}

export type { Admin, Consumer, KafkaMessage, Producer };

export function createKafka(options: KafkaClientOptions): Kafka {
  // kafkajs' v2 default partitioner is Java's murmur2 one, which is what we want; silence its notice.
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const log = options.log ?? (() => {});
  return new Kafka({
    clientId: options.clientId,
    brokers: options.bootstrapServers
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    logLevel: logLevel.WARN,
    retry: { retries: 8, initialRetryTime: 100 },
    logCreator:
      () =>
      ({ namespace, level, log: entry }) => {
        // The coordinator-not-available noise during group joins is expected, and so are the creation
        // errors of internal topics that already exist (ensureTopics throws any other); keep real warnings.
        const { message, error } = entry as { message?: string; error?: string };
        const text = String(error ?? '');
        if (
          level <= logLevel.WARN &&
          !/coordinator is not available|does not host this topic-partition|not the leader|Topic creation errors/.test(
            text,
          )
        ) {
          log(`kafkajs ${namespace}: ${message ?? ''}${error ? ` (${error})` : ''}`);
        }
      },
  });
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  compact: boolean;
}

/**
 * Creates every missing topic in one CreateTopics request (existing topics are kept as they are, as
 * Connect does) and returns the names created now. It does not wait for partition leaders: producers
 * and readers retry on their own until the leaders are elected.
 */
export async function ensureTopics(admin: Admin, specs: TopicSpec[]): Promise<string[]> {
  const names = specs.map((s) => s.name);
  try {
    const created = await admin.createTopics({
      waitForLeaders: false,
      topics: specs.map((spec) => ({
        topic: spec.name,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor,
        configEntries: spec.compact ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
      })),
    });
    // kafkajs answers false when every topic already existed.
    return created ? names : [];
  } catch (error) {
    // Some existed (kept), the rest were created; any other failure is real.
    const errors = (error as { errors?: { type?: string; topic?: string }[] }).errors;
    if (!Array.isArray(errors) || errors.some((e) => e.type !== 'TOPIC_ALREADY_EXISTS')) throw error;
    const existed = new Set(errors.map((e) => e.topic));
    return names.filter((n) => !existed.has(n));
  }
}

/** Retries an admin call while a just-created topic's metadata propagates. */
export async function withRetries<T>(fn: () => Promise<T>, attempts = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts) throw error;
      // Short first waits (metadata usually propagates in a few ms), then the old 200 ms pace.
      await new Promise((r) => setTimeout(r, i <= 10 ? 20 : 200));
    }
  }
}

export interface LogRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

/**
 * Read every record of the given topics from the beginning up to their current end (the KafkaBasedLog
 * start-up read). Uses a throw-away consumer group; nothing is committed.
 */
export async function readTopicsToEnd(
  kafka: Kafka,
  admin: Admin,
  topics: string[],
  groupId: string,
  onRecord: (record: LogRecord) => void,
): Promise<void> {
  const remaining = new Map<string, bigint>();
  const ends = await Promise.all(topics.map((topic) => withRetries(() => admin.fetchTopicOffsets(topic))));
  topics.forEach((topic, i) => {
    for (const p of ends[i] ?? []) {
      const high = BigInt(p.high);
      if (high > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, high);
    }
  });
  if (remaining.size === 0) return;
  const byTopic = new Map<string, LogRecord[]>();
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) {
              const list = byTopic.get(batch.topic) ?? [];
              list.push({
                topic: batch.topic,
                partition: batch.partition,
                offset: m.offset,
                key: m.key,
                value: m.value,
              });
              byTopic.set(batch.topic, list);
              const key = `${batch.topic}:${batch.partition}`;
              const high = remaining.get(key);
              if (high !== undefined && BigInt(m.offset) + 1n >= high) remaining.delete(key);
            }
            await Promise.resolve();
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  // Per topic, records are applied in partition-then-offset order; within a partition order is what matters.
  for (const topic of topics) {
    const list = byTopic.get(topic) ?? [];
    list.sort((a, b) => a.partition - b.partition || (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1));
    for (const r of list) onRecord(r);
  }
}
