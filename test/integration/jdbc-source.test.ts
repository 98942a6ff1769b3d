/**
 * JDBC source at task level against the real PostgreSQL: the lesson's exercise 1 (products →
 * Laptop, Phone, Tablet, then Headphones), record schemas/values and source partition/offset
 * maps as the real connector writes them, offsets resuming, bulk, timestamp+incrementing, bad input.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { OffsetMap, SourceTaskContext } from '../../runtime/api/connector';
import type { SourceRecord } from '../../runtime/api/records';
import { JdbcSourceConnector } from '../../runtime/connectors/jdbc/jdbc-source-connector';
import { JdbcSourceTask } from '../../runtime/connectors/jdbc/jdbc-source-task';
import type { Struct } from '../../runtime/data/struct';
import { BigDecimal } from '../../runtime/data/big-decimal';

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';
const u = new URL(PG_URL);
const JDBC_URL = `jdbc:postgresql://${u.hostname}:${u.port}/postgres`;
const name = (p: string): string => `${p}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

function context(
  props: Record<string, string>,
  offsets: Map<string, OffsetMap> = new Map(),
): SourceTaskContext {
  return {
    configs: () => props,
    offsetStorageReader: () => ({
      offset: (p: OffsetMap) => offsets.get(JSON.stringify(p)) ?? null,
      offsets: (ps: OffsetMap[]) => new Map(ps.map((p) => [p, offsets.get(JSON.stringify(p)) ?? null])),
    }),
  };
}

async function pollUntil(task: JdbcSourceTask, count: number, timeoutMs = 15000): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  const end = Date.now() + timeoutMs;
  while (out.length < count && Date.now() < end) out.push(...((await task.poll()) ?? []));
  return out;
}

async function startTask(
  props: Record<string, string>,
  offsets?: Map<string, OffsetMap>,
): Promise<JdbcSourceTask> {
  const connector = new JdbcSourceConnector();
  connector.initialize({ requestTaskReconfiguration: () => undefined, raiseError: () => undefined });
  await connector.start(props);
  const [taskProps] = connector.taskConfigs(1);
  connector.stop();
  const task = new JdbcSourceTask();
  task.initialize(context(taskProps, offsets));
  await task.start(taskProps);
  return task;
}

void describe('JdbcSourceConnector on PostgreSQL', () => {
  const db = new pg.Client({ connectionString: PG_URL });
  const products = name('products');
  before(async () => {
    await db.connect();
    await db.query(
      `CREATE TABLE ${products} (id SERIAL PRIMARY KEY, name VARCHAR(100), price DECIMAL(10,2), created_at TIMESTAMP DEFAULT NOW())`,
    );
    await db.query(
      `INSERT INTO ${products} (name, price) VALUES ('Laptop', 999.99), ('Phone', 599.99), ('Tablet', 399.99)`,
    );
  });
  after(async () => {
    await db.query(`DROP TABLE IF EXISTS ${products}`);
    await db.end();
  });

  void it('exercise 1: incrementing mode gives Laptop, Phone, Tablet then Headphones with the real schemas and offsets', async () => {
    const props = {
      'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
      'connection.url': JDBC_URL,
      'connection.user': u.username,
      'connection.password': decodeURIComponent(u.password),
      'table.whitelist': products,
      mode: 'incrementing',
      'incrementing.column.name': 'id',
      'topic.prefix': 'pg-',
      'poll.interval.ms': '200',
      'tasks.max': '1',
    };
    const task = await startTask(props);
    try {
      const first = await pollUntil(task, 3);
      assert.deepEqual(
        first.map((r) => (r.value as Struct).get('name')),
        ['Laptop', 'Phone', 'Tablet'],
      );
      const r0 = first[0];
      assert.equal(r0.topic, `pg-${products}`);
      assert.equal(r0.key, null);
      assert.equal(r0.keySchema, null);
      assert.equal(r0.kafkaPartition, null);
      const schema = r0.valueSchema!;
      assert.equal(schema.name, products);
      assert.deepEqual(
        schema.fields.map((f) => [f.name, f.schema.type, f.schema.isOptional, f.schema.name]),
        [
          ['id', 'INT32', false, null],
          ['name', 'STRING', true, null],
          ['price', 'BYTES', true, 'org.apache.kafka.connect.data.Decimal'],
          ['created_at', 'INT64', true, 'org.apache.kafka.connect.data.Timestamp'],
        ],
      );
      const price = schema.field('price')!.schema;
      assert.deepEqual(
        [...price.parameters!],
        [
          ['scale', '2'],
          ['connect.decimal.precision', '10'],
        ],
      );
      assert.ok((r0.value as Struct).get('price') instanceof BigDecimal);
      assert.equal(((r0.value as Struct).get('price') as BigDecimal).toString(), '999.99');
      assert.deepEqual(r0.sourcePartition, { protocol: '1', table: `public.${products}` });
      assert.deepEqual(
        first.map((r) => r.sourceOffset),
        [{ incrementing: 1n }, { incrementing: 2n }, { incrementing: 3n }],
      );

      await db.query(`INSERT INTO ${products} (name, price) VALUES ('Headphones', 149.99)`);
      const next = await pollUntil(task, 1);
      assert.deepEqual(
        next.map((r) => (r.value as Struct).get('name')),
        ['Headphones'],
      );
      assert.deepEqual(next[0].sourceOffset, { incrementing: 4n });
    } finally {
      await task.stop();
    }
    // restart from the committed offset: nothing re-read, only the new row
    await db.query(`INSERT INTO ${products} (name, price) VALUES ('Mouse', 19.99)`);
    const offsets = new Map([
      [JSON.stringify({ protocol: '1', table: `public.${products}` }), { incrementing: 4n }],
    ]);
    const resumed = await startTask(props, offsets);
    try {
      const recs = await pollUntil(resumed, 1);
      assert.deepEqual(
        recs.map((r) => (r.value as Struct).get('name')),
        ['Mouse'],
      );
    } finally {
      await resumed.stop();
    }
  });

  void it('bulk mode re-reads the table with partition {table} and no offset; batch.max.rows bounds each poll', async () => {
    const task = await startTask({
      'connection.url': JDBC_URL,
      'connection.user': u.username,
      'connection.password': decodeURIComponent(u.password),
      'table.whitelist': products,
      mode: 'bulk',
      'batch.max.rows': '2',
      'topic.prefix': 'b-',
      'poll.interval.ms': '100',
    });
    try {
      const a = (await task.poll()) ?? [];
      assert.equal(a.length, 2);
      assert.deepEqual(a[0].sourcePartition, { table: products });
      assert.equal(a[0].sourceOffset, null);
      const rest = await pollUntil(task, 3);
      assert.ok(rest.length >= 3);
    } finally {
      await task.stop();
    }
  });

  void it('timestamp+incrementing mode: offsets carry timestamp and timestamp_nanos; numeric.mapping best_fit', async () => {
    const t = name('ts');
    await db.query(
      `CREATE TABLE ${t} (id BIGSERIAL PRIMARY KEY, amount NUMERIC(5,0) NOT NULL, ratio NUMERIC(6,3), updated TIMESTAMP(6) NOT NULL)`,
    );
    await db.query(`INSERT INTO ${t} (amount, ratio, updated) VALUES (7, 1.5, '2024-01-02 03:04:05.123456')`);
    try {
      const task = await startTask({
        'connection.url': JDBC_URL,
        'connection.user': u.username,
        'connection.password': decodeURIComponent(u.password),
        'table.whitelist': t,
        mode: 'timestamp+incrementing',
        'incrementing.column.name': 'id',
        'timestamp.column.name': 'updated',
        'numeric.mapping': 'best_fit',
        'poll.interval.ms': '100',
      });
      try {
        const [r] = await pollUntil(task, 1);
        const v = r.value as Struct;
        assert.equal(v.get('id'), 1n);
        assert.equal(v.get('amount'), 7);
        assert.equal(r.valueSchema!.field('amount')!.schema.type, 'INT32');
        assert.equal(v.get('ratio'), 1.5);
        assert.deepEqual(r.sourceOffset, {
          incrementing: 1n,
          timestamp: 1704164645123n,
          timestamp_nanos: 123456000n,
        });
      } finally {
        await task.stop();
      }
    } finally {
      await db.query(`DROP TABLE ${t}`);
    }
  });

  void it('bad input: a non-numeric incrementing column fails the task saying what to fix', async () => {
    const t = name('strinc');
    await db.query(`CREATE TABLE ${t} (code TEXT NOT NULL, v INT)`);
    await db.query(`INSERT INTO ${t} VALUES ('a', 1)`);
    try {
      const task = await startTask({
        'connection.url': JDBC_URL,
        'connection.user': u.username,
        'connection.password': decodeURIComponent(u.password),
        'table.whitelist': t,
        mode: 'incrementing',
        'incrementing.column.name': 'code',
      });
      try {
        await assert.rejects(task.poll(), /Invalid type for incrementing column: STRING/);
      } finally {
        await task.stop();
      }
    } finally {
      await db.query(`DROP TABLE ${t}`);
    }
  });

  void it('bad input: missing table → task fails with the real message; wrong password / wrong user / unreachable host → validate error on connection.url', async (t) => {
    const props = {
      'connection.url': JDBC_URL,
      'connection.user': u.username,
      'connection.password': decodeURIComponent(u.password),
      'table.whitelist': name('missing'),
      mode: 'incrementing',
      'incrementing.column.name': 'id',
    };
    await assert.rejects(startTask(props), /it was not assigned a table nor a query/);
    const connector = new JdbcSourceConnector();
    const where = `PostgreSQL at ${u.hostname}:${u.port}`;
    const urlError = async (over: Record<string, string>): Promise<string | undefined> =>
      (await connector.validate({ ...props, ...over })).find((v) => v.name === 'connection.url')!
        .errorMessages[0];
    const wrongPassword = `wrong-${randomBytes(4).toString('hex')}`;
    // The launcher's lab Postgres (what CI runs) checks passwords; a server that trusts local
    // logins (some dev setups) accepts any password, so ask the server which one this is.
    // (explicit fields: pg lets a connectionString's password win over a `password` option)
    const probe = new pg.Client({
      host: u.hostname,
      port: Number(u.port),
      database: u.pathname.slice(1) || 'postgres',
      user: decodeURIComponent(u.username),
      password: wrongPassword,
    });
    const trusts = await probe.connect().then(
      async () => {
        await probe.end();
        return true;
      },
      () => false,
    );
    if (trusts) {
      t.diagnostic('this PostgreSQL trusts local logins: a wrong password cannot fail here');
      assert.equal(await urlError({ 'connection.password': wrongPassword }), undefined);
      assert.match(
        (await urlError({ 'connection.user': 'nosuchuser' })) ?? '',
        new RegExp(`^Could not connect to database\\. ${where} rejected user "nosuchuser"`),
      );
    } else {
      const badPassword = (await urlError({ 'connection.password': wrongPassword })) ?? '';
      assert.equal(
        badPassword,
        `Could not connect to database. Password authentication failed for user "${u.username}" on ${where}: check the configured user and password.`,
      );
      assert.ok(!badPassword.includes(wrongPassword), 'the password never appears in the message');
      // PostgreSQL does not tell an unknown user from a wrong password (no user enumeration)
      assert.equal(
        await urlError({ 'connection.user': 'nosuchuser' }),
        `Could not connect to database. Password authentication failed for user "nosuchuser" on ${where}: check the configured user and password.`,
      );
    }
    // the right credentials validate clean: the failures above are the credentials, nothing else
    assert.equal(await urlError({}), undefined);
    const unreachable = await connector.validate({
      ...props,
      'connection.url': 'jdbc:postgresql://127.0.0.1:1/postgres',
    });
    assert.match(
      unreachable.find((v) => v.name === 'connection.url')!.errorMessages[0] ?? '',
      /connection refused/,
    );
    const mixed = await connector.validate({ ...props, 'table.include.list': 'public\\..*' });
    assert.match(
      mixed.find((v) => v.name === 'table.include.list')!.errorMessages[0] ?? '',
      /Cannot mix legacy and new/,
    );
  });
});
