/**
 * Differential test: the REAL Debezium 3.6.1 PostgreSQL connector (in the real Connect 4.4 worker)
 * and ours read the same tables through their own slots and publications while one DML script runs
 * (snapshot of existing rows, every type, inserts, updates incl. a PK change, deletes, a multi-row
 * transaction, REPLICA IDENTITY FULL and DEFAULT). Ours is driven at task level and its records are
 * converted with our JsonConverter/SimpleHeaderConverter; both topics are compared record for record
 * (keys, values with schemas, headers, order per key). Masked: processing timestamps, the run id
 * header, and the snapshot transaction's own txId/lsn/time (each connector takes its own snapshot).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startRealConnect } from '../support/real-connect';
import type { RealConnectWorker } from '../support/real-connect';
import { resolveDebeziumPluginPath } from '../support/real-debezium';
import type { OffsetMap } from '../../runtime/api/connector';
import type { SourceRecord } from '../../runtime/api/records';
import { PostgresConnectorTask } from '../../runtime/connectors/debezium/postgres-connector-task';
import { captureOurs, normalize, readTopics } from '../support/debezium-compare';

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';
const BOOTSTRAP = process.env.KCL_BOOTSTRAP_SERVERS ?? '127.0.0.1:19092';
const u = new URL(PG_URL);
const sfx = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const prefix = `dbzdiff${sfx}`;
const t1 = `alltypes_${sfx}`;
const t2 = `full_${sfx}`;
const mood = `mood_${sfx}`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Snapshot reads: 2 rows in each table. */
const SNAPSHOT_RECORDS = 4;
/**
 * The snapshot plus what the DML script streams: c, u, u, (d, tombstone, c) x2 for the two PK
 * changes, c, c, u in the transaction, (d, tombstone) x2 for the deletes = 4 + 16.
 */
const EXPECTED_RECORDS = SNAPSHOT_RECORDS + 16;

function connectorConfig(slot: string, publication: string): Record<string, string> {
  return {
    'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
    'database.hostname': u.hostname,
    'database.port': u.port,
    'database.user': u.username,
    'database.password': decodeURIComponent(u.password),
    'database.dbname': u.pathname.slice(1) || 'postgres',
    'topic.prefix': prefix,
    'plugin.name': 'pgoutput',
    'slot.name': slot,
    'publication.name': publication,
    'publication.autocreate.mode': 'filtered',
    'table.include.list': `public.${t1},public.${t2}`,
  };
}

