/**
 * Bad Debezium configurations through the REST API: the real Connect 4.4.0 worker running the REAL
 * Debezium 3.6.1 PostgreSQL connector and our runtime get the same requests, step by step
 * (test/support/differential.ts), and must answer the same:
 *  - PUT /connector-plugins/PostgresConnector/config/validate with topic.prefix missing, empty, blank
 *    or malformed, database.hostname/user/dbname missing or empty, plugin.name, slot.name and
 *    snapshot.mode invalid, the pre-2.0 database.server.name instead of topic.prefix: error_count and
 *    the `value` entry (value, recommended_values, errors, visible) of every Debezium key that has an
 *    error or is one of those keys;
 *  - POST /connectors and PUT /connectors/{name}/config with such configs: status, error_code, message
 *    (Debezium 3.6.1 returns no value for one key of its own ConfigDef, so the real worker answers 500
 *    with a NullPointerException text instead of its usual 400 list of errors);
 *  - a valid config against a PostgreSQL running with wal_level=replica: accepted (201), then the
 *    task FAILED, its trace's exception lines (class: message, Caused by) identical.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Json, Step, StepOutcome, Vars } from '../support/differential';
import { formatDifferences, runScenario, startOurRuntime } from '../support/differential';
import { startRealConnect } from '../support/real-connect';
import { resolveDebeziumPluginPath } from '../support/real-debezium';
import { startScratchPostgres } from '../support/scratch-postgres';
import { testCluster } from '../support/cluster';

const stops: (() => Promise<void>)[] = [];
after(async () => {
  for (const s of stops.reverse()) await s().catch(() => undefined);
});

type Obj = { [key: string]: Json };
const asObj = (v: Json | undefined): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** The keys whose validate entry is always compared (besides every key with an error). */
const WATCHED = [
  'topic.prefix',
  'database.hostname',
  'database.user',
  'database.dbname',
  'plugin.name',
  'slot.name',
  'snapshot.mode',
];

const nameOf = (v: Obj): string => (typeof v.name === 'string' ? v.name : '');

/**
 * error_count and the value entries of the watched keys and of every key with an error, by name.
 * Definitions and the order of `configs` are left out: our Debezium ConfigDef holds ~60 of the real
 * ~150 keys, in our own groups (docs/postgres-connectors.md).
 */
function debeziumValidation(body: Json): Json {
  const b = asObj(body);
  const configs = Array.isArray(b.configs) ? b.configs : [];
  const values = configs
    .map((c) => asObj(c).value)
    .filter((v): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v))
    .filter((v) => WATCHED.includes(nameOf(v)) || (Array.isArray(v.errors) && v.errors.length > 0))
    .sort((x, y) => nameOf(x).localeCompare(nameOf(y)));
  return { name: b.name ?? null, error_count: b.error_count ?? null, values };
}

