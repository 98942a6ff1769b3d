/**
 * JDBC source and sink on the real PostgreSQL, how they move rows: the source streams a query
 * through a cursor (batch.max.rows per poll, the cursor's transaction open only until the last row),
 * the sink writes one transaction per put() with multi-row statements of batch.size rows, keeping
 * record order across writes and deletes and upsert idempotent.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { OffsetMap } from '../../runtime/api/connector';
import { SinkRecord } from '../../runtime/api/records';
import { JdbcSinkTask } from '../../runtime/connectors/jdbc/jdbc-sink-task';
import { JdbcSourceTask } from '../../runtime/connectors/jdbc/jdbc-source-task';
import { Schema } from '../../runtime/data/schema';
import { SchemaBuilder } from '../../runtime/data/schema-builder';
import { Struct } from '../../runtime/data/struct';

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';
const u = new URL(PG_URL);
const JDBC_URL = `jdbc:postgresql://${u.hostname}:${u.port}/${u.pathname.slice(1) || 'postgres'}`;
const sfx = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const connection = {
  'connection.url': JDBC_URL,
  'connection.user': u.username,
  'connection.password': decodeURIComponent(u.password),
};

const keySchema = SchemaBuilder.struct().name('k').field('id', Schema.INT32_SCHEMA).build();
const valueSchema = SchemaBuilder.struct()
  .name('v')
  .field('id', Schema.INT32_SCHEMA)
  .field('name', Schema.OPTIONAL_STRING_SCHEMA)
  .build();

function rec(topic: string, id: number, name: string | null, offset: number): SinkRecord {
  const v = name === null ? null : new Struct(valueSchema).put('id', id).put('name', name);
  return new SinkRecord(
    topic,
    0,
    keySchema,
    new Struct(keySchema).put('id', id),
    v ? valueSchema : null,
    v,
    offset,
  );
}

void describe('JDBC batching on PostgreSQL', () => {
  const db = new pg.Client({ connectionString: PG_URL });
  const source = `big_${sfx}`;
  before(async () => {
    await db.connect();
    await db.query(`CREATE TABLE ${source} (id INT PRIMARY KEY, name TEXT)`);
    await db.query(`INSERT INTO ${source} SELECT g, 'n' || g FROM generate_series(1, 2500) g`);
  });
  after(async () => {
    for (const r of (
      await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE tablename LIKE '%${sfx}'`)
    ).rows)
      await db.query(`DROP TABLE "${r.tablename}"`);
    await db.end();
  });

  void it('source: a query streams through a cursor, batch.max.rows per poll, its transaction ends with the last row', async () => {
    const props = {
      ...connection,
      tables: `"public"."${source}"`,
      'tables.fetched': 'true',
      mode: 'bulk',
      'topic.prefix': 'c-',
      'batch.max.rows': '1000',
      'poll.interval.ms': '3600000',
    };
    const task = new JdbcSourceTask();
    task.initialize({
      configs: () => props,
      offsetStorageReader: () => ({
        offset: () => null,
        offsets: (ps: OffsetMap[]) => new Map(ps.map((p) => [p, null])),
      }),
    });
    await task.start(props);
    // this file runs alone on the launcher's cluster: the task's connection is the only other client
    const state = async (): Promise<string[]> =>
      (
        await db.query<{ state: string }>(
          `SELECT state FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        )
      ).rows.map((r) => r.state);
    try {
      const sizes: number[] = [];
      const seen = new Set<number>();
      let inTransaction = 0;
      while (seen.size < 2500 && sizes.length < 10) {
        const batch = (await task.poll()) ?? [];
        if (batch.length === 0) continue;
        sizes.push(batch.length);
        for (const r of batch) seen.add((r.value as Struct).get('id') as number);
        if ((await state()).includes('idle in transaction')) inTransaction++;
      }
      assert.deepEqual(sizes, [1000, 1000, 500]);
      assert.equal(seen.size, 2500);
      // between the first polls the cursor (and its transaction) stayed open; after the last row it is gone
      assert.ok(inTransaction >= 2, `cursor transaction seen open after ${inTransaction} polls`);
      assert.ok(
        !(await state()).includes('idle in transaction'),
        'the cursor transaction ended with the last row',
      );
    } finally {
      await task.stop();
    }
  });

  void it('sink: one transaction per put, multi-row statements, order of writes and deletes kept', async () => {
    const topic = `batched_${sfx}`;
    const t = new JdbcSinkTask();
    await t.start({
      ...connection,
      'insert.mode': 'upsert',
      'pk.mode': 'record_key',
      'auto.create': 'true',
      'delete.enabled': 'true',
      'batch.size': '2',
    });
    try {
      // write, write, delete, write again (same key), more writes: order decides the end state
      const put = [
        rec(topic, 1, 'a', 0),
        rec(topic, 2, 'b', 1),
        rec(topic, 1, null, 2),
        rec(topic, 1, 'a-again', 3),
        rec(topic, 3, 'c', 4),
        rec(topic, 3, 'c2', 5),
        rec(topic, 4, 'd', 6),
      ];
      await t.put(put);
      await t.put(put); // redelivery: same end state
      const rows = (await db.query(`SELECT id, name FROM "${topic}" ORDER BY id`)).rows;
      assert.deepEqual(rows, [
        { id: 1, name: 'a-again' },
        { id: 2, name: 'b' },
        { id: 3, name: 'c2' },
        { id: 4, name: 'd' },
      ]);
    } finally {
      await t.stop();
    }

    // insert mode: a failing row late in the put rolls back the whole put (nothing half-written)
    const strict = `strict_${sfx}`;
    await db.query(`CREATE TABLE "${strict}" (id INT PRIMARY KEY, name TEXT)`);
    const s = new JdbcSinkTask();
    await s.start({ ...connection, 'insert.mode': 'insert', 'pk.mode': 'record_key', 'batch.size': '2' });
    try {
      await assert.rejects(
        s.put([
          rec(strict, 10, 'x', 0),
          rec(strict, 11, 'y', 1),
          rec(strict, 12, 'z', 2),
          rec(strict, 10, 'dup', 3),
        ]),
        /duplicate key/,
      );
      const n = (await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${strict}"`)).rows[0]?.n;
      assert.equal(n, '0', 'rows of a failed put were committed');
    } finally {
      await s.stop();
    }
  });
});
