/** JDBC sink task against the real PostgreSQL: auto.create, upsert idempotence, auto.evolve, deletes, kafka pk mode, errors. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { SinkRecord } from '../../runtime/api/records';
import { JdbcSinkConnector } from '../../runtime/connectors/jdbc/jdbc-sink-connector';
import { JdbcSinkTask } from '../../runtime/connectors/jdbc/jdbc-sink-task';
import { BigDecimal } from '../../runtime/data/big-decimal';
import { Decimal } from '../../runtime/data/logical-types';
import { Schema } from '../../runtime/data/schema';
import { SchemaBuilder } from '../../runtime/data/schema-builder';
import { Struct } from '../../runtime/data/struct';

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';
const u = new URL(PG_URL);
const JDBC_URL = `jdbc:postgresql://${u.hostname}:${u.port}/${u.pathname.slice(1) || 'postgres'}`;
const sfx = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const keySchema = SchemaBuilder.struct().name('k').field('id', Schema.INT32_SCHEMA).build();
const v1 = SchemaBuilder.struct()
  .name('v')
  .field('id', Schema.INT32_SCHEMA)
  .field('name', Schema.OPTIONAL_STRING_SCHEMA)
  .field('price', Decimal.builder(2).optional().build())
  .build();
const v2 = SchemaBuilder.struct()
  .name('v')
  .field('id', Schema.INT32_SCHEMA)
  .field('name', Schema.OPTIONAL_STRING_SCHEMA)
  .field('price', Decimal.builder(2).optional().build())
  .field('qty', Schema.OPTIONAL_INT64_SCHEMA)
  .build();

function rec(
  topic: string,
  id: number,
  name: string | null,
  offset: number,
  schema = v1,
  qty?: bigint,
): SinkRecord {
  const v =
    name === null
      ? null
      : new Struct(schema).put('id', id).put('name', name).put('price', new BigDecimal(1999n, 2));
  if (v && qty !== undefined) v.put('qty', qty);
  return new SinkRecord(
    topic,
    0,
    keySchema,
    new Struct(keySchema).put('id', id),
    v ? schema : null,
    v,
    offset,
  );
}

async function task(props: Record<string, string>): Promise<JdbcSinkTask> {
  const t = new JdbcSinkTask();
  await t.start({
    'connection.url': JDBC_URL,
    'connection.user': u.username,
    'connection.password': decodeURIComponent(u.password),
    ...props,
  });
  return t;
}

void describe('JdbcSinkConnector on PostgreSQL', () => {
  const db = new pg.Client({ connectionString: PG_URL });
  before(() => db.connect());
  after(async () => {
    for (const r of (
      await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE tablename LIKE '%${sfx}'`)
    ).rows)
      await db.query(`DROP TABLE "${r.tablename}"`);
    await db.end();
  });

  void it('upsert with pk.mode record_key: auto.create, idempotent redelivery, auto.evolve, delete on tombstone', async () => {
    const topic = `orders_${sfx}`;
    const t = await task({
      'insert.mode': 'upsert',
      'pk.mode': 'record_key',
      'auto.create': 'true',
      'auto.evolve': 'true',
      'delete.enabled': 'true',
    });
    try {
      const batch = [rec(topic, 1, 'a', 0), rec(topic, 2, 'b', 1), rec(topic, 1, 'a2', 2)];
      await t.put(batch);
      await t.put(batch); // redelivery writes nothing twice
      let rows = (await db.query(`SELECT id, name, price::text FROM "${topic}" ORDER BY id`)).rows;
      assert.deepEqual(rows, [
        { id: 1, name: 'a2', price: '19.99' },
        { id: 2, name: 'b', price: '19.99' },
      ]);
      const cols = (
        await db.query(
          `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
          [topic],
        )
      ).rows;
      assert.deepEqual(
        cols.map((c: { column_name: string }) => c.column_name),
        ['id', 'name', 'price'],
      );
      await t.put([rec(topic, 3, 'c', 3, v2, 5n)]);
      rows = (await db.query(`SELECT id, qty FROM "${topic}" ORDER BY id`)).rows;
      assert.deepEqual(rows, [
        { id: 1, qty: null },
        { id: 2, qty: null },
        { id: 3, qty: '5' },
      ]);
      await t.put([rec(topic, 2, null, 4)]);
      rows = (await db.query(`SELECT id FROM "${topic}" ORDER BY id`)).rows;
      assert.deepEqual(rows, [{ id: 1 }, { id: 3 }]);
    } finally {
      await t.stop();
    }
  });

  void it('insert with pk.mode kafka and table.name.format; missing table without auto.create fails in words', async () => {
    const topic = `events_${sfx}`;
    const t = await task({
      'pk.mode': 'kafka',
      'auto.create': 'true',
      'table.name.format': 'kafka_${topic}',
    });
    try {
      await t.put([rec(topic, 1, 'x', 7)]);
      const rows = (
        await db.query(
          `SELECT __connect_topic, __connect_partition, __connect_offset::text, id, name FROM "kafka_${topic}"`,
        )
      ).rows;
      assert.deepEqual(rows, [
        { __connect_topic: topic, __connect_partition: 0, __connect_offset: '7', id: 1, name: 'x' },
      ]);
    } finally {
      await t.stop();
    }
    const t2 = await task({});
    try {
      await assert.rejects(
        t2.put([rec(`missing_${sfx}`, 1, 'x', 0)]),
        /Table "missing_.*" is missing and auto-creation is disabled/,
      );
    } finally {
      await t2.stop();
    }
  });

  void it('validate: delete.enabled needs pk.mode record_key', async () => {
    const values = await new JdbcSinkConnector().validate({
      'connection.url': JDBC_URL,
      'delete.enabled': 'true',
      'pk.mode': 'record_value',
    });
    assert.deepEqual(values.find((v) => v.name === 'delete.enabled')!.errorMessages, [
      'Deletes are only supported for pk.mode record_key',
    ]);
  });
});
