/**
 * Differential test of Debezium configuration options: the REAL Debezium 3.6.1 PostgreSQL connector
 * (real Connect 4.4 worker) and ours read one table through their own slots while one DML script
 * runs, once per variant, and their topics are compared record for record:
 *  - A: decimal.handling.mode=double, time.precision.mode=connect, provide.transaction.metadata=true
 *       (the <prefix>.transaction topic with BEGIN/END, the `transaction` block of every change
 *       event), skipped.operations=none (TRUNCATE → op "t"), snapshot.mode=initial;
 *  - B: decimal.handling.mode=string, time.precision.mode=adaptive_time_microseconds,
 *       snapshot.mode=no_data (no snapshot records at all).
 * (precise + adaptive, the defaults, are covered by debezium-differential.test.ts.)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startRealConnect } from '../support/real-connect';
import type { RealConnectWorker } from '../support/real-connect';
import { resolveDebeziumPluginPath } from '../support/real-debezium';
import { captureOurs, normalize, readTopics, startOurTask } from '../support/debezium-compare';
import type { PostgresConnectorTask } from '../../runtime/connectors/debezium/postgres-connector-task';

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';
const BOOTSTRAP = process.env.KCL_BOOTSTRAP_SERVERS ?? '127.0.0.1:19092';
const u = new URL(PG_URL);
const sfx = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const table = `cfg_${sfx}`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Variant {
  name: string;
  options: Record<string, string>;
  /** records each connector must write: data topic + transaction topic */
  expected: number;
  withTransactions: boolean;
}

/**
 * Snapshot (A only): 1 read. Script: insert (c), update (u), a transaction of 2 inserts and 1 update
 * (c, c, u), TRUNCATE (t, A only). Transaction topic (A only): BEGIN + END for each of the 4
 * streamed transactions.
 */
const VARIANTS: Variant[] = [
  {
    name: 'a',
    options: {
      'decimal.handling.mode': 'double',
      'time.precision.mode': 'connect',
      'provide.transaction.metadata': 'true',
      'skipped.operations': 'none',
      'snapshot.mode': 'initial',
    },
    expected: 1 + 6 + 8,
    withTransactions: true,
  },
  {
    name: 'b',
    options: {
      'decimal.handling.mode': 'string',
      'time.precision.mode': 'adaptive_time_microseconds',
      'snapshot.mode': 'no_data',
    },
    expected: 5,
    withTransactions: false,
  },
];

function config(prefix: string, slot: string, options: Record<string, string>): Record<string, string> {
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
    'publication.name': `${slot}_pub`,
    'publication.autocreate.mode': 'filtered',
    'table.include.list': `public.${table}`,
    ...options,
  };
}

