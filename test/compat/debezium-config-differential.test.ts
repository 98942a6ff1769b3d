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
 * A second test, in the same real worker, runs snapshot.mode initial_only and always there and in our
 * runtime (both through REST) on a table of their own:
 *  - initial_only: the snapshot's records, nothing streamed after later DML, no replication slot and
 *    no publication, the same status (RUNNING) and stored offset after the snapshot; its task
 *    restarted: no new snapshot, still no slot, RUNNING;
 *  - always: snapshot, streamed insert/update/delete; a task restart → a new snapshot, then an insert
 *    streamed; stop, an insert while stopped, resume → a new snapshot holding it, the insert not
 *    streamed again, then an update; the same stored offset (unmasked) and status at the end.
 * Each topic compared record for record; the real connector's op/marker sequence is checked too.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startRealConnect } from '../support/real-connect';
import type { RealConnectWorker } from '../support/real-connect';
import { resolveDebeziumPluginPath } from '../support/real-debezium';
import { formatDifferences, runScenario, startOurRuntime, waitTopicSize } from '../support/differential';
import type { HttpResult, Json, OurRuntime, ScenarioRun, Step, Vars } from '../support/differential';
import {
  captureOurs,
  diffCaptured,
  opSequence,
  readTopics,
  renamed,
  startOurTask,
} from '../support/debezium-compare';
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

/**
 * snapshot.mode initial_only and always run through both workers' REST APIs (our runtime, not the
 * task alone: the status, the stored offsets and task restarts are part of the comparison), on a
 * table of their own. Per side: connector `{{conn}}-<id>`, topic prefix `{{prefix}}<id>`, slot
 * `{{slot}}_<id>`.
 */
const MODES = [
  { id: 'io', mode: 'initial_only' },
  { id: 'al', mode: 'always' },
] as const;
const modesTable = `modes_${sfx}`;
const modeVars = (side: 'real' | 'ours'): Vars => ({
  conn: `${side}-${sfx}`,
  prefix: `${side}m${sfx}`,
  slot: `${side}_m_${sfx}`,
});
const modeSlots = (['real', 'ours'] as const).flatMap((side) =>
  MODES.map((m) => `${modeVars(side).slot}_${m.id}`),
);
/** The offset fields each connector's own snapshot transaction sets. */
const SNAPSHOT_OFFSET_MASK = ['lsn', 'txId', 'ts_usec'].map((k) => `$.offsets[*].offset.${k}`);

