/**
 * `npm run --silent bench -- debezium-vs-real [--updates N] [--rate TX_PER_S] [--latency-seconds S]
 *  [--writers N] [--snapshot-rows N] [--only ours|real] [--bundle]`: our Debezium PostgreSQL connector in our runtime
 * and the real Debezium 3.6.1 connector in the real Connect 4.4.0 worker (stock JVM flags), one after
 * the other in the same run, on the same broker and PostgreSQL (KCL_BOOTSTRAP_SERVERS, KCL_POSTGRES_URL):
 *  - streamEventsPerSec: N single-row update transactions written while the connector is paused, then
 *    the time from resume until all N change events are in Kafka;
 *  - commitToRecordMs p50/p99: single-row updates at a steady rate (update k due at k/rate, spread
 *    over --writers connections, default 4, each committing its updates in turn); the transaction's
 *    commit time in PostgreSQL (the event's source.ts_us, which both connectors take from the commit
 *    record) → the time the broker appended the event to the topic (the topic is created with
 *    message.timestamp.type=LogAppendTime; broker and PostgreSQL share this machine's clock);
 *    achievedTxPerSec and maxScheduleLagMs say whether the writers kept up. The events are read
 *    back once all are in the topic: no consumer of this process competes for the CPUs meanwhile;
 *  - snapshotRowsPerSec: snapshot.mode=initial of an N-row table, first to last record in Kafka;
 *  - ours only (the real JDBC connector is not on Maven Central): JDBC source bulk rows/s, same table.
 * Goals (issue 4): events/s ≥ 1.5×, p99 ≤ 0.5× Debezium's and < 50 ms, snapshot ≥ 1.0×.
 * Both workers use their default JsonConverter (schemas.enable=true). JSON on stdout only.
 */
import { loadavg } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import type { Admin } from 'kafkajs';
import pg from 'pg';

interface Worker {
  url: string;
  pid: number;
  startupMs: number;
  stop: () => Promise<void>;
}
interface RealConnectModule {
  startRealConnect: (o: {
    jvmProfile: 'stock' | 'fast';
    logTiming: boolean;
    pluginPath?: string[];
  }) => Promise<Worker>;
  defaultBootstrapServers: () => string;
}
interface RealDebeziumModule {
  resolveDebeziumPluginPath: () => Promise<string>;
}
interface DifferentialModule {
  startOurRuntime(o: { logTiming: boolean; bundle: boolean }): Promise<Worker>;
}
interface UpdateStreamModule {
  createUpdateStream(
    url: string,
    table: string,
    rows: number,
  ): Promise<{ run(a: number, b: number, chunk?: number): Promise<void>; drop(): Promise<void> }>;
}
interface KafkaTopicsModule {
  createTopicsWithLeaders(
    admin: Admin,
    topics: string[],
    partitions?: number,
    configs?: Record<string, string>,
  ): Promise<void>;
}
const load = async <T>(name: string): Promise<T> =>
  (await import(`${__dirname}/../test/support/${name}`)) as T;

const log = (msg: string): void => {
  process.stderr.write(`debezium-vs-real: ${msg}\n`);
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const now = (): number => performance.timeOrigin + performance.now();
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? NaN),
    samples: sorted.length,
  };
}

/** Rows the latency phase's updates cycle over (one row per update is locked briefly). */
const LAT_ROWS = 100;

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';

function debeziumConfig(
  prefix: string,
  slot: string,
  tables: string[],
  mode: string,
): Record<string, string> {
  const u = new URL(PG_URL);
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
    'table.include.list': tables.map((t) => `public.${t}`).join(','),
    'snapshot.mode': mode,
  };
}

