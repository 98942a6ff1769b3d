/**
 * The Elasticsearch sink through the REST API of a real runtime process against a real search
 * engine (the lab's OpenSearch 2.19 node, whose _bulk/index/search API follows Elasticsearch 7):
 * the lesson's exercise 2 (pg-products → index, key.ignore=true ids), upsert by key, delete on
 * tombstone, a malformed document per behavior.on.malformed.documents (warn → DLQ + running,
 * fail → task FAILED), the engine stopped mid-stream (SIGTERM and restarted on the same data and
 * port: retries, then every record indexed exactly once; max.retries exhausted → FAILED, restart
 * resumes) and the mapping put from a value schema.
 * One engine for the whole file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Admin, Producer } from 'kafkajs';
import { findJava } from '../../runtime/lab/prerequisites';
import { kafkaClient, pgClient, testCluster, uniqueName } from '../support/cluster';
import { startEngineProxy } from '../support/engine-proxy';
import { eventually, freeTcpPort, http, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';
import { allDocs, searchApi, startSearchEngine } from '../support/search-engine';
import type { SearchEngine } from '../support/search-engine';

const FIXTURES = join(__dirname, '..', 'fixtures', 'lesson-configs');

function lesson(file: string): { name: string; config: Record<string, string> } {
  return JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as {
    name: string;
    config: Record<string, string>;
  };
}

function jdbcUrl(): string {
  const u = new URL(testCluster().postgresUrl);
  return `jdbc:postgresql://${u.hostname}:${u.port}${u.pathname}`;
}

interface TaskStatus {
  state: string;
  trace?: string;
}

async function task(rt: RuntimeProcess, name: string): Promise<TaskStatus | undefined> {
  const s = (await http(rt.url, 'GET', `/connectors/${name}/status`)).body as { tasks?: TaskStatus[] };
  return s.tasks?.[0];
}

async function running(rt: RuntimeProcess, name: string): Promise<void> {
  await eventually(
    async () => {
      const t = await task(rt, name);
      if (t?.state === 'FAILED') throw new Error(`task FAILED: ${t.trace}`);
      return t?.state === 'RUNNING';
    },
    90000,
    `${name} RUNNING`,
  );
}

/** Plain JSON values and string keys: what a user producing JSON by hand writes. */
const JSON_CONVERTERS = {
  'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
  'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'value.converter.schemas.enable': 'false',
};