type Obj = { [key: string]: Json };
const asObj = (v: Json | undefined): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const taskStates = (r: HttpResult): string[] =>
  ((asObj(r.body).tasks as Json[] | undefined) ?? [])
    .map((t) => asObj(t).state)
    .filter((x): x is string => typeof x === 'string');

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
  let ourRuntime: OurRuntime | null = null;

  before(async () => {
    await db.connect();
    await db.query(`CREATE TABLE ${table} (id INT PRIMARY KEY, n NUMERIC(10,3), nv NUMERIC, r REAL,
      d DATE, tm TIME, tm3 TIME(3), ttz TIMETZ, ts TIMESTAMP, ts3 TIMESTAMP(3), tstz TIMESTAMPTZ)`);
    await db.query(`INSERT INTO ${table} VALUES (1, 12.345, 0.1, 1.5, '2024-02-29', '10:11:12.123456', '10:11:12.123',
      '10:11:12.5+02', '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05.123', '2024-01-02 03:04:05.1+01')`);
    await db.query(`CREATE TABLE ${modesTable} (id INT PRIMARY KEY, v TEXT, n NUMERIC(6,2), at TIMESTAMPTZ)`);
    await db.query(`INSERT INTO ${modesTable} VALUES (1, 'a', 1.5, '2024-01-02 03:04:05+00'), (2, 'b', NULL, NULL),
      (3, 'c', -2.25, '1999-12-31 23:59:59.5+00')`);
  });

  /** One real worker for both tests (started by whichever runs first). */
  const realWorker = async (): Promise<RealConnectWorker> => {
    worker ??= await startRealConnect({
      pluginPath: [await resolveDebeziumPluginPath()],
      jvmProfile: 'fast',
      bootstrapServers: BOOTSTRAP,
      // a loaded 2-CPU machine can take minutes to start the JVM worker with Debezium's plugins
      startupTimeoutMs: Number(process.env.KCL_REAL_CONNECT_STARTUP_MS ?? 300_000),
    });
    return worker;
  };

  after(async () => {
    for (const t of tasks) await t.stop().catch(() => undefined);
    await ourRuntime?.stop().catch(() => undefined);
    if (worker) {
      const names = [
        ...VARIANTS.map((v) => `real-${v.name}-${sfx}`),
        ...MODES.map((m) => `real-${sfx}-${m.id}`),
      ];
      for (const name of names)
        await fetch(`${worker.url}/connectors/${name}`, { method: 'DELETE' }).catch(() => undefined);
      await sleep(2000);
      await worker.stop();
    }
    for (const slot of [...slots, ...modeSlots]) {
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
    await db.query(`DROP TABLE IF EXISTS ${table}, ${modesTable}`).catch(() => undefined);
    await db.end();
  });

  void it('decimal/time modes, transaction metadata, truncate, no_data: topics are identical', async () => {
    worker = await realWorker();
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
      const oursCaptured = renamed(mine, `ours${v.name}${sfx}`, `real${v.name}${sfx}`);
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
        const b = real.filter((c) => c.topic === topic);
        assert.ok(b.length > 0, `real connector wrote nothing to ${topic}`);
        const a = oursCaptured.filter((c) => c.topic === topic);
        // every difference is reported at once, not only the first
        differences.push(...diffCaptured(a, b, `variant ${v.name}: ${topic}`));
      }
    }
    assert.equal(differences.length, 0, differences.join('\n\n'));
  });

  void it('snapshot.mode initial_only and always: records, slots, status and restarts are the same', async () => {
    const real = await realWorker();
    ourRuntime = await startOurRuntime({ bootstrapServers: BOOTSTRAP });
    const sides = {
      real: { name: 'real' as const, url: real.url, vars: { ...modeVars('real'), url: real.url } },
      ours: {
        name: 'ours' as const,
        url: ourRuntime.url,
        vars: { ...modeVars('ours'), url: ourRuntime.url },
      },
    };
    const differences: string[] = [];
    const play = async (steps: Step[]): Promise<ScenarioRun> => {
      const run = await runScenario(steps, sides);
      const unsettled = (run.real ?? []).filter((o) => !o.settled).map((o) => o.step);
      assert.deepEqual(unsettled, [], 'steps whose wait never held on the real worker');
      if (run.differences.length > 0) differences.push(formatDifferences(run.differences));
      return run;
    };
    const topic = (side: 'real' | 'ours', id: string): string =>
      `${modeVars(side).prefix}${id}.public.${modesTable}`;
    const bothHold = async (id: string, count: number): Promise<void> => {
      for (const side of ['real', 'ours'] as const) {
        const size = await waitTopicSize(topic(side, id), count, 180_000);
        assert.equal(size, count, `${side} ${id}: ${size} records in ${topic(side, id)}, expected ${count}`);
      }
    };
    /** Slot and publication of each side's connector `id`: absent, or active true/false. */
    const slotAndPublication = async (side: 'real' | 'ours', id: string): Promise<string[]> => {
      const slot = `${modeVars(side).slot}_${id}`;
      const s = await db.query<{ active: string }>(
        'SELECT active::text FROM pg_replication_slots WHERE slot_name = $1',
        [slot],
      );
      const p = await db.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [`${slot}_pub`]);
      return [
        `slot ${s.rows[0] ? `active=${s.rows[0].active}` : 'absent'}`,
        `publication ${p.rows.length > 0 ? 'present' : 'absent'}`,
      ];
    };
    const slotsOf = async (id: string): Promise<Record<'real' | 'ours', string[]>> => ({
      real: await slotAndPublication('real', id),
      ours: await slotAndPublication('ours', id),
    });
    /** initial_only's slot and publication, a difference when ours are not the real one's; the real's. */
    const ioSlotsCompared = async (when: string): Promise<string[]> => {
      const io = await slotsOf('io');
      if (JSON.stringify(io.ours) !== JSON.stringify(io.real))
        differences.push(`initial_only ${when}: ours ${io.ours.join(', ')}; real ${io.real.join(', ')}`);
      return io.real;
    };

    await play([
      ...MODES.map((m): Step => ({
        id: `${m.id}-create`,
        method: 'POST',
        path: '/connectors',
        body: {
          name: `{{conn}}-${m.id}`,
          config: config(`{{prefix}}${m.id}`, `{{slot}}_${m.id}`, {
            'snapshot.mode': m.mode,
            'table.include.list': `public.${modesTable}`,
          }),
        },
      })),
      // initial_only: the snapshot's end (its last record's offset stored), then the status
      {
        id: 'io-snapshot-offset',
        method: 'GET',
        path: `/connectors/{{conn}}-io/offsets`,
        until: (r) => JSON.stringify(r.body).includes('"last_snapshot_record":true'),
        waitMs: 300_000,
        mask: SNAPSHOT_OFFSET_MASK,
      },
      {
        id: 'io-status-after-snapshot',
        method: 'GET',
        path: `/connectors/{{conn}}-io/status`,
        until: (r) => taskStates(r).length > 0 && !taskStates(r).includes('UNASSIGNED'),
        waitMs: 120_000,
      },
    ]);
    await bothHold('al', 3);
    await db.query(`INSERT INTO ${modesTable} VALUES (4, 'd', 4, now())`);
    await db.query(`UPDATE ${modesTable} SET v = 'a2' WHERE id = 1`);
    await db.query(`DELETE FROM ${modesTable} WHERE id = 2`);
    // always streams them (c, u, d, tombstone); by then initial_only would have too, had it streamed
    await bothHold('al', 7);
    await sleep(3000);
    await play([
      { id: 'io-status-after-dml', method: 'GET', path: `/connectors/{{conn}}-io/status` },
      {
        id: 'io-offset-after-dml',
        method: 'GET',
        path: `/connectors/{{conn}}-io/offsets`,
        mask: SNAPSHOT_OFFSET_MASK,
      },
    ]);
    const ioSlotsReal = await ioSlotsCompared('after the snapshot');
    // PostgresConnectorTask.tryToCreateSlot opens no replication connection when the mode does not stream
    assert.deepEqual(ioSlotsReal, ['slot absent', 'publication absent']);

    // always: a task restart takes a new snapshot (3 rows), then streams on; initial_only restarted
    // with its snapshot's offset takes none (checked at the end: still its 3 records)
    await play(
      MODES.map((m) => ({
        id: `${m.id}-task-restart`,
        method: 'POST',
        path: `/connectors/{{conn}}-${m.id}/tasks/0/restart`,
      })),
    );
    await bothHold('al', 10);
    await db.query(`INSERT INTO ${modesTable} VALUES (5, 'e', 5, now())`);
    await bothHold('al', 11);
    // stopped, a change meanwhile, resumed: the new snapshot holds it, the stream does not repeat it
    await play([
      { id: 'al-stop', method: 'PUT', path: `/connectors/{{conn}}-al/stop` },
      {
        id: 'al-stopped',
        method: 'GET',
        path: `/connectors/{{conn}}-al/status`,
        until: (r) => asObj(asObj(r.body).connector).state === 'STOPPED' && taskStates(r).length === 0,
        waitMs: 60_000,
      },
    ]);
    for (let i = 0; ; i++) {
      const alSlots = await slotsOf('al');
      if (!alSlots.real[0]?.includes('true') && !alSlots.ours[0]?.includes('true')) break;
      assert.ok(i < 200, `always: slots still active after the stop: ${JSON.stringify(alSlots)}`);
      await sleep(300);
    }
    await db.query(`INSERT INTO ${modesTable} VALUES (6, 'f', 6, now())`);
    await play([
      { id: 'al-resume', method: 'PUT', path: `/connectors/{{conn}}-al/resume` },
      {
        id: 'al-running',
        method: 'GET',
        path: `/connectors/{{conn}}-al/status`,
        until: (r) => taskStates(r).includes('RUNNING'),
        waitMs: 120_000,
      },
    ]);
    await bothHold('al', 16);
    await db.query(`UPDATE ${modesTable} SET n = 66 WHERE id = 6`);
    await bothHold('al', 17);
    await play([
      {
        // a streamed change's offset: the same LSNs, txId and commit time on both, nothing masked
        id: 'al-offset-after-resume',
        method: 'GET',
        path: `/connectors/{{conn}}-al/offsets`,
        until: (r) => JSON.stringify(r.body).includes('"messageType":"UPDATE"'),
        waitMs: 60_000,
      },
      ...MODES.map((m): Step => ({
        id: `${m.id}-status-end`,
        method: 'GET',
        path: `/connectors/{{conn}}-${m.id}/status`,
      })),
    ]);
    await ioSlotsCompared('after its task restart');

    const expected = { io: 3, al: 17 };
    for (const m of MODES) {
      const [realRecords, ourRecords] = await Promise.all(
        (['real', 'ours'] as const).map((side) =>
          readTopics(BOOTSTRAP, [topic(side, m.id)], expected[m.id], 120_000),
        ),
      );
      const mine = renamed(ourRecords, modeVars('ours').prefix, modeVars('real').prefix);
      differences.push(...diffCaptured(mine, realRecords, `snapshot.mode=${m.mode}`));
      if (m.id === 'io') assert.deepEqual(opSequence(realRecords, false), ['r/first', 'r/true', 'r/last']);
      else {
        const snapshot = (n: number): string[] => [
          'r/first',
          ...Array<string>(n - 2).fill('r/true'),
          'r/last',
        ];
        assert.deepEqual(opSequence(realRecords, false), [
          ...snapshot(3),
          'c/false',
          'u/false',
          'd/false',
          'tombstone',
          ...snapshot(3),
          'c/false',
          ...snapshot(5),
          'u/false',
        ]);
      }
    }
    assert.equal(differences.length, 0, differences.join('\n\n'));
  });
});