void describe('Debezium configuration options: ours vs the real connector', { timeout: 900_000 }, () => {
  const db = new pg.Client({ connectionString: PG_URL });
  let worker: RealConnectWorker | null = null;
  const tasks: PostgresConnectorTask[] = [];
  const slots = VARIANTS.flatMap((v) => [`real_${v.name}_${sfx}`, `ours_${v.name}_${sfx}`]);

  before(async () => {
    await db.connect();
    await db.query(`CREATE TABLE ${table} (id INT PRIMARY KEY, n NUMERIC(10,3), nv NUMERIC, r REAL,
      d DATE, tm TIME, tm3 TIME(3), ttz TIMETZ, ts TIMESTAMP, ts3 TIMESTAMP(3), tstz TIMESTAMPTZ)`);
    await db.query(`INSERT INTO ${table} VALUES (1, 12.345, 0.1, 1.5, '2024-02-29', '10:11:12.123456', '10:11:12.123',
      '10:11:12.5+02', '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05.123', '2024-01-02 03:04:05.1+01')`);
  });

  after(async () => {
    for (const t of tasks) await t.stop().catch(() => undefined);
    if (worker) {
      for (const v of VARIANTS)
        await fetch(`${worker.url}/connectors/real-${v.name}-${sfx}`, { method: 'DELETE' }).catch(
          () => undefined,
        );
      await sleep(2000);
      await worker.stop();
    }
    for (const slot of slots) {
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
      await db.query(`DROP PUBLICATION IF EXISTS ${slot}_pub`).catch(() => undefined);
    }
    await db.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await db.end();
  });

  void it('decimal/time modes, transaction metadata, truncate, no_data: topics are identical', async () => {
    worker = await startRealConnect({
      pluginPath: [await resolveDebeziumPluginPath()],
      jvmProfile: 'fast',
      bootstrapServers: BOOTSTRAP,
      // a loaded 2-CPU machine can take minutes to start the JVM worker with Debezium's plugins
      startupTimeoutMs: Number(process.env.KCL_REAL_CONNECT_STARTUP_MS ?? 300_000),
    });
    const ours = new Map<string, Awaited<ReturnType<typeof startOurTask>>>();
    for (const v of VARIANTS) {
      const res = await fetch(`${worker.url}/connectors`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `real-${v.name}-${sfx}`,
          config: config(`real${v.name}${sfx}`, `real_${v.name}_${sfx}`, v.options),
        }),
      });
      assert.equal(res.status, 201, await res.text());
      // our topic prefix equals the real one's except for the first word, so topics compare by suffix
      const o = await startOurTask(config(`ours${v.name}${sfx}`, `ours_${v.name}_${sfx}`, v.options));
      tasks.push(o.task);
      ours.set(v.name, o);
    }
    // all slots active (the real connector streaming) before the script runs
    const readyBy = Date.now() + 300_000;
    for (;;) {
      const r = await db.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM pg_replication_slots WHERE slot_name = ANY($1) AND (active OR slot_name LIKE $2)',
        [slots, 'ours_%'],
      );
      if (Number(r.rows[0]?.n) === slots.length) break;
      assert.ok(Date.now() < readyBy, 'replication slots not ready after 300 s');
      for (const o of ours.values()) await o.drain(300);
    }
    await db.query(`INSERT INTO ${table} VALUES (2, -0.5, 123456789.123456789, -0, '1970-01-01', '00:00:00', '23:59:59.999',
      '00:00:00+00', '1970-01-01 00:00:00', '1999-12-31 23:59:59.999', '2000-01-01 00:00:00+00')`);
    await db.query(`UPDATE ${table} SET n = 99999.999, tm = '12:00:00.000001' WHERE id = 2`);
    await db.query(
      `BEGIN; INSERT INTO ${table} (id, n) VALUES (3, 1), (4, 2); UPDATE ${table} SET nv = 5 WHERE id = 1; COMMIT`,
    );
    await db.query(`TRUNCATE ${table}`);

    const differences: string[] = [];
    for (const v of VARIANTS) {
      const o = ours.get(v.name)!;
      await o.drain(120_000, v.expected);
      await o.drain(1500);
      const topics = [`real${v.name}${sfx}.public.${table}`];
      if (v.withTransactions) topics.push(`real${v.name}${sfx}.transaction`);
      const real = await readTopics(BOOTSTRAP, topics, v.expected);
      const mine = captureOurs(o.records).filter((c) => !c.topic.startsWith('__debezium-heartbeat'));
      const rename = (text: string | null): string | null =>
        text === null ? null : text.split(`ours${v.name}${sfx}`).join(`real${v.name}${sfx}`);
      const oursCaptured = mine.map((c) => ({
        topic: rename(c.topic)!,
        key: rename(c.key),
        value: rename(c.value),
        headers: c.headers.map(([k, h]) => [k, rename(h)] as [string, string | null]),
      }));
      assert.equal(
        real.length,
        v.expected,
        `variant ${v.name}: the real connector wrote ${real.length} records`,
      );
      assert.equal(
        oursCaptured.length,
        v.expected,
        `variant ${v.name}: ours wrote ${oursCaptured.length} records`,
      );
      for (const topic of topics) {
        const a = oursCaptured.filter((c) => c.topic === topic).map(normalize);
        const b = real.filter((c) => c.topic === topic).map(normalize);
        assert.ok(b.length > 0, `real connector wrote nothing to ${topic}`);
        assert.equal(a.length, b.length, `record count on ${topic}: ours ${a.length}, real ${b.length}`);
        for (let i = 0; i < a.length; i++) {
          try {
            assert.deepStrictEqual(a[i], b[i], `variant ${v.name}: ${topic} record #${i}`);
          } catch (error) {
            // every difference is reported at once, not only the first
            differences.push((error as Error).message);
          }
        }
      }
    }
    assert.equal(differences.length, 0, differences.join('\n\n'));
  });
});