const config = (extra: Record<string, string | null>): Obj => {
  const out: Obj = {
    'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
    'database.hostname': '127.0.0.1',
    'database.port': '{{pgport}}',
    'database.user': 'postgres',
    'database.password': 'postgres',
    'database.dbname': 'postgres',
    'plugin.name': 'pgoutput',
    'slot.name': '{{slot}}',
    'publication.name': '{{slot}}_pub',
    'publication.autocreate.mode': 'filtered',
    'table.include.list': 'public.walcheck',
    'topic.prefix': '{{conn}}',
  };
  for (const [k, v] of Object.entries(extra)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
};

const BAD: [string, Record<string, string | null>][] = [
  ['prefix-missing', { 'topic.prefix': null }],
  ['prefix-empty', { 'topic.prefix': '' }],
  ['prefix-blank', { 'topic.prefix': '   ' }],
  ['prefix-invalid', { 'topic.prefix': 'my server!' }],
  ['legacy-server-name', { 'topic.prefix': null, 'database.server.name': 'dbserver1' }],
  ['hostname-missing', { 'database.hostname': null }],
  ['hostname-empty', { 'database.hostname': '' }],
  ['user-missing', { 'database.user': null }],
  ['dbname-missing', { 'database.dbname': null }],
  ['plugin-wal2json', { 'plugin.name': 'wal2json' }],
  ['slot-invalid', { 'slot.name': 'My-Slot' }],
  ['snapshot-invalid', { 'snapshot.mode': 'sometimes' }],
  ['snapshot-never', { 'snapshot.mode': 'never' }],
];

function scenario(): Step[] {
  const steps: Step[] = [];
  for (const [id, extra] of BAD) {
    steps.push({
      id: `validate-${id}`,
      method: 'PUT',
      path: '/connector-plugins/PostgresConnector/config/validate',
      body: { ...config(extra), name: '{{conn}}' },
      normalizeBody: debeziumValidation,
    });
  }
  for (const [id, extra] of BAD) {
    steps.push({
      id: `create-${id}`,
      method: 'POST',
      path: '/connectors',
      body: { name: '{{conn}}-bad', config: config(extra) },
    });
  }
  steps.push(
    {
      id: 'validate-ok-upper-case-plugin',
      method: 'PUT',
      path: '/connector-plugins/PostgresConnector/config/validate',
      body: { ...config({ 'plugin.name': 'PGOUTPUT' }), name: '{{conn}}' },
      normalizeBody: debeziumValidation,
    },
    // wal_level=replica: nothing in validate checks it, the task fails when it creates its slot
    {
      id: 'create-on-wal-level-replica',
      method: 'POST',
      path: '/connectors',
      body: { name: '{{conn}}', config: config({ 'database.port': '{{replport}}' }) },
    },
    {
      id: 'status-wal-level-replica',
      method: 'GET',
      path: '/connectors/{{conn}}/status',
      until: (r) =>
        (asObj(r.body).tasks as Json[] | undefined)?.some((t) => asObj(t).state === 'FAILED') ?? false,
      waitMs: 120_000,
    },
    {
      id: 'put-config-prefix-missing',
      method: 'PUT',
      path: '/connectors/{{conn}}/config',
      body: config({ 'database.port': '{{replport}}', 'topic.prefix': null }),
    },
    {
      id: 'put-config-slot-invalid',
      method: 'PUT',
      path: '/connectors/{{conn}}/config',
      body: config({ 'database.port': '{{replport}}', 'slot.name': 'Bad' }),
    },
    { id: 'delete', method: 'DELETE', path: '/connectors/{{conn}}' },
  );
  return steps;
}

/** A trace's exception lines: `Class: message` and `Caused by: ...`, without frames. */
const exceptionLines = (trace: string): string[] =>
  trace.split('\n').filter((l) => l.trim() !== '' && !/^\s+(at |\.\.\. \d+ more)/.test(l));

void test(
  'Debezium bad config through REST: our runtime answers like the real worker with real Debezium 3.6.1',
  { timeout: 10 * 60_000 },
  async () => {
    const cluster = testCluster();
    const runId = Date.now().toString(36);
    const [real, ours, replica] = await Promise.all([
      resolveDebeziumPluginPath().then((p) =>
        startRealConnect({
          pluginPath: [p],
          jvmProfile: 'fast',
          bootstrapServers: cluster.bootstrapServers,
          startupTimeoutMs: Number(process.env.KCL_REAL_CONNECT_STARTUP_MS ?? 300_000),
        }),
      ),
      startOurRuntime({ bootstrapServers: cluster.bootstrapServers }),
      startScratchPostgres('replica'),
    ]);
    stops.push(
      () => real.stop(),
      () => ours.stop(),
      () => replica.stop(),
    );
    const { default: pg } = await import('pg');
    const db = new pg.Client({ connectionString: replica.url });
    await db.connect();
    await db.query('CREATE TABLE walcheck (id int PRIMARY KEY, v text)');
    await db.end();

    const pgport = new URL(cluster.postgresUrl).port;
    const vars = (side: 'real' | 'ours', url: string): Vars => ({
      url,
      conn: `kcl-dbzrest-${runId}-${side}`,
      slot: `kcl_dbzrest_${runId}_${side}`,
      pgport,
      replport: String(replica.port),
    });
    const run = await runScenario(scenario(), {
      real: { name: 'real', url: real.url, vars: vars('real', real.url) },
      ours: { name: 'ours', url: ours.url, vars: vars('ours', ours.url) },
    });
    const unsettled = (run.real ?? []).filter((o) => !o.settled).map((o) => o.step);
    assert.deepEqual(unsettled, [], 'steps whose wait never held on the real worker');
    assert.equal(run.differences.length, 0, formatDifferences(run.differences));

    // what the real worker answered, so the test fails if the scenario stops exercising the errors
    const realOf = (id: string): StepOutcome => (run.real ?? []).find((o) => o.step === id)!;
    assert.equal(realOf('create-prefix-missing').status, 500);
    assert.match(
      JSON.stringify(realOf('validate-prefix-missing').body),
      /The 'topic.prefix' value is invalid: A value is required/,
    );
    const traceOf = (o: StepOutcome | undefined): string[] => exceptionLines(o?.traces?.[0] ?? '');
    const wal = (side: StepOutcome[] | undefined): StepOutcome | undefined =>
      side?.find((o) => o.step === 'status-wal-level-replica');
    assert.deepEqual(traceOf(wal(run.ours)), traceOf(wal(run.real)));
    assert.deepEqual(traceOf(wal(run.real)), [
      'io.debezium.DebeziumException: Creation of replication slot failed',
      'Caused by: org.postgresql.util.PSQLException: ERROR: logical decoding requires wal_level >= logical',
    ]);
  },
);
