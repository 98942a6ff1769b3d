/**
 * Shared by the Debezium differential tests: our PostgreSQL task driven at task level (records
 * converted with our JsonConverter / SimpleHeaderConverter, as the worker would), the real
 * connector's topics read back from the broker, and the masking of values that legitimately differ
 * between two connectors (processing timestamps, version, each connector's own snapshot transaction).
 */
import assert from 'node:assert/strict';
import { Kafka, logLevel } from 'kafkajs';
import type { OffsetMap } from '../../runtime/api/connector';
import type { SourceRecord } from '../../runtime/api/records';
import { PostgresConnectorTask } from '../../runtime/connectors/debezium/postgres-connector-task';
import { JsonConverter } from '../../runtime/converters/json-converter';
import { SimpleHeaderConverter } from '../../runtime/converters/simple-header-converter';

export interface Captured {
  topic: string;
  key: string | null;
  value: string | null;
  headers: [string, string | null][];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function opOf(value: string | null): string | undefined {
  if (value === null) return undefined;
  return (JSON.parse(value) as { payload?: { op?: string } }).payload?.op;
}

function mask(value: string | null, op: string | undefined): unknown {
  if (value === null) return null;
  const v = JSON.parse(value) as { payload: Record<string, unknown> | null };
  const p = v.payload;
  if (p) {
    for (const k of ['ts_ms', 'ts_us', 'ts_ns']) if (k in p && 'op' in p) p[k] = '<processing time>';
    const src = p.source as Record<string, unknown> | undefined;
    if (src && op === 'r') {
      for (const k of ['ts_ms', 'ts_us', 'ts_ns', 'txId', 'lsn', 'sequence']) src[k] = '<snapshot>';
    }
    if (src) src.version = '<version>';
  }
  return v;
}

/** Key and value parsed, masked as described above; the run id header masked. */
export function normalize(c: Captured): unknown {
  return {
    topic: c.topic,
    key: c.key === null ? null : (JSON.parse(c.key) as unknown),
    value: mask(c.value, opOf(c.value)),
    headers: c.headers.map(([k, v]) => [k, k === '__debezium.context.runId' ? '<run id>' : v]),
  };
}

/**
 * Record-for-record differences between our and the real connector's records of one topic (both
 * normalized as above; ours already renamed to the real one's topic prefix), every one listed.
 */
export function diffCaptured(ours: Captured[], real: Captured[], label: string): string[] {
  const out: string[] = [];
  if (ours.length !== real.length)
    out.push(`${label}: ours wrote ${ours.length} records, the real connector ${real.length}`);
  for (let i = 0; i < Math.min(ours.length, real.length); i++) {
    try {
      assert.deepStrictEqual(normalize(ours[i]), normalize(real[i]), `${label} record #${i}`);
    } catch (error) {
      out.push((error as Error).message);
    }
  }
  return out;
}

/** The records with every `from` (our topic prefix) in topic, key, value and headers turned into `to`. */
export function renamed(records: Captured[], from: string, to: string): Captured[] {
  const r = (text: string | null): string | null => (text === null ? null : text.split(from).join(to));
  return records.map((c) => ({
    topic: r(c.topic)!,
    key: r(c.key),
    value: r(c.value),
    headers: c.headers.map(([k, h]) => [k, r(h)] as [string, string | null]),
  }));
}

/** `<op><after.id>/<source.snapshot>` of each record (`tombstone` for one), in order. */
export function opSequence(records: Captured[], withIds = true): string[] {
  return records.map((r) => {
    if (r.value === null) return 'tombstone';
    const p = (
      JSON.parse(r.value) as {
        payload: { op: string; after: { id: number } | null; source: { snapshot: string } };
      }
    ).payload;
    return `${p.op}${withIds ? (p.after?.id ?? '') : ''}/${p.source.snapshot}`;
  });
}

/** Our records as the worker's default converters (JsonConverter with schemas) would write them. */
export function captureOurs(records: SourceRecord[]): Captured[] {
  const keyConv = new JsonConverter();
  keyConv.configure({ 'schemas.enable': 'true' }, true);
  const valueConv = new JsonConverter();
  valueConv.configure({ 'schemas.enable': 'true' }, false);
  const headerConv = new SimpleHeaderConverter();
  return records.map((r) => ({
    topic: r.topic,
    key: keyConv.fromConnectData(r.topic, null, r.keySchema, r.key)?.toString() ?? null,
    value: valueConv.fromConnectData(r.topic, null, r.valueSchema, r.value)?.toString() ?? null,
    headers: [...r.headers].map((h) => [
      h.key,
      headerConv.fromConnectHeader(r.topic, h.key, h.schema, h.value)?.toString() ?? null,
    ]),
  }));
}

/** Everything in `topics` once at least `expected` records arrived (bounded), plus a little longer. */
export async function readTopics(
  bootstrap: string,
  topics: string[],
  expected: number,
  timeoutMs = 180_000,
): Promise<Captured[]> {
  const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `diff-${Date.now().toString(36)}-${Math.random()}` });
  await consumer.connect();
  const out: Captured[] = [];
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        out.push({
          topic,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: Object.entries(message.headers ?? {}).map(([k, v]) => [
            k,
            v === undefined ? null : String(v),
          ]),
        });
        return Promise.resolve();
      },
    });
    const by = Date.now() + timeoutMs;
    while (out.length < expected && Date.now() < by) await sleep(500);
    await sleep(2000);
  } finally {
    await consumer.disconnect();
  }
  return out;
}

/** Our task started without stored offsets; drain() polls and commits like the worker would. */
export async function startOurTask(props: Record<string, string>): Promise<{
  task: PostgresConnectorTask;
  records: SourceRecord[];
  drain: (ms: number, until?: number) => Promise<void>;
}> {
  const task = new PostgresConnectorTask();
  task.initialize({
    configs: () => props,
    offsetStorageReader: () => ({
      offset: () => null,
      offsets: (ps: OffsetMap[]) => new Map(ps.map((p) => [p, null])),
    }),
  });
  await task.start(props);
  const records: SourceRecord[] = [];
  const drain = async (ms: number, until = Infinity): Promise<void> => {
    const end = Date.now() + ms;
    while (Date.now() < end && records.length < until) {
      const recs = (await task.poll()) ?? [];
      records.push(...recs);
      for (const r of recs) task.commitRecord(r, null);
    }
    await task.commit();
  };
  return { task, records, drain };
}