async function rest(w: Worker, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(w.url + path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

async function size(admin: Admin, topic: string): Promise<number> {
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } catch {
    return 0;
  }
}

/** Polls the topic size every 50 ms; returns when it first became > 0 and when it reached `count`. */
async function watch(
  admin: Admin,
  topic: string,
  count: number,
  timeoutMs: number,
): Promise<{ first: number; done: number }> {
  const deadline = Date.now() + timeoutMs;
  let first = NaN;
  for (;;) {
    const n = await size(admin, topic);
    if (n > 0 && Number.isNaN(first)) first = now();
    if (n >= count) return { first, done: now() };
    if (Date.now() > deadline) throw new Error(`${topic}: ${n} of ${count} records after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/**
 * Reads the latency topic from the start: for update k (its `seq`), the broker's append time (the
 * record timestamp of a LogAppendTime topic) minus the commit time in the event (source.ts_us).
 * Index k of the result; an update not found stays NaN.
 */
async function commitToAppendMs(kafka: Kafka, topic: string, total: number): Promise<number[]> {
  const out = new Array<number>(total + 1).fill(NaN);
  let seen = 0;
  const consumer = kafka.consumer({ groupId: `${topic}-read`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: ({ message }) => {
          const v = JSON.parse(message.value?.toString('utf8') ?? 'null') as {
            payload?: { after?: { seq?: number }; source?: { ts_us?: number } };
          } | null;
          const seq = v?.payload?.after?.seq;
          const commitUs = v?.payload?.source?.ts_us;
          if (seq !== undefined && commitUs !== undefined && seq <= total) {
            out[seq] = Number(message.timestamp) - commitUs / 1000;
            if (++seen === total) resolve();
          }
          return Promise.resolve();
        },
      });
    });
    await Promise.race([done, sleep(120_000)]);
  } finally {
    await consumer.disconnect();
  }
  return out;
}

async function slotActive(db: pg.Client, slot: string): Promise<boolean> {
  const r = await db.query<{ active: boolean }>(
    'SELECT active FROM pg_replication_slots WHERE slot_name = $1',
    [slot],
  );
  return r.rows[0]?.active === true;
}

async function until(what: string, ms: number, fn: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(200);
  }
}

interface Percentiles {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}
interface SideResult {
  snapshotRowsPerSec: number;
  streamEventsPerSec: number;
  commitToRecordMs: Percentiles & {
    achievedTxPerSec: number;
    writers: number;
    maxScheduleLagMs: number;
  };
  jdbcSourceBulkRowsPerSec?: number;
}

export async function run(args: string[]): Promise<object> {
  const updates = flag(args, '--updates', 100_000);
  const rate = flag(args, '--rate', 1000);
  const latencySeconds = flag(args, '--latency-seconds', 20);
  const writerCount = Math.max(1, flag(args, '--writers', 4));
  const snapshotRows = flag(args, '--snapshot-rows', 1_000_000);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  const bundle = args.includes('--bundle');
  const rc = await load<RealConnectModule>('real-connect');
  const rd = await load<RealDebeziumModule>('real-debezium');
  const d = await load<DifferentialModule>('differential');
  const us = await load<UpdateStreamModule>('pg-update-stream');
  const kt = await load<KafkaTopicsModule>('kafka-topics');
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const kafka = new Kafka({
    clientId: 'kcl-bench-dbz',
    brokers: [rc.defaultBootstrapServers()],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const db = new pg.Client({ connectionString: PG_URL });
  await db.connect();
  const run = Date.now().toString(36);
  const snapTable = `bench_snap_${run}`;
  const topics: string[] = [];
  const slots: string[] = [];
  const dropTables: string[] = [snapTable];
  const load0 = loadavg()[0];
  const results: Record<string, SideResult> = {};
  try {
    log(`creating ${snapshotRows} rows in ${snapTable}`);
    await db.query(
      `CREATE TABLE ${snapTable} (id INT PRIMARY KEY, name TEXT, price NUMERIC(10,2), updated TIMESTAMP DEFAULT now())`,
    );
    await db.query(
      `INSERT INTO ${snapTable} (id, name, price) SELECT g, 'name ' || g, g / 100.0 FROM generate_series(1, ${snapshotRows}) g`,
    );
    await db.query(`VACUUM ANALYZE ${snapTable}`);
    const sides = (['ours', 'real'] as const).filter((s) => !only || only === s);
    for (const side of sides) {
      log(`${side}: starting the worker`);
      const w =
        side === 'real'
          ? await rc.startRealConnect({
              jvmProfile: 'stock',
              logTiming: false,
              pluginPath: [await rd.resolveDebeziumPluginPath()],
            })
          : await d.startOurRuntime({ logTiming: false, bundle });
      try {
        const p = `b${run}${side}`;
        // 1. snapshot of the big table
        const snapSlot = `${p}_snap`;
        slots.push(snapSlot);
        const snapTopic = `${p}.public.${snapTable}`;
        topics.push(snapTopic);
        await kt.createTopicsWithLeaders(admin, [snapTopic]);
        await rest(w, 'POST', '/connectors', {
          name: `${p}-snap`,
          config: debeziumConfig(p, snapSlot, [snapTable], 'initial'),
        });
        const snap = await watch(admin, snapTopic, snapshotRows, 30 * 60_000);
        const snapshotRowsPerSec = Math.round(snapshotRows / ((snap.done - snap.first) / 1000));
        log(`${side}: snapshot ${snapshotRowsPerSec} rows/s`);
        await rest(w, 'DELETE', `/connectors/${p}-snap`);

        // 2. streaming throughput: updates written while paused, then drained
        const updTable = `bench_upd_${run}_${side}`;
        const latTable = `bench_lat_${run}_${side}`;
        dropTables.push(updTable, latTable);
        const stream = await us.createUpdateStream(PG_URL, updTable, 100);
        await db.query(`CREATE TABLE ${latTable} (id INT PRIMARY KEY, seq BIGINT NOT NULL)`);
        await db.query(`INSERT INTO ${latTable} SELECT g, 0 FROM generate_series(0, ${LAT_ROWS - 1}) g`);
        const slot = `${p}_cdc`;
        slots.push(slot);
        const updTopic = `${p}.public.${updTable}`;
        const latTopic = `${p}.public.${latTable}`;
        topics.push(updTopic, latTopic);
        await kt.createTopicsWithLeaders(admin, [updTopic]);
        await kt.createTopicsWithLeaders(admin, [latTopic], 1, { 'message.timestamp.type': 'LogAppendTime' });
        await rest(w, 'POST', '/connectors', {
          name: `${p}-cdc`,
          config: debeziumConfig(p, slot, [updTable, latTable], 'no_data'),
        });
        await until(`${side}: slot ${slot} active`, 300_000, () => slotActive(db, slot));
        await rest(w, 'PUT', `/connectors/${p}-cdc/pause`);
        await sleep(2000);
        log(`${side}: writing ${updates} update transactions while paused`);
        await stream.run(1, updates, 5000);
        const resumed = now();
        await rest(w, 'PUT', `/connectors/${p}-cdc/resume`);
        const drained = await watch(admin, updTopic, updates, 30 * 60_000);
        const streamEventsPerSec = Math.round(updates / ((drained.done - resumed) / 1000));
        log(`${side}: ${streamEventsPerSec} events/s`);

        // 3. commit → record latency at a steady rate
        // Update k is due at t0 + k/rate and goes to connection k % writers, each running its updates in
        // order: one connection waits ~2 ms per commit (WAL flush) and could not keep 1k tx/s.
        const writers = await Promise.all(
          Array.from({ length: writerCount }, async () => {
            const c = new pg.Client({ connectionString: PG_URL });
            await c.connect();
            return c;
          }),
        );
        const lanes: Promise<unknown>[] = writers.map(() => Promise.resolve());
        const total = Math.round(rate * latencySeconds);
        let maxLagMs = 0;
        const t0 = now();
        for (let k = 1; k <= total; k++) {
          const due = t0 + (k * 1000) / rate;
          const wait = due - now();
          if (wait > 1) await sleep(wait);
          maxLagMs = Math.max(maxLagMs, now() - due);
          const w = writers[k % writerCount];
          lanes[k % writerCount] = lanes[k % writerCount].then(async () => {
            await w.query(`UPDATE ${latTable} SET seq = $1 WHERE id = $2`, [k, k % LAT_ROWS]);
          });
        }
        await Promise.all(lanes);
        const achievedTxPerSec = Math.round(total / ((now() - t0) / 1000));
        await Promise.all(writers.map((w) => w.end()));
        await watch(admin, latTopic, total, 120_000);
        // the first second (updates 1..rate) warms up both pipelines; it is left out
        const latencies = (await commitToAppendMs(kafka, latTopic, total)).filter(
          (x, k) => k > rate && !Number.isNaN(x),
        );
        const commitToRecordMs = {
          ...percentiles(latencies),
          achievedTxPerSec,
          writers: writerCount,
          maxScheduleLagMs: round(maxLagMs),
        };
        log(`${side}: latency ${JSON.stringify(commitToRecordMs)}`);
        await rest(w, 'DELETE', `/connectors/${p}-cdc`);
        await stream.drop();
        const result: SideResult = {
          snapshotRowsPerSec,
          streamEventsPerSec,
          commitToRecordMs,
        };

        // 4. ours only: JDBC source bulk on the snapshot table
        if (side === 'ours') {
          const u = new URL(PG_URL);
          const jdbcTopic = `${p}-jdbc-${snapTable}`;
          topics.push(jdbcTopic);
          await kt.createTopicsWithLeaders(admin, [jdbcTopic]);
          await rest(w, 'POST', '/connectors', {
            name: `${p}-jdbc`,
            config: {
              'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
              'connection.url': `jdbc:postgresql://${u.hostname}:${u.port}/${u.pathname.slice(1) || 'postgres'}`,
              'connection.user': u.username,
              'connection.password': decodeURIComponent(u.password),
              'table.whitelist': snapTable,
              mode: 'bulk',
              'topic.prefix': `${p}-jdbc-`,
              'poll.interval.ms': '3600000',
            },
          });
          const j = await watch(admin, jdbcTopic, snapshotRows, 30 * 60_000);
          result.jdbcSourceBulkRowsPerSec = Math.round(snapshotRows / ((j.done - j.first) / 1000));
          log(`ours: JDBC source ${result.jdbcSourceBulkRowsPerSec} rows/s`);
          await rest(w, 'DELETE', `/connectors/${p}-jdbc`);
        }
        results[side] = result;
      } finally {
        await w.stop();
      }
    }
  } finally {
    for (const slot of slots) {
      for (let i = 0; i < 20; i++) {
        const r = await db
          .query('SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1', [slot])
          .then(() => true)
          .catch(() => false);
        if (r) break;
        await sleep(500);
      }
      await db.query(`DROP PUBLICATION IF EXISTS ${slot}_pub`).catch(() => undefined);
    }
    for (const t of dropTables) {
      await db.query(`DROP PROCEDURE IF EXISTS ${t}_bump`).catch(() => undefined);
      await db.query(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
    }
    await db.end();
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  }
  const ours = results.ours;
  const real = results.real;
  const ratio = (a?: number, b?: number): number | null => (a && b ? round(a / b, 2) : null);
  return {
    updates,
    rate,
    latencySeconds,
    snapshotRows,
    loadAverageAtStart: round(load0, 2),
    ours,
    real,
    ratios: {
      streamEventsPerSec: ratio(ours?.streamEventsPerSec, real?.streamEventsPerSec),
      commitToRecordP99: ratio(ours?.commitToRecordMs.p99, real?.commitToRecordMs.p99),
      snapshotRowsPerSec: ratio(ours?.snapshotRowsPerSec, real?.snapshotRowsPerSec),
    },
    goals: {
      streamEventsPerSec: '>= 1.5',
      commitToRecordP99: '<= 0.5 and ours < 50 ms',
      snapshotRowsPerSec: '>= 1.0',
    },
  };
}
