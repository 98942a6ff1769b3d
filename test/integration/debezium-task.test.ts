/**
 * Our Debezium PostgreSQL task against the real PostgreSQL: restart from committed offsets loses
 * nothing and re-reads nothing already committed, the slot's confirmed flush moves only on commit(),
 * slot.drop.on.stop, snapshot.mode no_data and on restart (offset/slot kept or gone), and bad input (plugin.name, missing table, wal_level=replica,
 * validate).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { OffsetMap } from '../../runtime/api/connector';
import type { SourceRecord } from '../../runtime/api/records';
import { PostgresConnector } from '../../runtime/connectors/debezium/postgres-connector';
import { PostgresConnectorTask } from '../../runtime/connectors/debezium/postgres-connector-task';
import type { Struct } from '../../runtime/data/struct';
import { javaStackTrace } from '../../runtime/errors/error-mapper';
import { startScratchPostgres } from '../support/scratch-postgres';

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';
const u = new URL(PG_URL);
const sfx = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const table = `cdc_${sfx}`;

function props(slot: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'database.hostname': u.hostname,
    'database.port': u.port,
    'database.user': u.username,
    'database.password': decodeURIComponent(u.password),
    'database.dbname': u.pathname.slice(1) || 'postgres',
    'topic.prefix': `srv${sfx}`,
    'plugin.name': 'pgoutput',
    'slot.name': slot,
    'publication.name': `pub_${slot}`,
    'publication.autocreate.mode': 'filtered',
    'table.include.list': `public.${table}`,
    ...extra,
  };
}

async function startTask(
  p: Record<string, string>,
  offset: OffsetMap | null = null,
): Promise<PostgresConnectorTask> {
  const task = new PostgresConnectorTask();
  task.initialize({
    configs: () => p,
    offsetStorageReader: () => ({
      offset: () => offset,
      offsets: (ps: OffsetMap[]) => new Map(ps.map((x) => [x, offset])),
    }),
  });
  await task.start(p);
  return task;
}

async function pollFor(task: PostgresConnectorTask, n: number, ms = 10000): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  const end = Date.now() + ms;
  while (out.length < n && Date.now() < end) out.push(...((await task.poll()) ?? []));
  return out;
}

const idOf = (r: SourceRecord): unknown => (r.key as Struct | null)?.get('id');

void describe('Debezium PostgreSQL task on the real PostgreSQL', () => {
  const db = new pg.Client({ connectionString: PG_URL });
  before(async () => {
    await db.connect();
    await db.query(`CREATE TABLE ${table} (id INT PRIMARY KEY, v TEXT)`);
    await db.query(`INSERT INTO ${table} VALUES (1, 'a'), (2, 'b')`);
  });
  after(async () => {
    await db.query(`DROP TABLE IF EXISTS ${table}`);
    for (const r of (
      await db.query<{ pubname: string }>(`SELECT pubname FROM pg_publication WHERE pubname LIKE '%${sfx}%'`)
    ).rows) {
      await db.query(`DROP PUBLICATION ${r.pubname}`);
    }
    await db.end();
  });

  void it('uses topic.prefix for topics and the source partition, snapshots, streams, resumes after restart without loss, drops the slot on stop', async () => {
    const slot = `resume_${sfx}`;
    const p = props(slot, { 'slot.drop.on.stop': 'true' });
    let task = await startTask(p);
    const snap = await pollFor(task, 2);
    assert.deepEqual(snap.map(idOf), [1, 2]);
    assert.equal(snap[0].topic, `srv${sfx}.public.${table}`);
    assert.deepEqual(snap[0].sourcePartition, { server: `srv${sfx}` });
    await db.query(`INSERT INTO ${table} VALUES (3, 'c')`);
    await db.query(`INSERT INTO ${table} VALUES (4, 'd')`);
    const streamed = await pollFor(task, 2);
    assert.deepEqual(streamed.map(idOf), [3, 4]);
    // only record 3 was acknowledged and committed before the "crash"
    task.commitRecord(streamed[0], null);
    await task.commit();
    const committed = streamed[0].sourceOffset as OffsetMap;
    const flushed = await db.query<{ lsn: string | null }>(
      'SELECT confirmed_flush_lsn::text AS lsn FROM pg_replication_slots WHERE slot_name = $1',
      [slot],
    );
    assert.ok(flushed.rows[0]?.lsn, 'slot has a confirmed flush position');
    await task.stop(); // slot.drop.on.stop=true would drop it: recreate the situation without dropping
    const gone = await db.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [slot]);
    assert.equal(gone.rows.length, 0, 'slot.drop.on.stop dropped the slot');

    // restart with a kept slot: commit 3, crash, restart → 4 and 5 arrive, 3 is not repeated
    const slot2 = `keep_${sfx}`;
    const p2 = props(slot2, { 'snapshot.mode': 'no_data' });
    task = await startTask(p2);
    await sleep(500);
    await db.query(`INSERT INTO ${table} VALUES (5, 'e')`);
    await db.query(`INSERT INTO ${table} VALUES (6, 'f')`);
    const got = await pollFor(task, 2);
    assert.deepEqual(got.map(idOf), [5, 6]);
    task.commitRecord(got[0], null);
    await task.commit();
    const offset = got[0].sourceOffset as OffsetMap;
    await task.stop();
    await db.query(`INSERT INTO ${table} VALUES (7, 'g')`);
    task = await startTask(p2, offset);
    const again = await pollFor(task, 2);
    assert.deepEqual(again.map(idOf), [6, 7]);
    await task.stop();
    await db.query('SELECT pg_drop_replication_slot($1)', [slot2]).catch(() => undefined);
    assert.ok(committed);
  });

  void it('snapshot.mode on restart: offset + slot kept → stream only; slot gone → when_needed snapshots again, no_data/always/initial fail as Debezium does', async () => {
    const t2 = `snapmode_${sfx}`;
    await db.query(`CREATE TABLE ${t2} (id INT PRIMARY KEY, v TEXT)`);
    await db.query(`INSERT INTO ${t2} VALUES (1, 'a'), (2, 'b')`);
    const slot = `snapmode_${sfx}`;
    const p = (mode: string): Record<string, string> =>
      props(slot, { 'table.include.list': `public.${t2}`, 'snapshot.mode': mode });
    const markers = (rs: SourceRecord[]): string[] =>
      rs.map((r) => {
        const v = r.value as Struct;
        const src = v.get('source') as Struct;
        return `${String(v.get('op'))}${String(idOf(r))}/${String(src.get('snapshot'))}`;
      });
    try {
      // no offset: snapshot, then an insert streamed and committed
      let task = await startTask(p('when_needed'));
      assert.deepEqual(markers(await pollFor(task, 2)), ['r1/first', 'r2/last']);
      await db.query(`INSERT INTO ${t2} VALUES (3, 'c')`);
      const [c3] = await pollFor(task, 1);
      task.commitRecord(c3, null);
      await task.commit();
      const offset = c3.sourceOffset as OffsetMap;
      await task.stop();
      // offset and slot kept: no snapshot, the stream goes on
      await db.query(`INSERT INTO ${t2} VALUES (4, 'd')`);
      task = await startTask(p('when_needed'), offset);
      assert.deepEqual(markers(await pollFor(task, 1)), ['c4/false']);
      await task.stop();
      // slot gone: the stored offset cannot be served any more
      await dropSlot(slot);
      for (const mode of ['no_data', 'always', 'initial']) {
        await assert.rejects(
          startTask(p(mode), offset),
          (e: Error) =>
            e.constructor.name === 'DebeziumException' &&
            /^The connector is trying to read change stream starting at PostgresOffsetContext \[.*\], but this is no longer available on the server\. Reconfigure the connector to use a snapshot mode when needed\.$/.test(
              e.message,
            ),
        );
        const created = await db.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [slot]);
        assert.equal(created.rows.length, 0, `${mode}: no slot is created`);
      }
      task = await startTask(p('when_needed'), offset);
      assert.deepEqual(markers(await pollFor(task, 4)), ['r1/first', 'r2/true', 'r3/true', 'r4/last']);
      await task.stop();
    } finally {
      await dropSlot(slot);
      await db.query(`DROP TABLE IF EXISTS ${t2}`);
    }
  });

  void it('bad input: plugin.name decoderbufs and a table list matching nothing fail the task in plain words', async () => {
    await assert.rejects(
      startTask(props(`bad1_${sfx}`, { 'plugin.name': 'decoderbufs' })),
      /Set "plugin.name": "pgoutput"/,
    );
    await assert.rejects(
      startTask(props(`bad2_${sfx}`, { 'table.include.list': `public.nosuchtable_${sfx}` })),
      /No table matches the table\/schema include and exclude lists/,
    );
  });

  void it('wal_level=replica: the task fails with the real connector trace (DebeziumException caused by PSQLException) and no slot is left', async () => {
    const replica = await startScratchPostgres('replica');
    try {
      const r = new pg.Client({ connectionString: replica.url });
      await r.connect();
      await r.query('CREATE TABLE walcheck (id int PRIMARY KEY)');
      const p = {
        ...props(`wal_${sfx}`, { 'table.include.list': 'public.walcheck' }),
        'database.port': String(replica.port),
      };
      let thrown: unknown = null;
      await startTask(p).catch((e: unknown) => (thrown = e));
      assert.ok(thrown, 'the task started on a wal_level=replica server');
      // the exception lines of the real Debezium 3.6.1 task's trace (test/compat/debezium-rest-differential.test.ts)
      const lines = javaStackTrace(thrown)
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('\tat '));
      assert.deepEqual(lines, [
        'io.debezium.DebeziumException: Creation of replication slot failed',
        'Caused by: org.postgresql.util.PSQLException: ERROR: logical decoding requires wal_level >= logical',
      ]);
      const slots = await r.query('SELECT slot_name FROM pg_replication_slots');
      assert.equal(slots.rows.length, 0);
      await r.end();
    } finally {
      await replica.stop();
    }
  });

  void it('validate: unknown plugin.name, missing topic.prefix (database.server.name is not read) and unreachable host are reported on their keys', async () => {
    const c = new PostgresConnector();
    const base = props(`val_${sfx}`);
    delete base['topic.prefix'];
    base['database.server.name'] = `srv${sfx}`;
    const v1 = await c.validate({ ...base, 'plugin.name': 'wal2json' });
    assert.match(
      v1.find((v) => v.name === 'plugin.name')!.errorMessages[0] ?? '',
      /The 'plugin.name' value is invalid/,
    );
    assert.match(v1.find((v) => v.name === 'topic.prefix')!.errorMessages[0] ?? '', /A value is required/);
    const v2 = await c.validate({ ...base, 'topic.prefix': 'x', 'database.port': '1' });
    assert.match(
      v2.find((v) => v.name === 'database.hostname')!.errorMessages[0] ?? '',
      /^Error while validating connector config: Could not connect/,
    );
  });
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Drops a replication slot, retrying while a just-stopped stream still holds it. */
async function dropSlot(slot: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    for (let i = 0; i < 50; i++) {
      try {
        await c.query(
          'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1',
          [slot],
        );
        return;
      } catch {
        await sleep(200);
      }
    }
  } finally {
    await c.end();
  }
}
