/**
 * Lessons, Exercise 2 with the search engine: "Check my work" (src/lessons: gatherFacts +
 * checkExercise) against a real runtime process running the lesson's Elasticsearch sink JSON
 * unchanged (http://elasticsearch:9200 resolved by the lab host alias, as `lab up --search` sets it)
 * and a real OpenSearch 2.19 node. Before deploying: not deployed, no index; after: passes; a
 * deleted document: count short; the engine frozen: not answering. One engine for the file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Producer } from 'kafkajs';
import { labHostsEnv } from '../../runtime/net/lab-hosts';
import { RestConnectClient } from '../../src/connect-client/connect-client';
import { PRODUCTS_ELASTICSEARCH_SINK, PRODUCTS_INDEX } from '../../src/lessons/catalog';
import type { CheckReport } from '../../src/lessons/checks';
import { checkExercise, reportText } from '../../src/lessons/checks';
import { gatherFacts } from '../../src/lessons/live-facts';
import { kafkaClient, testCluster } from '../support/cluster';
import { eventually, http, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';
import { searchApi, startSearchEngine } from '../support/search-engine';
import type { SearchEngine } from '../support/search-engine';

const TOPIC = 'pg-products';
const schema = {
  type: 'struct',
  name: 'products',
  optional: false,
  fields: [
    { field: 'id', type: 'int32', optional: false },
    { field: 'name', type: 'string', optional: true },
    { field: 'price', type: 'string', optional: true },
    { field: 'created_at', type: 'int64', optional: true },
  ],
};
/** What the lesson's JDBC source writes to pg-products (JsonConverter envelopes), 3 products. */
const PRODUCTS = ['Laptop', 'Phone', 'Tablet'].map((name, i) =>
  JSON.stringify({ schema, payload: { id: i + 1, name, price: 'AYaf', created_at: 1764000000000 } }),
);

/** Deletes the topic and the consumer group (the sink's, left by the stopped runtime). */
async function leaveNoTrace(topic: string, group: string): Promise<void> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    await admin.deleteGroups([group]);
    await admin.deleteTopics({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}

void describe('Lessons: Check my work, Exercise 2 with the Elasticsearch sink (real OpenSearch 2.19)', () => {
  let engine: SearchEngine;
  let rt: RuntimeProcess;
  let producer: Producer;
  let client: RestConnectClient;
  const sink = PRODUCTS_ELASTICSEARCH_SINK;

  before(async () => {
    engine = await startSearchEngine();
    // As the lab starts it: the lesson's host name elasticsearch → this engine.
    const port = Number(new URL(engine.url).port);
    Object.assign(process.env, labHostsEnv({ elasticsearch: { host: '127.0.0.1', port } }));
    rt = await startRuntimeProcess({ offsetFlushIntervalMs: 500, startTimeoutMs: 180000 });
    client = new RestConnectClient({ clusterName: 'test runtime', baseUrl: rt.url, timeoutMs: 30000 });
    producer = kafkaClient().producer({ allowAutoTopicCreation: true });
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: PRODUCTS.map((value) => ({ value })) });
  });
  after(async () => {
    await producer?.disconnect().catch(() => undefined);
    if (rt) await http(rt.url, 'DELETE', `/connectors/${sink.name}`).catch(() => undefined);
    await rt?.stop();
    await engine?.dispose();
    // The lab is shared with the extension suite, whose Exercise 2 uses these very names: a
    // leftover pg-products (3 foreign records) and the group's committed offset 3 made its sink
    // checks fail there (7 of 10 documents; a JDBC sink auto-creating from these records).
    await leaveNoTrace(TOPIC, `connect-${sink.name}`);
  });

  const lab = () => ({
    bootstrapServers: testCluster().bootstrapServers,
    postgresUrl: testCluster().postgresUrl,
    searchUrl: engine.url,
  });
  const check = async (): Promise<CheckReport> =>
    checkExercise(
      'sink',
      await gatherFacts('sink', sink.name, client, lab(), { searchIndex: PRODUCTS_INDEX }),
    );
  const problems = (r: CheckReport): string[] => r.items.filter((i) => !i.ok).map((i) => i.problem ?? '');

  void it('before deploying: not deployed, and no index yet', async () => {
    const r = await check();
    assert.deepEqual(problems(r), [
      "products-elasticsearch-sink is not deployed on the lab's Connect cluster.",
      'There is no index pg-products in the search engine yet.',
    ]);
  });

  void it('the lesson’s JSON unchanged: connector and task RUNNING, one document per record — the check passes', async () => {
    const res = await http(rt.url, 'POST', '/connectors', { name: sink.name, config: sink.config });
    assert.equal(res.status, 201, res.text);
    let last: CheckReport | undefined;
    await eventually(
      async () => {
        last = await check();
        return last.passed;
      },
      180000,
      'check passes',
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n${last ? reportText('ex2', last) : ''}\n${rt.stderr().slice(-3000)}`);
    });
    assert.ok(last);
    assert.equal(last.items.length, 6, reportText('ex2', last));
  });

  void it('a document deleted from the index: the count is short', async () => {
    const del = await searchApi(engine.url, 'DELETE', `/${PRODUCTS_INDEX}/_doc/${TOPIC}+0+1?refresh=true`);
    assert.equal(del.status, 200, JSON.stringify(del.body));
    assert.deepEqual(problems(await check()), [
      'Index pg-products has 2 document(s); pg-products holds 3 record(s).',
    ]);
  });

  void it('the engine not answering (frozen): says so and what to try', async () => {
    engine.freeze();
    try {
      const r = await check();
      const failed = r.items.filter((i) => !i.ok);
      assert.deepEqual(
        failed.map((i) => i.problem),
        [`The search engine at ${engine.url} is not answering (it did not answer in time).`],
      );
      assert.match(failed[0].tryThis ?? '', /Start the lab with its search engine/);
    } finally {
      engine.thaw();
    }
  });
});
