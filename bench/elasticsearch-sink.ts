/**
 * Elasticsearch sink throughput into a real search engine (the lab's OpenSearch 2.19 node):
 * documents/s for N records (default 100,000) put into our ElasticsearchSinkTask (task level, no
 * Kafka: records are handed to put() in batches of 500 as the worker does), for write.method=insert
 * with key.ignore=true and for write.method=upsert by key; beside it the engine's own ceiling, the
 * same documents sent as raw _bulk requests (same batch size and concurrency) without the connector.
 * The real Confluent connector is not served by the registries reachable here, so it is not part of
 * the run. Usage: npm run --silent bench -- elasticsearch-sink [records=100000]
 */
import { loadavg } from 'node:os';
import type { SinkTaskContext } from '../runtime/api/connector';
import { SinkRecord } from '../runtime/api/records';
import { ElasticsearchSinkTask } from '../runtime/connectors/elasticsearch/elasticsearch-sink-task';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOpenSearch } from '../runtime/lab/local/opensearch';
import { findJava, findMaven } from '../runtime/lab/prerequisites';

const BATCH = 500;

function records(topic: string, n: number): SinkRecord[] {
  const out: SinkRecord[] = [];
  for (let i = 0; i < n; i++) {
    const value = {
      id: i,
      name: `product ${i}`,
      price: (i % 1000) + 0.99,
      tags: { color: 'red', size: i % 5 },
    };
    out.push(new SinkRecord(topic, 0, null, `k${i}`, null, value, i, Date.now(), 'CREATE_TIME'));
  }
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function count(url: string, index: string): Promise<number> {
  await fetch(`${url}/${index}/_refresh`, { method: 'POST' });
  const res = await fetch(`${url}/${index}/_count`);
  return Number(((await res.json()) as { count?: number }).count ?? 0);
}

async function runTask(
  url: string,
  index: string,
  n: number,
  extra: Record<string, string>,
): Promise<number> {
  const props = {
    'connection.url': url,
    topics: index,
    'schema.ignore': 'true',
    'read.timeout.ms': '120000',
    ...extra,
  };
  const task = new ElasticsearchSinkTask();
  const ctx: SinkTaskContext = {
    configs: () => props,
    assignment: () => [{ topic: index, partition: 0 }],
    offset: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    requestCommit: () => undefined,
    timeout: () => undefined,
  };
  task.initialize(ctx);
  task.start(props);
  const all = records(index, n);
  const t0 = performance.now();
  for (let i = 0; i < n; i += BATCH) await task.put(all.slice(i, i + BATCH));
  await task.flush();
  const seconds = (performance.now() - t0) / 1000;
  await task.stop();
  const indexed = await count(url, index);
  if (indexed !== n) throw new Error(`${index}: ${indexed} documents indexed, expected ${n}`);
  return Math.round(n / seconds);
}

/** The same documents as raw _bulk requests of 2000 (batch.size default), 5 in flight. */
async function rawBulk(url: string, index: string, n: number): Promise<number> {
  const bodies: string[] = [];
  for (let i = 0; i < n; i += 2000) {
    let body = '';
    for (let j = i; j < Math.min(n, i + 2000); j++) {
      body += `{"index":{"_index":"${index}","_id":"${index}+0+${j}"}}\n`;
      body += `${JSON.stringify({ id: j, name: `product ${j}`, price: (j % 1000) + 0.99, tags: { color: 'red', size: j % 5 } })}\n`;
    }
    bodies.push(body);
  }
  const t0 = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await fetch(`${url}/_bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body,
      });
      if (!res.ok) throw new Error(`_bulk ${res.status}`);
      await res.text();
    }
  };
  await Promise.all(Array.from({ length: 5 }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const indexed = await count(url, index);
  if (indexed !== n) throw new Error(`${index}: ${indexed} documents indexed, expected ${n}`);
  return Math.round(n / seconds);
}

export async function run(args: string[]): Promise<object> {
  const n = Number(args[0] ?? 100_000);
  const loadBefore = loadavg()[0];
  const java = findJava(process.env);
  if (!java) throw new Error('java is not on PATH (bash .ci/setup installs it)');
  const stateDir = mkdtempSync(join(tmpdir(), 'kcl-bench-search-'));
  const engine = await runOpenSearch({
    stateDir,
    java,
    mvn: findMaven(process.env),
    env: process.env,
    httpPort: await freePort(),
    transportPort: await freePort(),
    readyTimeoutMs: 300000,
    progress: (l) => process.stderr.write(`[bench] ${l}\n`),
  });
  try {
    const sfx = Date.now().toString(36);
    // warm the engine and the JIT a little first
    await runTask(engine.url, `bench-warm-${sfx}`, 5000, { 'key.ignore': 'true' });
    const engineBulk = await rawBulk(engine.url, `bench-raw-${sfx}`, n);
    const insert = await runTask(engine.url, `bench-insert-${sfx}`, n, { 'key.ignore': 'true' });
    const upsert = await runTask(engine.url, `bench-upsert-${sfx}`, n, { 'write.method': 'upsert' });
    return {
      bench: 'elasticsearch-sink',
      engine: 'OpenSearch 2.19.6 (single node, 512 MB heap)',
      records: n,
      insertDocsPerSec: insert,
      upsertDocsPerSec: upsert,
      rawBulkDocsPerSec: engineBulk,
      insertVsRawBulk: Number((insert / engineBulk).toFixed(2)),
      loadAverage1m: { before: Number(loadBefore?.toFixed(1)), after: Number(loadavg()[0]?.toFixed(1)) },
    };
  } finally {
    await engine.stop();
    rmSync(engine.paths.dir, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  }
}
