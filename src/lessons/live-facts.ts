/**
 * Gathers what "Check my work" needs from the live lab: the connector status (Connect REST), the
 * records of a topic from the beginning to its current end (kafkajs, a throwaway group that never
 * commits), table rows (pg, the lab's PostgreSQL). No `vscode`. kafkajs and pg come from the
 * deferred bundle (src/deferred), so activation does not load them.
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { ConnectClient } from '../connect-client/connect-client';
import { deferredModules } from '../deferred/load';
import type { ExerciseId } from './catalog';
import { CDC_TOPIC, ORDERS_DLQ, SMT_TOPIC } from './catalog';
import type { ExerciseFacts, SeenRecord, TopicFacts } from './checks';
import { readIndex } from './search-facts';

/** The lab's addresses (runtime/lab status). */
export interface LabAddresses {
  bootstrapServers: string;
  /** postgres://user:pass@127.0.0.1:port/postgres */
  postgresUrl: string;
  /** The search engine's URL while the lab runs one (`lab up --search`). */
  searchUrl?: string;
}

export const FACTS_NEEDED: Record<ExerciseId, { topics: string[]; tables: string[] }> = {
  'jdbc-source': { topics: ['pg-products'], tables: ['postgres.products'] },
  sink: { topics: ['pg-products'], tables: ['warehouse.products'] },
  dlq: { topics: [ORDERS_DLQ], tables: ['warehouse.orders'] },
  cdc: { topics: [CDC_TOPIC], tables: [] },
  smt: { topics: [SMT_TOPIC, 'orders'], tables: ['mydb.orders'] },
};

export function kafkaOf(bootstrapServers: string): Kafka {
  const { Kafka, logLevel } = deferredModules();
  return new Kafka({
    clientId: 'kafka-connect-lab-lessons',
    brokers: bootstrapServers.split(',').map((s) => s.trim()),
    logLevel: logLevel.NOTHING,
  });
}

/** The payload of a JsonConverter envelope, the parsed JSON, or the raw text. */
export function decodeValue(raw: string | null): unknown {
  if (raw === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (typeof v === 'object' && v !== null && 'payload' in v && 'schema' in v)
    return (v as { payload: unknown }).payload;
  return v;
}

/** Every record of `topic` up to its end at the time of the call. */
export async function readTopic(kafka: Kafka, topic: string, timeoutMs = 20_000): Promise<TopicFacts> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(topic)) return { topic, exists: false, records: [] };
    const offsets = await admin.fetchTopicOffsets(topic);
    ends = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    if (offsets.every((o) => o.high === o.low)) return { topic, exists: true, records: [] };
  } finally {
    await admin.disconnect();
  }
  const consumer = kafka.consumer({ groupId: `kcl-lessons-check-${randomUUID()}` });
  const records: SeenRecord[] = [];
  const remaining = new Set([...ends].filter(([, end]) => end > 0n).map(([p]) => p));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topic} took longer than ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      consumer
        .run({
          autoCommit: false,
          eachMessage: ({ partition, message }) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {})) {
              const one = Array.isArray(v) ? v[0] : v;
              headers[k] = one === undefined || one === null ? '' : one.toString();
            }
            const raw = message.value === null ? null : message.value.toString('utf8');
            if (BigInt(message.offset) < (ends.get(partition) ?? 0n))
              records.push({ offset: message.offset, raw, value: decodeValue(raw), headers });
            if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
            return Promise.resolve();
          },
        })
        .catch((e: unknown) => {
          clearTimeout(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  return { topic, exists: true, records };
}

/** The lab URL with another database. */
export function databaseUrl(postgresUrl: string, database: string): string {
  const u = new URL(postgresUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs SQL text (one or more statements) in a database of the lab's PostgreSQL. */
export async function runSql(postgresUrl: string, database: string, text: string): Promise<void> {
  const client = new (deferredModules().PgClient)({ connectionString: databaseUrl(postgresUrl, database) });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Rows of database.table, or undefined when the table does not exist. */
export async function tableRows(
  postgresUrl: string,
  qualified: string,
): Promise<Record<string, unknown>[] | undefined> {
  const [database, table] = qualified.split('.');
  const client = new (deferredModules().PgClient)({ connectionString: databaseUrl(postgresUrl, database) });
  await client.connect();
  try {
    const exists = await client.query('SELECT to_regclass($1) AS t', [`public."${table}"`]);
    if ((exists.rows[0] as { t: string | null }).t === null) return undefined;
    const r = await client.query(`SELECT * FROM public."${table.replace(/"/g, '""')}"`);
    return r.rows as Record<string, unknown>[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function gatherFacts(
  exercise: ExerciseId,
  connector: string,
  client: ConnectClient,
  lab: LabAddresses,
  /** Exercise 2 with the Elasticsearch sink: the index to read back from the lab's search engine. */
  opts: { searchIndex?: string } = {},
): Promise<ExerciseFacts> {
  const need = FACTS_NEEDED[exercise];
  const status = (await client.exists(connector)) ? await client.getStatus(connector) : undefined;
  const kafka = kafkaOf(lab.bootstrapServers);
  const topics: Record<string, TopicFacts> = {};
  for (const t of need.topics) topics[t] = await readTopic(kafka, t);
  const tables: ExerciseFacts['tables'] = {};
  for (const t of need.tables) tables[t] = await tableRows(lab.postgresUrl, t);
  const index = opts.searchIndex ? await readIndex(lab.searchUrl, opts.searchIndex) : undefined;
  return { connector, status, topics, tables, ...(index ? { index } : {}) };
}

/** Produces values (strings, no key) to a topic. */
export async function produce(bootstrapServers: string, topic: string, values: string[]): Promise<void> {
  const producer = kafkaOf(bootstrapServers).producer({ allowAutoTopicCreation: true });
  await producer.connect();
  try {
    await producer.send({ topic, messages: values.map((value) => ({ value })) });
  } finally {
    await producer.disconnect();
  }
}
