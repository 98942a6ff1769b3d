/**
 * Topic names for completion: the Kafka cluster's topics (kafkajs admin listTopics) when its
 * bootstrap servers are known, else the topics Connect reports for the cluster's connectors.
 */
import { deferredModules } from '../deferred/load';
import type { ClusterTarget } from '../state/cluster-store';

const CACHE_MS = 15_000;

export class TopicNames {
  private cache = new Map<string, { at: number; topics: Promise<string[]> }>();

  constructor(private readonly bootstrapServers: (target: ClusterTarget) => string | undefined) {}

  list(target: ClusterTarget, connectorNames: readonly string[]): Promise<string[]> {
    const servers = this.bootstrapServers(target);
    const id = `${target.id}\u0000${servers ?? ''}`;
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.topics;
    const topics = (servers ? fromKafka(servers) : Promise.reject(new Error('no bootstrap servers'))).catch(
      () => fromConnect(target, connectorNames),
    );
    this.cache.set(id, { at: Date.now(), topics });
    return topics;
  }
}

async function fromKafka(servers: string): Promise<string[]> {
  const { Kafka, logLevel } = deferredModules();
  const kafka = new Kafka({
    clientId: 'kafka-connect-lab-intellisense',
    brokers: servers.split(',').map((s) => s.trim()),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((t) => !t.startsWith('__')).sort();
  } finally {
    await admin.disconnect();
  }
}

async function fromConnect(target: ClusterTarget, names: readonly string[]): Promise<string[]> {
  const client = target.client;
  if (!client) return [];
  const all = await Promise.all(names.map((n) => client.topics(n).catch(() => [] as string[])));
  return [...new Set(all.flat())].sort();
}