void describe('Elasticsearch sink against a real search engine (OpenSearch 2.19)', () => {
  let engine: SearchEngine;
  let rt: RuntimeProcess;
  let producer: Producer;
  let admin: Admin;
  const kafka = kafkaClient();

  before(async () => {
    [engine, rt] = await Promise.all([
      startSearchEngine(),
      startRuntimeProcess({ offsetFlushIntervalMs: 500 }),
    ]);
    producer = kafka.producer();
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
  });

  after(async () => {
    await producer?.disconnect().catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
    await rt?.stop();
    await engine?.dispose();
  });

  async function topicWith(messages: { key: string | null; value: string | null }[]): Promise<string> {
    const topic = uniqueName('es_in');
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    if (messages.length > 0) await producer.send({ topic, messages });
    return topic;
  }

  async function create(name: string, config: Record<string, string>): Promise<void> {
    const res = await http(rt.url, 'POST', '/connectors', { name, config });
    assert.equal(res.status, 201, res.text);
  }

  /** The sink on `topic` (JSON values, string keys, schema.ignore=true, a patient read timeout) with `extra` on top. */
  function sinkConfig(
    topic: string,
    keyIgnore: boolean,
    extra: Record<string, string> = {},
  ): Record<string, string> {
    return {
      'connector.class': 'ElasticsearchSink',
      'connection.url': engine.url,
      topics: topic,
      'key.ignore': String(keyIgnore),
      'schema.ignore': 'true',
      'read.timeout.ms': '60000',
      ...JSON_CONVERTERS,
      ...extra,
    };
  }

  /** PUT .../config/validate: the error messages per key (keys without errors left out). */
  async function validateErrors(config: Record<string, string>): Promise<Record<string, string[]>> {
    const res = await http(rt.url, 'PUT', '/connector-plugins/ElasticsearchSinkConnector/config/validate', {
      'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
      name: 'validate_me',
      topics: 'validate_me',
      ...config,
    });
    assert.equal(res.status, 200, res.text);
    const out: Record<string, string[]> = {};
    for (const c of (res.body as { configs: { value: { name: string; errors: string[] } }[] }).configs)
      if (c.value.errors.length > 0) out[c.value.name] = c.value.errors;
    return out;
  }

  void it('exercise 2: every pg-products record is indexed (ids topic+partition+offset), a new row follows', async () => {
    const table = uniqueName('products');
    const db = await pgClient('postgres');
    try {
      await db.query(
        `CREATE TABLE ${table} (id SERIAL PRIMARY KEY, name VARCHAR(100), price DECIMAL(10,2), created_at TIMESTAMP DEFAULT NOW())`,
      );
      await db.query(
        `INSERT INTO ${table} (name, price) VALUES ('Laptop', 999.99), ('Phone', 699.99), ('Tablet', 499.99)`,
      );
      const source = lesson('postgres-products-source.json');
      const sourceName = uniqueName(source.name);
      await create(sourceName, { ...source.config, 'connection.url': jdbcUrl(), 'table.whitelist': table });
      const sink = lesson('products-elasticsearch-sink.json');
      const topic = `${source.config['topic.prefix']}${table}`;
      const sinkName = uniqueName(sink.name);
      // The lesson's JSON with only the URL pointed at the lab's engine and the per-run topic.
      await create(sinkName, { ...sink.config, 'connection.url': engine.url, topics: topic });
      await running(rt, sinkName);
      const index = topic.toLowerCase();
      const names = async (): Promise<string[]> =>
        (await allDocs(engine.url, index)).map((h) => String(h._source.name));
      await eventually(
        async () => {
          const t = await task(rt, sinkName);
          if (t?.state === 'FAILED') throw new Error(`task FAILED: ${t.trace}`);
          return (await names()).length === 3;
        },
        120000,
        '3 documents',
      ).catch((e: Error) => {
        throw new Error(`${e.message}\nruntime log:\n${rt.stderr().slice(-4000)}`);
      });
      const docs = await allDocs(engine.url, index);
      assert.deepEqual(
        docs.map((d) => d._id),
        [0, 1, 2].map((o) => `${topic}+0+${o}`),
      );
      assert.deepEqual(await names(), ['Laptop', 'Phone', 'Tablet']);
      // schema.ignore=true: the value as JsonConverter(schemas.enable=false) writes it (the Decimal as base64 bytes).
      assert.equal(docs[0]?._source.id, 1);
      assert.equal(typeof docs[0]?._source.price, 'string');
      await db.query(`INSERT INTO ${table} (name, price) VALUES ('Headphones', 199.99)`);
      await eventually(async () => (await names()).includes('Headphones'), 120000, 'Headphones indexed');
      assert.equal((await names()).length, 4);
      await http(rt.url, 'DELETE', `/connectors/${sourceName}`);
      await http(rt.url, 'DELETE', `/connectors/${sinkName}`);
    } finally {
      await db.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      await db.end();
    }
  });

  void it('upsert by key merges fields; a tombstone deletes the document (behavior.on.null.values=delete)', async () => {
    const topic = await topicWith([
      { key: 'p1', value: JSON.stringify({ name: 'Laptop', price: 999 }) },
      { key: 'p2', value: JSON.stringify({ name: 'Phone', price: 699 }) },
      { key: 'p1', value: JSON.stringify({ price: 899 }) },
    ]);
    const name = uniqueName('es-upsert');
    await create(
      name,
      sinkConfig(topic, false, {
        'write.method': 'upsert',
        'behavior.on.null.values': 'delete',
      }),
    );
    await running(rt, name);
    await eventually(
      async () => {
        const d = await allDocs(engine.url, topic);
        return d.length === 2 && d[0]?._source.price === 899;
      },
      120000,
      'p1 upserted',
    );
    const docs = await allDocs(engine.url, topic);
    assert.deepEqual(
      docs.map((d) => [d._id, d._source]),
      [
        ['p1', { name: 'Laptop', price: 899 }],
        ['p2', { name: 'Phone', price: 699 }],
      ],
    );
    await producer.send({ topic, messages: [{ key: 'p2', value: null }] });
    await eventually(async () => (await allDocs(engine.url, topic)).length === 1, 120000, 'p2 deleted');
    assert.deepEqual(
      (await allDocs(engine.url, topic)).map((d) => d._id),
      ['p1'],
    );
    assert.equal((await task(rt, name))?.state, 'RUNNING');
    await http(rt.url, 'DELETE', `/connectors/${name}`);
  });

  void it('malformed document, behavior.on.malformed.documents=warn: skipped, reported to the DLQ, the rest indexed', async () => {
    const topic = await topicWith([
      { key: 'a', value: JSON.stringify({ n: 1 }) },
      { key: 'b', value: JSON.stringify({ n: 'not a number' }) },
      { key: 'c', value: JSON.stringify({ n: 3 }) },
    ]);
    const dlq = uniqueName('es_dlq');
    const name = uniqueName('es-warn');
    await create(
      name,
      sinkConfig(topic, true, {
        'behavior.on.malformed.documents': 'warn',
        // one document per bulk request: the mapping (n: long) exists before the bad one arrives
        'batch.size': '1',
        'max.in.flight.requests': '1',
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': dlq,
        'errors.deadletterqueue.topic.replication.factor': '1',
        'errors.deadletterqueue.context.headers.enable': 'true',
      }),
    );
    await running(rt, name);
    await eventually(async () => (await allDocs(engine.url, topic)).length === 2, 120000, '2 documents');
    assert.deepEqual(
      (await allDocs(engine.url, topic)).map((d) => d._source.n),
      [1, 3],
    );
    const consumer = kafka.consumer({ groupId: uniqueName('es_dlq_read') });
    const seen: { value: string; headers: Record<string, string> }[] = [];
    await consumer.connect();
    await eventually(
      async () => {
        await consumer.subscribe({ topics: [dlq], fromBeginning: true });
        return true;
      },
      60000,
      `DLQ topic ${dlq}`,
    );
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          headers[k] = String(Array.isArray(v) ? v[0] : v);
        seen.push({ value: message.value?.toString('utf8') ?? '', headers });
        await Promise.resolve();
      },
    });
    try {
      await eventually(() => seen.length >= 1, 60000, 'DLQ record');
      assert.equal(seen.length, 1);
      assert.deepEqual(JSON.parse(seen[0]?.value ?? ''), { n: 'not a number' });
      assert.equal(seen[0]?.headers['__connect.errors.stage'], 'TASK_PUT');
      assert.equal(seen[0]?.headers['__connect.errors.topic'], topic);
      assert.equal(seen[0]?.headers['__connect.errors.offset'], '1');
      assert.match(
        seen[0]?.headers['__connect.errors.exception.message'] ?? '',
        /Indexing failed: .*mapper_parsing_exception/,
      );
    } finally {
      await consumer.disconnect();
    }
    assert.equal((await task(rt, name))?.state, 'RUNNING');
    await http(rt.url, 'DELETE', `/connectors/${name}`);
  });

  void it('malformed document, behavior.on.malformed.documents=fail: the task fails, nothing committed past it', async () => {
    const topic = await topicWith([
      { key: 'a', value: JSON.stringify({ n: 1 }) },
      { key: 'b', value: JSON.stringify({ n: 'not a number' }) },
    ]);
    const name = uniqueName('es-fail');
    await create(
      name,
      sinkConfig(topic, true, {
        'batch.size': '1',
        'max.in.flight.requests': '1',
      }),
    );
    await eventually(async () => (await allDocs(engine.url, topic)).length === 1, 120000, 'first document');
    // The failure surfaces at the next put(): the worker's empty put() on an idle topic, as real
    // Connect's; no further record is produced.
    const failed = await eventually(
      async () => {
        const t = await task(rt, name);
        return t?.state === 'FAILED' ? t : undefined;
      },
      120000,
      'task FAILED',
    );
    assert.match(failed.trace ?? '', /Indexing record failed\. Please check DLQ topic for errors\./);
    const offsets = await admin.fetchOffsets({ groupId: `connect-${name}`, topics: [topic] });
    const committed = Number(offsets[0]?.partitions[0]?.offset ?? -1);
    assert.ok(committed <= 1, `committed offset ${committed} must not pass the malformed record (offset 1)`);
    await http(rt.url, 'DELETE', `/connectors/${name}`);
  });

  void it('engine stopped mid-stream (SIGTERM, then restarted on the same data and port): retries, then every record indexed exactly once; max.retries exhausted fails the task, a restart resumes it', async () => {
    const batch = (from: number, n: number): { key: string; value: string }[] =>
      Array.from({ length: n }, (_, i) => ({
        key: `k${from + i}`,
        value: JSON.stringify({ seq: from + i }),
      }));
    const config = (topic: string, maxRetries: string): Record<string, string> =>
      sinkConfig(topic, true, {
        'batch.size': '100',
        'read.timeout.ms': '30000',
        'max.retries': maxRetries,
        'retry.backoff.ms': '100',
      });
    // patient: outlives the outage (random backoffs below 100 ms · 2^n keep it retrying for minutes)
    const topic = await topicWith(batch(0, 200));
    const name = uniqueName('es-outage');
    await create(name, config(topic, '14'));
    // impatient: 2 attempts per request, then the task fails (the real RetryUtil + throwIfFailed)
    const topicB = await topicWith(batch(0, 50));
    const nameB = uniqueName('es-outage-fail');
    await create(nameB, config(topicB, '1'));
    await eventually(async () => (await allDocs(engine.url, topic)).length === 200, 120000, '200 documents');
    await eventually(async () => (await allDocs(engine.url, topicB)).length === 50, 120000, '50 documents');
    const logFrom = rt.stderr().length;
    await engine.stop(); // SIGTERM, waits for the process to exit
    let restarted = false;
    try {
      await assert.rejects(fetch(engine.url), 'the engine no longer answers');
      await producer.send({ topic, messages: batch(200, 300) });
      await producer.send({ topic: topicB, messages: batch(50, 50) });
      // B: both attempts refused; the failure surfaces at its next put(), an empty one: no record
      // is produced after the outage's batch.
      await eventually(
        () =>
          /Failed to execute bulk request due to 'java\.net\.ConnectException: Connection refused' after 2 attempt\(s\)/.test(
            rt.stderr().slice(logFrom),
          ),
        120000,
        'B gave up after 2 attempts',
      );
      const failed = await eventually(
        async () => {
          const t = await task(rt, nameB);
          return t?.state === 'FAILED' ? t : undefined;
        },
        120000,
        'B FAILED',
      );
      assert.match(
        failed.trace ?? '',
        /^org\.apache\.kafka\.connect\.errors\.ConnectException: Bulk request failed/m,
      );
      assert.match(
        failed.trace ?? '',
        /Caused by: org\.apache\.kafka\.connect\.errors\.ConnectException: Failed to execute bulk request due to 'java\.net\.ConnectException: Connection refused' after 2 attempt\(s\)/,
      );
      // A: a third attempt only A can make (B has 2) — and A stays RUNNING.
      await eventually(
        () => /Retrying attempt \(3\/15\)/.test(rt.stderr().slice(logFrom)),
        120000,
        'A retried a third time',
      );
      assert.equal((await task(rt, name))?.state, 'RUNNING');
      const committedB = await admin.fetchOffsets({ groupId: `connect-${nameB}`, topics: [topicB] });
      assert.ok(
        Number(committedB[0]?.partitions[0]?.offset ?? -1) <= 50,
        'nothing past the unacknowledged records is committed for B',
      );
      await engine.start(); // same data dir, same port
      restarted = true;
    } finally {
      if (!restarted) await engine.start().catch(() => undefined);
    }
    await eventually(
      async () => (await allDocs(engine.url, topic)).length === 500,
      300000,
      '500 documents',
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nruntime log:\n${rt.stderr().slice(-4000)}`);
    });
    const docs = await allDocs(engine.url, topic);
    assert.deepEqual(
      docs.map((d) => Number(d._source.seq)).sort((a, b) => a - b),
      Array.from({ length: 500 }, (_, i) => i),
    );
    assert.equal(new Set(docs.map((d) => d._id)).size, 500);
    assert.equal((await task(rt, name))?.state, 'RUNNING');
    // B restarted by the user: it resumes from its last commit and writes what it had not.
    const restart = await http(rt.url, 'POST', `/connectors/${nameB}/tasks/0/restart`);
    assert.equal(restart.status, 204, restart.text);
    await running(rt, nameB);
    await eventually(async () => (await allDocs(engine.url, topicB)).length === 100, 180000, '100 documents');
    assert.deepEqual(
      (await allDocs(engine.url, topicB)).map((d) => Number(d._source.seq)).sort((a, b) => a - b),
      Array.from({ length: 100 }, (_, i) => i),
    );
    await http(rt.url, 'DELETE', `/connectors/${name}`);
    await http(rt.url, 'DELETE', `/connectors/${nameB}`);
  });

  void it('the index mapping follows the value schema when schema.ignore=false', async () => {
    const value = (id: number, name: string): string =>
      JSON.stringify({
        schema: {
          type: 'struct',
          fields: [
            { field: 'id', type: 'int32', optional: false },
            { field: 'name', type: 'string', optional: true },
          ],
        },
        payload: { id, name },
      });
    const topic = await topicWith([{ key: '1', value: value(1, 'Laptop') }]);
    const name = uniqueName('es-mapping');
    await create(name, {
      'connector.class': 'ElasticsearchSink',
      'connection.url': engine.url,
      topics: topic,
      'key.ignore': 'false',
      'read.timeout.ms': '60000',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'true',
    });
    await eventually(async () => (await allDocs(engine.url, topic)).length === 1, 120000, 'document');
    const mapping = await searchApi(engine.url, 'GET', `/${topic}/_mapping`);
    const props = (mapping.body[topic] as { mappings: { properties: Record<string, unknown> } }).mappings
      .properties;
    assert.deepEqual(props, {
      id: { type: 'integer' },
      name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
    });
    await http(rt.url, 'DELETE', `/connectors/${name}`);
  });
  void it('data streams: <type>-<dataset>-<namespace> from the lower-cased topic, op_type create, @timestamp from data.stream.timestamp.field or the record timestamp', async () => {
    // Elasticsearch ships index templates for logs-*-* and metrics-*-*; OpenSearch does not, so the
    // test installs the equivalent (the user's step on OpenSearch, see docs/elasticsearch-sink.md).
    const template = uniqueName('kcl_ds');
    const tpl = await searchApi(engine.url, 'PUT', `/_index_template/${template}`, {
      index_patterns: ['logs-*-*', 'metrics-*-*'],
      data_stream: {},
    });
    assert.equal(tpl.status, 200, JSON.stringify(tpl.body));
    const topic = `Es_DS_${uniqueName('t')}`; // upper case: the namespace gets the topic lower-cased
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    await producer.send({
      topic,
      messages: [
        { key: 'k1', value: JSON.stringify({ n: 1, created_at: '2026-11-26T08:00:00Z' }) },
        { key: 'k2', value: JSON.stringify({ n: 2 }) }, // no timestamp field → no @timestamp → rejected
        { key: 'k3', value: JSON.stringify({ n: 3, created_at: 1700000000000 }) },
        { key: 'k1', value: JSON.stringify({ n: 4, created_at: '2026-11-26T09:00:00Z' }) }, // same id: create conflicts
      ],
    });
    const name = uniqueName('es-ds');
    await create(name, {
      'connector.class': 'ElasticsearchSink',
      'connection.url': engine.url,
      topics: topic,
      'key.ignore': 'false',
      'schema.ignore': 'true',
      'data.stream.type': 'logs',
      'data.stream.dataset': 'shop',
      'data.stream.timestamp.field': 'created_at',
      'behavior.on.malformed.documents': 'warn',
      'batch.size': '1',
      'max.in.flight.requests': '1',
      'read.timeout.ms': '60000',
      ...JSON_CONVERTERS,
    });
    const stream = `logs-shop-${topic.toLowerCase()}`;
    await eventually(
      async () => {
        const t = await task(rt, name);
        if (t?.state === 'FAILED') throw new Error(`task FAILED: ${t.trace}`);
        const off = await admin.fetchOffsets({ groupId: `connect-${name}`, topics: [topic] });
        return Number(off[0]?.partitions[0]?.offset ?? -1) === 4;
      },
      120000,
      'all 4 records processed and committed',
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nruntime log:\n${rt.stderr().slice(-4000)}`);
    });
    const ds = await searchApi(engine.url, 'GET', `/_data_stream/${stream}`);
    assert.equal(ds.status, 200, `data stream ${stream}: ${JSON.stringify(ds.body)}`);
    const docs = await allDocs(engine.url, stream);
    assert.deepEqual(
      docs.map((d) => [d._id, d._source]),
      [
        ['k1', { n: 1, created_at: '2026-11-26T08:00:00Z', '@timestamp': '2026-11-26T08:00:00Z' }],
        ['k3', { n: 3, created_at: 1700000000000, '@timestamp': '1700000000000' }],
      ],
      'k2 rejected for its missing @timestamp (warn: skipped); the second k1 refused by op_type create',
    );
    assert.match(
      rt.stderr(),
      /Encountered an illegal document error\. Ignoring and will not index record\..*mapper_parsing_exception/,
    );
    assert.equal((await task(rt, name))?.state, 'RUNNING');
    await http(rt.url, 'DELETE', `/connectors/${name}`);

    // Without data.stream.timestamp.field: @timestamp is the Kafka record timestamp; a set namespace.
    const topic2 = await topicWith([]);
    await producer.send({
      topic: topic2,
      messages: [{ key: 'm1', value: JSON.stringify({ cpu: 0.5 }), timestamp: '1700000000123' }],
    });
    const name2 = uniqueName('es-ds-metrics');
    await create(
      name2,
      sinkConfig(topic2, true, {
        'data.stream.type': 'METRICS',
        'data.stream.dataset': 'shop',
        'data.stream.namespace': 'lab',
      }),
    );
    await eventually(
      async () => (await allDocs(engine.url, 'metrics-shop-lab')).length === 1,
      120000,
      'metric',
    );
    const [m] = await allDocs(engine.url, 'metrics-shop-lab');
    assert.deepEqual([m?._id, m?._source], [`${topic2}+0+0`, { cpu: 0.5, '@timestamp': 1700000000123 }]);
    await http(rt.url, 'DELETE', `/connectors/${name2}`);
    await searchApi(engine.url, 'DELETE', `/_data_stream/${stream}`);
    await searchApi(engine.url, 'DELETE', '/_data_stream/metrics-shop-lab');
    await searchApi(engine.url, 'DELETE', `/_index_template/${template}`);
  });
  void it('validate(): the real Validator messages for an unreachable engine and wrong credentials, none when it answers', async () => {
    const closedPort = await freeTcpPort(); // nothing listens there
    const unreachable = `http://127.0.0.1:${closedPort}`;
    assert.deepEqual(await validateErrors({ 'connection.url': unreachable }), {
      'connection.url': ['Could not connect to Elasticsearch. Error message: Connection refused'],
    });
    const withUser = { 'connection.username': 'elastic', 'connection.password': 'secret' };
    assert.deepEqual(await validateErrors({ 'connection.url': unreachable, ...withUser }), {
      'connection.url': ['Could not connect to Elasticsearch. Error message: Connection refused'],
      'connection.username': [
        "Could not authenticate the user. Check the 'connection.username' and 'connection.password'. Error message: Connection refused",
      ],
      'connection.password': [
        "Could not authenticate the user. Check the 'connection.username' and 'connection.password'. Error message: Connection refused",
      ],
    });
    // Creating the connector runs the same validation: 400 with Connect's message.
    const created = await http(rt.url, 'POST', '/connectors', {
      name: uniqueName('es-unreachable'),
      config: {
        'connector.class': 'ElasticsearchSink',
        topics: 'validate_me',
        'connection.url': unreachable,
      },
    });
    assert.equal(created.status, 400, created.text);
    assert.match(
      created.text,
      /Connector configuration is invalid and contains the following 1 error\(s\):\\nCould not connect to Elasticsearch\. Error message: Connection refused/,
    );
    assert.deepEqual(await validateErrors({ 'connection.url': engine.url }), {});

    // Wrong credentials: OpenSearch here runs without its security plugin, so a basic-auth front
    // answers 401 the way Elasticsearch security does (HEAD / without a body).
    const secured = await startEngineProxy({
      target: engine.url,
      basicAuth: { username: 'elastic', password: 'right' },
    });
    try {
      const wrong = `Error message: method [HEAD], host [${secured.url}], URI [/], status line [HTTP/1.1 401 Unauthorized]`;
      assert.deepEqual(
        await validateErrors({
          'connection.url': secured.url,
          'connection.username': 'elastic',
          'connection.password': 'wrong',
        }),
        {
          'connection.url': [`Could not connect to Elasticsearch. ${wrong}`],
          'connection.username': [
            `Could not authenticate the user. Check the 'connection.username' and 'connection.password'. ${wrong}`,
          ],
          'connection.password': [
            `Could not authenticate the user. Check the 'connection.username' and 'connection.password'. ${wrong}`,
          ],
        },
      );
      assert.deepEqual(
        await validateErrors({
          'connection.url': secured.url,
          'connection.username': 'elastic',
          'connection.password': 'right',
        }),
        {},
      );
      assert.ok(
        secured.requests.includes('HEAD /') && secured.requests.includes('GET /'),
        secured.requests.join(),
      );
    } finally {
      await secured.close();
    }
  });
  void it('elastic.security.protocol=SSL: PKCS12 and PEM trust/key stores against an HTTPS front requiring a client certificate; JKS and a missing client certificate get clear errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcl-es-tls-'));
    const keytool = join(dirname(realpathSync(findJava(process.env) ?? 'java')), 'keytool');
    const run = (cmd: string, args: string[]): void => {
      execFileSync(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    };
    const f = (n: string): string => join(dir, n);
    // a private CA, a server certificate for 127.0.0.1 and a client certificate, all from openssl
    run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=kcl test CA',
    ]);
    for (const who of ['server', 'client']) {
      run('openssl', [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${who}.key`,
        '-out',
        `${who}.csr`,
        '-subj',
        `/CN=${who}`,
      ]);
      writeFileSync(
        f(`${who}.ext`),
        who === 'server' ? 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' : 'extendedKeyUsage=clientAuth\n',
      );
      run('openssl', [
        'x509',
        '-req',
        '-in',
        `${who}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${who}.pem`,
        '-days',
        '2',
        '-extfile',
        `${who}.ext`,
      ]);
    }
    run('openssl', [
      'pkcs12',
      '-export',
      '-in',
      'client.pem',
      '-inkey',
      'client.key',
      '-out',
      'client.p12',
      '-passout',
      'pass:changeit',
    ]);
    writeFileSync(
      f('client-bundle.pem'),
      readFileSync(f('client.key'), 'utf8') + readFileSync(f('client.pem'), 'utf8'),
    );
    // trust stores as Java users make them
    for (const type of ['PKCS12', 'JKS'])
      run(keytool, [
        '-importcert',
        '-noprompt',
        '-alias',
        'ca',
        '-file',
        'ca.pem',
        '-keystore',
        `trust.${type.toLowerCase()}`,
        '-storetype',
        type,
        '-storepass',
        'changeit',
      ]);
    const front = await startEngineProxy({
      target: engine.url,
      tls: {
        key: readFileSync(f('server.key'), 'utf8'),
        cert: readFileSync(f('server.pem'), 'utf8'),
        clientCa: readFileSync(f('ca.pem'), 'utf8'),
      },
    });
    const pkcs12 = {
      'elastic.security.protocol': 'SSL',
      'elastic.https.ssl.truststore.location': f('trust.pkcs12'),
      'elastic.https.ssl.truststore.type': 'PKCS12',
      'elastic.https.ssl.truststore.password': 'changeit',
      'elastic.https.ssl.keystore.location': f('client.p12'),
      'elastic.https.ssl.keystore.type': 'PKCS12',
      'elastic.https.ssl.keystore.password': 'changeit',
    };
    const validate = (config: Record<string, string>): Promise<Record<string, string[]>> =>
      validateErrors({ 'connection.url': front.url, ...config });
    try {
      assert.deepEqual(await validate(pkcs12), {}, 'PKCS12 trust store (keytool) + PKCS12 key store');
      assert.deepEqual(
        await validate({
          'elastic.security.protocol': 'SSL',
          'elastic.https.ssl.truststore.location': f('ca.pem'),
          'elastic.https.ssl.truststore.type': 'PEM',
          'elastic.https.ssl.keystore.location': f('client-bundle.pem'),
          'elastic.https.ssl.keystore.type': 'PEM',
        }),
        {},
        'PEM trust store + PEM key store',
      );
      // the default type is JKS: a JKS file cannot be read here — the error names the key and the way out
      const jks = await validate({
        ...pkcs12,
        'elastic.https.ssl.truststore.location': f('trust.jks'),
        'elastic.https.ssl.truststore.type': 'JKS',
      });
      assert.deepEqual(Object.keys(jks), ['elastic.https.ssl.truststore.type']);
      assert.match(
        jks['elastic.https.ssl.truststore.type']?.[0] ?? '',
        /^Invalid value JKS for configuration elastic\.https\.ssl\.truststore\.type: JKS truststores cannot be read by this runtime\. Convert .*trust\.jks to PKCS12 \(keytool -importkeystore .*\) and set elastic\.https\.ssl\.truststore\.type to PKCS12, or use PEM$/,
      );
      // no client certificate: the front refuses the handshake
      const noCert = await validate({
        'elastic.security.protocol': 'SSL',
        'elastic.https.ssl.truststore.location': f('ca.pem'),
        'elastic.https.ssl.truststore.type': 'PEM',
      });
      assert.deepEqual(Object.keys(noCert).sort(), ['connection.url', 'elastic.security.protocol']);
      assert.match(
        noCert['connection.url']?.[0] ?? '',
        /^Could not connect to Elasticsearch\. Error message: \S/,
      );
      assert.match(
        noCert['elastic.security.protocol']?.[0] ?? '',
        /^Could not connect to Elasticsearch\. Check your SSL settings\.Error message: \S/,
      );
      // an untrusted server (no trust store: the default CAs) — same keys
      const untrusted = await validate({ ...pkcs12, 'elastic.https.ssl.truststore.location': '' });
      assert.match(
        untrusted['elastic.security.protocol']?.[0] ?? '',
        /Check your SSL settings\.Error message: .*(certificate|CERT)/i,
      );

      // and the sink writes through it
      const topic = await topicWith([
        { key: 'a', value: JSON.stringify({ n: 1 }) },
        { key: 'b', value: JSON.stringify({ n: 2 }) },
      ]);
      const name = uniqueName('es-tls');
      await create(
        name,
        sinkConfig(topic, false, {
          ...pkcs12,
          'connection.url': front.url,
        }),
      );
      await eventually(
        async () => (await allDocs(engine.url, topic)).length === 2,
        120000,
        '2 documents over TLS',
      );
      assert.ok(
        front.requests.some((r) => r.startsWith('POST /_bulk')),
        'the bulk requests went through the TLS front',
      );
      await http(rt.url, 'DELETE', `/connectors/${name}`);
    } finally {
      await front.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
