/**
 * Debezium PostgreSQL options on the real PostgreSQL, task level: heartbeat.interval.ms (records on
 * __debezium-heartbeat.<prefix>), snapshot.mode initial_only (snapshot, then nothing streamed),
 * no_data (stream only), always (snapshot again although the stored offset says it was done, then
 * stream from the snapshot's LSN: what changed while stopped is in the snapshot, not streamed again).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { OffsetMap } from '../../runtime/api/connector';
import type { SourceRecord } from '../../runtime/api/records';
import { PostgresConnectorTask } from '../../runtime/connectors/debezium/postgres-connector-task';
import type { Struct } from '../../runtime/data/struct';

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';
const u = new URL(PG_URL);
const sfx = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const table = `opts_${sfx}`;

function props(name: string, extra: Record<string, string>): Record<string, string> {
  return {
    'database.hostname': u.hostname,
    'database.port': u.port,
    'database.user': u.username,
    'database.password': decodeURIComponent(u.password),
    'database.dbname': u.pathname.slice(1) || 'postgres',
    'topic.prefix': `p${name}${sfx}`,
    'plugin.name': 'pgoutput',
    'slot.name': `${name}_${sfx}`,
    'publication.name': `${name}_${sfx}_pub`,
    'publication.autocreate.mode': 'filtered',
    'table.include.list': `public.${table}`,
    'slot.drop.on.stop': 'true',
    ...extra,
  };
}

async function start(
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

async function pollFor(task: PostgresConnectorTask, ms: number, until = Infinity): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end && out.length < until) out.push(...((await task.poll()) ?? []));
  return out;
}

const ops = (rs: SourceRecord[]): string[] =>
  rs
    .filter((r) => r.value !== null && !r.topic.startsWith('__'))
    .map((r) => String((r.value as Struct).get('op')));

void describe('Debezium PostgreSQL options on the real PostgreSQL', () => {
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
    ).rows)
      await db.query(`DROP PUBLICATION ${r.pubname}`);
    await db.end();
  });

  void it('heartbeat.interval.ms: heartbeats on __debezium-heartbeat.<prefix> keyed by the server name', async () => {
    const p = props('hb', { 'heartbeat.interval.ms': '300', 'snapshot.mode': 'no_data' });
    const task = await start(p);
    try {
      const beats = (await pollFor(task, 3000)).filter((r) => r.topic.startsWith('__debezium-heartbeat'));
      assert.ok(beats.length >= 2, `${beats.length} heartbeats in 3 s at 300 ms`);
      const b = beats[0];
      assert.equal(b.topic, `__debezium-heartbeat.p${'hb'}${sfx}`);
      assert.equal(b.keySchema?.name, 'io.debezium.connector.common.ServerNameKey');
      assert.equal((b.key as Struct).get('serverName'), `phb${sfx}`);
      assert.equal(b.valueSchema?.name, 'io.debezium.connector.common.Heartbeat');
      assert.equal(typeof (b.value as Struct).get('ts_ms'), 'bigint');
    } finally {
      await task.stop();
    }
  });

  void it('snapshot.mode initial_only reads the table and streams nothing; no_data streams only', async () => {
    const only = await start(props('io', { 'snapshot.mode': 'initial_only' }));
    const stream = await start(props('nd', { 'snapshot.mode': 'no_data' }));
    try {
      const snap = await pollFor(only, 15_000, 2);
      assert.deepEqual(ops(snap), ['r', 'r']);
      await pollFor(stream, 1000);
      await db.query(`INSERT INTO ${table} VALUES (3, 'c')`);
      const streamed = await pollFor(stream, 15_000, 1);
      assert.deepEqual(ops(streamed), ['c'], 'no_data: no snapshot reads, the insert streams');
      assert.deepEqual(ops(await pollFor(only, 2000)), [], 'initial_only: nothing after the snapshot');
      // it never streams, so (as Debezium) it creates neither a replication slot nor a publication
      const slot = await db.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [`io_${sfx}`]);
      const pub = await db.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [`io_${sfx}_pub`]);
      assert.deepEqual([slot.rows.length, pub.rows.length], [0, 0], 'initial_only: slot, publication');
      // restarted with the snapshot's offset: no slot is needed, no new snapshot, still nothing streamed
      const offset = snap.at(-1)!.sourceOffset;
      await only.stop();
      const again = await start(props('io', { 'snapshot.mode': 'initial_only' }), offset);
      await db.query(`UPDATE ${table} SET v = 'a2' WHERE id = 1`);
      assert.deepEqual(ops(await pollFor(again, 2000)), [], 'initial_only restarted: nothing');
      await again.stop();
    } finally {
      await only.stop();
      await stream.stop();
      await db.query(`DELETE FROM ${table} WHERE id = 3`);
    }
  });

  void it('snapshot.mode always snapshots again although the stored offset says the snapshot was done', async () => {
    const p = props('al', { 'snapshot.mode': 'always', 'slot.drop.on.stop': 'false' });
    const first = await start(p);
    let offset: OffsetMap | null = null;
    try {
      const snap = await pollFor(first, 15_000, 2);
      assert.deepEqual(ops(snap), ['r', 'r']);
      assert.equal(snap.at(-1)!.sourceOffset?.last_snapshot_record, true);
      await db.query(`INSERT INTO ${table} VALUES (10, 'streamed')`);
      const streamed = await pollFor(first, 15_000, 1);
      assert.deepEqual(ops(streamed), ['c']);
      offset = streamed.at(-1)!.sourceOffset;
    } finally {
      await first.stop();
    }
    // changed while stopped (the slot's confirmed flush is still before both inserts): the new
    // snapshot holds row 11, and streaming starts at the snapshot's LSN, so neither insert comes again
    await db.query(`INSERT INTO ${table} VALUES (11, 'while stopped')`);
    const again = await start(p, offset);
    try {
      const snap = await pollFor(again, 15_000, 4);
      const read = snap.map(
        (r) => `${String((r.value as Struct).get('op'))}${String((r.key as Struct).get('id'))}`,
      );
      assert.deepEqual(read.sort(), ['r1', 'r10', 'r11', 'r2']);
      await db.query(`UPDATE ${table} SET v = 'x' WHERE id = 11`);
      const next = await pollFor(again, 15_000, 1);
      assert.deepEqual(ops(next), ['u']);
      // a fresh offset after the snapshot, as Debezium's: no lsn_commit until a commit was seen
      assert.equal(next[0].sourceOffset?.lsn_commit, undefined);
      const source = (next[0].value as Struct).get('source') as Struct;
      assert.match(String(source.get('sequence')), /^\[null,"\d+"\]$/);
    } finally {
      await again.stop();
      await db.query(
        'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1',
        [`al_${sfx}`],
      );
      await db.query(`DELETE FROM ${table} WHERE id >= 10`);
    }
  });
});
