/**
 * The lesson's JDBC exercises through the REST API of a real runtime process: exercise 1 (products
 * table → pg-<table>, new rows appear) and the SMT chain (InsertField$Value, MaskField$Value,
 * RegexRouter → prod-<topic>). Also the plugin listing with transformations and predicates.
 */
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Consumer } from 'kafkajs';
import { kafkaClient, pgClient, testCluster, uniqueName } from '../support/cluster';
import { eventually, http, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';

const LESSON = join(__dirname, '..', 'fixtures', 'lesson-configs', 'postgres-products-source.json');

function jdbcUrl(): string {
  const u = new URL(testCluster().postgresUrl);
  return `jdbc:postgresql://${u.hostname}:${u.port}${u.pathname}`;
}

interface Envelope {
  schema?: { fields?: { field: string; name?: string; optional?: boolean }[] };
  payload: Record<string, unknown>;
}

/** JsonConverter output: a {schema, payload} envelope, or the plain value as payload. */
function envelopeOf(value: Buffer | null): Envelope {
  const parsed = JSON.parse(value?.toString('utf8') ?? 'null') as Record<string, unknown>;
  return 'payload' in parsed && 'schema' in parsed ? (parsed as unknown as Envelope) : { payload: parsed };
}

/** Collects every value of `topic` from the beginning (own group) until stopped. */
async function tail(
  topic: string,
): Promise<{ values: Record<string, unknown>[]; envelopes: Envelope[]; stop: () => Promise<void> }> {
  const consumer: Consumer = kafkaClient().consumer({ groupId: uniqueName('pipeline_tail') });
  const values: Record<string, unknown>[] = [];
  const envelopes: Envelope[] = [];
  await consumer.connect();
  await eventually(
    async () => {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      return true;
    },
    60000,
    `topic ${topic}`,
  );
  await consumer.run({
    eachMessage: async ({ message }) => {
      const e = envelopeOf(message.value);
      envelopes.push(e);
      values.push(e.payload);
      await Promise.resolve();
    },
  });
  return { values, envelopes, stop: () => consumer.disconnect() };
}

async function taskState(rt: RuntimeProcess, name: string): Promise<string | undefined> {
  const s = (await http(rt.url, 'GET', `/connectors/${name}/status`)).body as {
    tasks?: { state: string; trace?: string }[];
  };
  const t = s.tasks?.[0];
  if (t?.state === 'FAILED') throw new Error(`task FAILED: ${t.trace}`);
  return t?.state;
}

void describe('JDBC source pipelines (lesson exercises, real Kafka + Postgres)', () => {
  let rt: RuntimeProcess;
  const tails: { stop: () => Promise<void> }[] = [];
  before(async () => {
    rt = await startRuntimeProcess({ offsetFlushIntervalMs: 300 });
  });
  after(async () => {
    for (const t of tails) await t.stop().catch(() => undefined);
    await rt.stop();
  });

  void it('lists transformations and predicates like Connect 4.4, by class name', async () => {
    const all = (await http(rt.url, 'GET', '/connector-plugins?connectorsOnly=false')).body as {
      class: string;
      type: string;
      version?: string;
    }[];
    const classes = all.map((p) => `${p.type}:${p.class}`);
    for (const c of [
      'transformation:org.apache.kafka.connect.transforms.InsertField$Value',
      'transformation:org.apache.kafka.connect.transforms.MaskField$Key',
      'transformation:org.apache.kafka.connect.transforms.RegexRouter',
      'transformation:io.debezium.transforms.ExtractNewRecordState',
      'predicate:org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
      'source:io.confluent.connect.jdbc.JdbcSourceConnector',
      'sink:io.confluent.connect.jdbc.JdbcSinkConnector',
      'source:io.debezium.connector.postgresql.PostgresConnector',
    ])
      assert.ok(classes.includes(c), `${c} missing from ${classes.join()}`);
    const order = all.map((p) => p.type).filter((t, i, a) => a.indexOf(t) === i);
    assert.deepEqual(order, [
      'sink',
      'source',
      'transformation',
      'predicate',
      'converter',
      'header_converter',
    ]);
    const cfg = await http(rt.url, 'GET', '/connector-plugins/RegexRouter/config');
    assert.equal(cfg.status, 200, cfg.text);
    assert.ok((cfg.body as { name: string }[]).some((k) => k.name === 'replacement'));
    // Connect gives nested $Key/$Value classes no alias: "Value" is no plugin.
    const nested = await http(rt.url, 'GET', '/connector-plugins/Value/config');
    assert.equal(nested.status, 404, nested.text);
  });

  void it('validate reports a JDBC connection failure on connection.url', async () => {
    const res = await http(rt.url, 'PUT', '/connector-plugins/JdbcSourceConnector/config/validate', {
      'connector.class': 'JdbcSourceConnector',
      name: uniqueName('badurl'),
      'connection.url': 'jdbc:postgresql://127.0.0.1:1/postgres',
      'connection.user': 'postgres',
      'connection.password': 'postgres',
      mode: 'bulk',
      'table.whitelist': 'products',
      'topic.prefix': 'x-',
    });
    assert.equal(res.status, 200, res.text);
    const body = res.body as {
      error_count: number;
      configs: { value: { name: string; errors: string[] } }[];
    };
    const url = body.configs.find((c) => c.value.name === 'connection.url');
    assert.ok(body.error_count >= 1, res.text);
    assert.match(url?.value.errors[0] ?? '', /^Could not connect to database\./, JSON.stringify(url?.value));
  });

  void it('exercise 1: products table → pg-<table>; a new row appears', async () => {
    const table = uniqueName('products');
    const db = await pgClient('postgres');
    try {
      await db.query(
        `CREATE TABLE ${table} (id SERIAL PRIMARY KEY, name VARCHAR(100), price DECIMAL(10,2), created_at TIMESTAMP DEFAULT NOW())`,
      );
      await db.query(
        `INSERT INTO ${table} (name, price) VALUES ('Laptop', 999.99), ('Phone', 699.99), ('Tablet', 499.99)`,
      );
      const lesson = JSON.parse(readFileSync(LESSON, 'utf8')) as {
        name: string;
        config: Record<string, string>;
      };
      const name = uniqueName(lesson.name);
      const config = { ...lesson.config, 'connection.url': jdbcUrl(), 'table.whitelist': table };
      const created = await http(rt.url, 'POST', '/connectors', { name, config });
      assert.equal(created.status, 201, created.text);
      await eventually(async () => (await taskState(rt, name)) === 'RUNNING', 60000, 'RUNNING');
      const topic = `${lesson.config['topic.prefix']}${table}`;
      const t = await tail(topic);
      tails.push(t);
      const names = (): string[] => t.values.map((v) => String(v['name']));
      await eventually(() => names().length >= 3, 60000, `3 rows in ${topic}`);
      assert.deepEqual(names(), ['Laptop', 'Phone', 'Tablet']);
      await db.query(`INSERT INTO ${table} (name, price) VALUES ('Headphones', 199.99)`);
      await eventually(() => names().includes('Headphones'), 60000, 'Headphones');
      assert.deepEqual(names(), ['Laptop', 'Phone', 'Tablet', 'Headphones']);
      await http(rt.url, 'DELETE', `/connectors/${name}`);
    } finally {
      await db.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      await db.end();
    }
  });

  void it('SMT chain: InsertField$Value + MaskField$Value + RegexRouter → prod-<topic>', async () => {
    const table = uniqueName('orders');
    const db = await pgClient('postgres');
    try {
      await db.query(
        `CREATE TABLE ${table} (id SERIAL PRIMARY KEY, customer VARCHAR(100), ssn VARCHAR(11), amount DECIMAL(10,2))`,
      );
      await db.query(
        `INSERT INTO ${table} (customer, ssn, amount) VALUES ('alice', '123-45-6789', 10.50), ('bob', '987-65-4321', 20.00)`,
      );
      const name = uniqueName('orders-smt');
      const prefix = 'smt-';
      const created = await http(rt.url, 'POST', '/connectors', {
        name,
        config: {
          'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
          'connection.url': jdbcUrl(),
          'connection.user': 'postgres',
          'connection.password': 'postgres',
          'table.whitelist': table,
          mode: 'incrementing',
          'incrementing.column.name': 'id',
          'topic.prefix': prefix,
          'tasks.max': '1',
          transforms: 'addTimestamp,maskSSN,route',
          'transforms.addTimestamp.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
          'transforms.addTimestamp.timestamp.field': 'ingested_at',
          'transforms.maskSSN.type': 'org.apache.kafka.connect.transforms.MaskField$Value',
          'transforms.maskSSN.fields': 'ssn',
          'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter',
          'transforms.route.regex': '(.*)',
          'transforms.route.replacement': 'prod-$1',
        },
      });
      assert.equal(created.status, 201, created.text);
      await eventually(async () => (await taskState(rt, name)) === 'RUNNING', 60000, 'RUNNING');
      const t = await tail(`prod-${prefix}${table}`);
      tails.push(t);
      await eventually(() => t.values.length >= 2, 60000, 'records in prod- topic');
      assert.deepEqual(
        t.values.map((v) => [v['customer'], v['ssn']]),
        [
          ['alice', ''],
          ['bob', ''],
        ],
      );
      // InsertField adds the field with Connect's Timestamp schema. Its value is the record's
      // timestamp: the JDBC source (like Confluent's) produces records without one, so Connect
      // writes null here too (the lesson's "ingested_at set" would need a timestamped source).
      for (const e of t.envelopes) {
        assert.ok('ingested_at' in e.payload, JSON.stringify(e.payload));
        const f = e.schema?.fields?.find((x) => x.field === 'ingested_at');
        assert.equal(f?.name, 'org.apache.kafka.connect.data.Timestamp', JSON.stringify(e.schema));
        assert.equal(f?.optional, true);
        assert.ok(
          e.schema?.fields?.some((x) => x.field === 'ssn'),
          'ssn kept in the schema',
        );
      }
      await http(rt.url, 'DELETE', `/connectors/${name}`);
    } finally {
      await db.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      await db.end();
    }
  });
});