void describe(
  'Debezium PostgreSQL: ours vs the real connector, record for record',
  { timeout: 600_000 },
  () => {
    const db = new pg.Client({ connectionString: PG_URL });
    let worker: RealConnectWorker | null = null;
    let task: PostgresConnectorTask | null = null;
    const realSlot = `real_${sfx}`;
    const ourSlot = `ours_${sfx}`;

    before(async () => {
      await db.connect();
      await db.query(`CREATE TYPE ${mood} AS ENUM ('sad','ok','happy')`);
      await db.query(`CREATE TABLE ${t1} (id SERIAL PRIMARY KEY, s SMALLINT, i INT NOT NULL DEFAULT 7, b BIGINT, n NUMERIC(10,2), nv NUMERIC, r REAL, d DOUBLE PRECISION,
      t TEXT, vc VARCHAR(20) DEFAULT 'x', c CHAR(3), bo BOOLEAN, dt DATE, tm TIME, tm3 TIME(3), ttz TIMETZ, ts TIMESTAMP, ts3 TIMESTAMP(3), tstz TIMESTAMPTZ,
      u UUID, j JSON, jb JSONB, by BYTEA, ia INT[], ta TEXT[], e ${mood})`);
      await db.query(`CREATE TABLE ${t2} (id INT PRIMARY KEY, name TEXT NOT NULL, qty INT)`);
      await db.query(`ALTER TABLE ${t2} REPLICA IDENTITY FULL`);
      await db.query(`INSERT INTO ${t2} VALUES (1,'snap',1), (5,'five',5)`);
      await db.query(`INSERT INTO ${t1} (s,b,n,nv,r,d,t,c,bo,dt,tm,tm3,ttz,ts,ts3,tstz,u,j,jb,by,ia,ta,e) VALUES
      (1, 9007199254740993, 12.30, 3.14159, 1.5, 2.25, 'snap', 'ab', true, '2024-02-29', '10:11:12.123456', '10:11:12.123', '10:11:12.5+02',
       '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05.123', '2024-01-02 03:04:05.1+01', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
       '{"a": 1}', '{"b": [1,2]}', '\\x0102ff', '{1,2,NULL}', '{"x","y z"}', 'happy'),
      (-32768, -1, -0.01, 100, -0, 1e300, 'quote "q" \\ back', 'xyz', false, '1970-01-01', '00:00:00', '23:59:59.999', '00:00:00+00',
       '1970-01-01 00:00:00', '1999-12-31 23:59:59.999', '2000-01-01 00:00:00+00', '00000000-0000-0000-0000-000000000000',
       '[]', '{}', '\\x', '{}', '{"a,b","NULL",NULL}', 'sad')`);
    });

    after(async () => {
      await task?.stop().catch(() => undefined);
      if (worker) {
        await fetch(`${worker.url}/connectors/real-${sfx}`, { method: 'DELETE' }).catch(() => undefined);
        await sleep(2000);
        await worker.stop();
      }
      for (const slot of [realSlot, ourSlot]) {
        for (let i = 0; i < 10; i++) {
          try {
            await db.query(
              'SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1',
              [slot],
            );
            break;
          } catch {
            await sleep(500);
          }
        }
      }
      await db
        .query(`DROP PUBLICATION IF EXISTS real_${sfx}; DROP PUBLICATION IF EXISTS ours_${sfx}`)
        .catch(() => undefined);
      await db.query(`DROP TABLE IF EXISTS ${t1}, ${t2}; DROP TYPE IF EXISTS ${mood}`).catch(() => undefined);
      await db.end();
    });

    void it('snapshot + streaming topics are identical', async () => {
      worker = await startRealConnect({
        pluginPath: [await resolveDebeziumPluginPath()],
        jvmProfile: 'fast',
        bootstrapServers: BOOTSTRAP,
      });
      const created = await fetch(`${worker.url}/connectors`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `real-${sfx}`, config: connectorConfig(realSlot, `real_${sfx}`) }),
      });
      assert.equal(created.status, 201, await created.text());

      task = new PostgresConnectorTask();
      const props = connectorConfig(ourSlot, `ours_${sfx}`);
      task.initialize({
        configs: () => props,
        offsetStorageReader: () => ({
          offset: () => null,
          offsets: (ps: OffsetMap[]) => new Map(ps.map((p) => [p, null])),
        }),
      });
      await task.start(props);
      const ours: SourceRecord[] = [];
      const drain = async (ms: number, until = Infinity): Promise<void> => {
        const end = Date.now() + ms;
        while (Date.now() < end && ours.length < until) {
          const recs = (await task!.poll()) ?? [];
          ours.push(...recs);
          for (const r of recs) task!.commitRecord(r, null);
        }
        await task!.commit();
      };
      // Both slots must exist (and the real connector be reading its own) before the DML runs, or
      // the real connector would see the changes as snapshot reads. On a loaded machine the real
      // worker can take minutes to get there: wait for the condition, bounded, and say so if not.
      const slotsReady = async (): Promise<boolean> => {
        const slots = await db.query<{ slot_name: string; active: boolean }>(
          'SELECT slot_name, active FROM pg_replication_slots WHERE slot_name = ANY($1)',
          [[realSlot, ourSlot]],
        );
        return (
          slots.rows.some((r) => r.slot_name === ourSlot) &&
          slots.rows.some((r) => r.slot_name === realSlot && r.active)
        );
      };
      const readyBy = Date.now() + 300_000;
      while (!(await slotsReady())) {
        assert.ok(Date.now() < readyBy, `replication slots ${realSlot} / ${ourSlot} not ready after 300 s`);
        await drain(1000);
      }
      // our snapshot: 2 rows in each table
      await drain(120_000, SNAPSHOT_RECORDS);
      assert.equal(ours.length, SNAPSHOT_RECORDS, `our snapshot produced ${ours.length} records`);

      await db.query(
        `INSERT INTO ${t1} (s, t, nv, tstz, ts, e, ia) VALUES (2, 'stream', 100, '2024-06-01 00:00:00+00', '2024-06-01 12:00:00', 'sad', '{7}')`,
      );
      await db.query(`UPDATE ${t1} SET t = 'upd', n = 99999999.99 WHERE t = 'stream'`);
      await db.query(`UPDATE ${t2} SET qty = 2 WHERE id = 1`);
      await db.query(`UPDATE ${t2} SET id = 10 WHERE id = 1`);
      await db.query(`UPDATE ${t1} SET id = 100 WHERE t = 'upd'`);
      await db.query(
        `BEGIN; INSERT INTO ${t2} VALUES (2,'a',NULL); INSERT INTO ${t2} VALUES (3,'b',3); UPDATE ${t2} SET name = 'B' WHERE id = 3; COMMIT`,
      );
      await db.query(`DELETE FROM ${t2} WHERE id = 2`);
      await db.query(`DELETE FROM ${t1} WHERE id = 100`);
      // wait for what the script must produce (bounded), then a little longer so extras would show
      await drain(120_000, EXPECTED_RECORDS);
      await drain(1000);

      const topics = [`${prefix}.public.${t1}`, `${prefix}.public.${t2}`];
      // the real worker may still be streaming (or the group still joining) under load: wait for
      // the count the script must give, bounded, then a little longer so extras would show
      const real = await readTopics(BOOTSTRAP, topics, EXPECTED_RECORDS);
      const oursCaptured = captureOurs(ours);
      assert.equal(oursCaptured.length, EXPECTED_RECORDS, `ours produced ${oursCaptured.length} records`);
      assert.equal(real.length, EXPECTED_RECORDS, `the real connector produced ${real.length} records`);
      for (const topic of topics) {
        const a = oursCaptured.filter((c) => c.topic === topic).map(normalize);
        const b = real.filter((c) => c.topic === topic).map(normalize);
        assert.ok(b.length > 0, `real connector wrote nothing to ${topic}`);
        assert.equal(a.length, b.length, `record count on ${topic}: ours ${a.length}, real ${b.length}`);
        for (let i = 0; i < a.length; i++) assert.deepStrictEqual(a[i], b[i], `${topic} record #${i}`);
      }
      // the slot's confirmed flush advanced only through commit()
      assert.ok(task.flushedLsn() !== null);
    });
  },
);
