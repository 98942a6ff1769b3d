/**
 * Our Debezium PostgreSQL task and JDBC source on the dev Postgres: snapshot rows/s, streamed
 * single-row updates events/s, commit→record latency (p50/p99, task level, i.e. without Kafka),
 * JDBC source bulk rows/s. Prints one JSON object.
 * Usage: node --import tsx bench/debezium-throughput.ts [rows=100000] [updates=20000]
 * (the real-Debezium side of issue 4's comparison is not part of this run yet).
 */
import pg from 'pg';
import type { OffsetMap } from '../runtime/api/connector';
import { PostgresConnectorTask } from '../runtime/connectors/debezium/postgres-connector-task';
import { JdbcSourceTask } from '../runtime/connectors/jdbc/jdbc-source-task';

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';
const u = new URL(PG_URL);
const rows = Number(process.argv[2] ?? 100_000);
const updates = Number(process.argv[3] ?? 20_000);
const sfx = Date.now().toString(36);
const table = `bench_${sfx}`;
const slot = `bench_${sfx}`;
const ctx = (p: Record<string, string>) => ({
  configs: () => p,
  offsetStorageReader: () => ({
    offset: () => null,
    offsets: (ps: OffsetMap[]) => new Map(ps.map((x) => [x, null])),
  }),
});

async function main(): Promise<void> {
  const db = new pg.Client({ connectionString: PG_URL });
  await db.connect();
  await db.query(
    `CREATE TABLE ${table} (id INT PRIMARY KEY, name TEXT, price NUMERIC(10,2), updated TIMESTAMP DEFAULT now())`,
  );
  await db.query(
    `INSERT INTO ${table} (id, name, price) SELECT g, 'name ' || g, g / 100.0 FROM generate_series(1, ${rows}) g`,
  );
  const props = {
    'database.hostname': u.hostname,
    'database.port': u.port,
    'database.user': u.username,
    'database.password': decodeURIComponent(u.password),
    'database.dbname': u.pathname.slice(1) || 'postgres',
    'topic.prefix': `bench${sfx}`,
    'plugin.name': 'pgoutput',
    'slot.name': slot,
    'publication.name': `pub_${sfx}`,
    'publication.autocreate.mode': 'filtered',
    'table.include.list': `public.${table}`,
    'slot.drop.on.stop': 'true',
  };
  const task = new PostgresConnectorTask();
  task.initialize(ctx(props));
  let t0 = performance.now();
  const start = task.start(props);
  let got = 0;
  while (got < rows) got += ((await task.poll()) ?? []).length;
  await start;
  const snapshotRowsPerSec = rows / ((performance.now() - t0) / 1000);

  t0 = performance.now();
  const writer = (async () => {
    for (let i = 0; i < updates; i += 1000) {
      const batch: string[] = [];
      for (let j = i; j < Math.min(updates, i + 1000); j++)
        batch.push(`UPDATE ${table} SET name = 'u${j}' WHERE id = ${(j % rows) + 1};`);
      await db.query(batch.join(''));
    }
  })();
  got = 0;
  while (got < updates) got += ((await task.poll()) ?? []).length;
  await writer;
  const streamEventsPerSec = updates / ((performance.now() - t0) / 1000);

  const lat: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    await db.query(`UPDATE ${table} SET name = 'l${i}' WHERE id = 1`);
    let n = 0;
    while (n === 0) n = ((await task.poll()) ?? []).length;
    lat.push(performance.now() - s);
  }
  lat.sort((a, b) => a - b);
  await task.stop();

  const jdbc = new JdbcSourceTask();
  const jprops = {
    'connection.url': `jdbc:postgresql://${u.hostname}:${u.port}/${u.pathname.slice(1) || 'postgres'}`,
    'connection.user': u.username,
    'connection.password': decodeURIComponent(u.password),
    tables: `"public"."${table}"`,
    'tables.fetched': 'true',
    mode: 'bulk',
    'batch.max.rows': '10000',
  };
  jdbc.initialize(ctx(jprops));
  await jdbc.start(jprops);
  t0 = performance.now();
  got = 0;
  while (got < rows) got += ((await jdbc.poll()) ?? []).length;
  const jdbcRowsPerSec = rows / ((performance.now() - t0) / 1000);
  await jdbc.stop();

  await db.query(`DROP TABLE ${table}`);
  await db.query(`DROP PUBLICATION IF EXISTS pub_${sfx}`);
  await db.end();
  console.log(
    JSON.stringify({
      rows,
      updates,
      ours: {
        snapshotRowsPerSec: Math.round(snapshotRowsPerSec),
        streamEventsPerSec: Math.round(streamEventsPerSec),
        commitToRecordMs: {
          p50: +(lat[Math.floor(lat.length * 0.5)] ?? 0).toFixed(2),
          p99: +(lat[Math.floor(lat.length * 0.99)] ?? 0).toFixed(2),
          note: 'task level, sequential single-row updates, no Kafka',
        },
        jdbcSourceBulkRowsPerSec: Math.round(jdbcRowsPerSec),
      },
    }),
  );
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
