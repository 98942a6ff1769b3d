/**
 * Reliability of our Debezium PostgreSQL connector (issue 4, "Must show"), on the real services:
 * our runtime as a child process, the launcher's Kafka broker and PostgreSQL.
 *  (a) kill -9 of the runtime during a stream of single-row update transactions → after a restart
 *      with the same group id every update is in the topic (0 lost, duplicates counted), the slot
 *      never confirmed more than Kafka committed, streaming resumes after the committed LSN, and the
 *      same replication slot is used again;
 *  (b) PostgreSQL restarted mid-stream → the task stays RUNNING, reconnects by itself (Debezium's
 *      retriable-error restart) and nothing is lost;
 *  (c) the Kafka broker restarted mid-stream → the task is RUNNING again and nothing is lost.
 * KCL_RELIABILITY_UPDATES sizes (a) (default 30000 to keep CI time small; the issue's figure is
 * KCL_RELIABILITY_UPDATES=100000); (b) and (c) stream KCL_RELIABILITY_RESTART_UPDATES (default 10000).
 */
import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { readTopicsToEnd } from '../../runtime/kafka/client';
import { uniqueName } from '../support/cluster';
import type { OurRuntime } from '../support/differential';
import { deleteTopics, kafka, readTopic, request, startOurRuntime, topicSize } from '../support/differential';
import { createTopicsWithLeaders } from '../support/kafka-topics';
import { startLabServices, stopLabService, whyNotRestartable } from '../support/lab-services';
import { createUpdateStream, tallyUpdates } from '../support/pg-update-stream';
import type { UpdateStream } from '../support/pg-update-stream';
import { uniqueGroupId } from '../support/runtime-process';

const PG_URL = process.env.KCL_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:15432/postgres';
const KILL_UPDATES = Number(process.env.KCL_RELIABILITY_UPDATES ?? 30_000);
const RESTART_UPDATES = Number(process.env.KCL_RELIABILITY_RESTART_UPDATES ?? 10_000);
const ROWS = 100;
/** How long the broker stays stopped in (c): longer than kafkajs' own producer retries last. */
const BROKER_DOWN_MS = Number(process.env.KCL_RELIABILITY_BROKER_DOWN_MS ?? 40_000);
/** Runs one scenario only (kill | pg | kafka), for working on it; unset = all three. */
const ONLY = process.env.KCL_RELIABILITY_ONLY;
const skipUnless = (which: string): { skip?: string } => {
  if (ONLY && ONLY !== which) return { skip: `KCL_RELIABILITY_ONLY=${ONLY}` };
  const why = which === 'kill' ? null : whyNotRestartable();
  return why ? { skip: why } : {};
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface ChangeValue {
  op: string;
  after: { id: number; seq: number } | null;
  source: { lsn: number; snapshot: string };
}

interface Scenario {
  name: string;
  table: string;
  prefix: string;
  slot: string;
  topic: string;
  stream: UpdateStream;
  runtime: OurRuntime;
}

function connectorConfig(s: Omit<Scenario, 'runtime' | 'stream' | 'name'>): Record<string, string> {
  const u = new URL(PG_URL);
  return {
    'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
    'database.hostname': u.hostname,
    'database.port': u.port,
    'database.user': u.username,
    'database.password': decodeURIComponent(u.password),
    'database.dbname': u.pathname.slice(1) || 'postgres',
    'topic.prefix': s.prefix,
    'plugin.name': 'pgoutput',
    'slot.name': s.slot,
    'publication.name': `${s.slot}_pub`,
    'publication.autocreate.mode': 'filtered',
    'table.include.list': `public.${s.table}`,
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable': 'false',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': 'false',
  };
}

async function taskState(url: string, name: string): Promise<string> {
  const res = await request(url, 'GET', `/connectors/${name}/status`).catch(() => null);
  const body = res?.body as { tasks?: { state: string; trace?: string }[] } | undefined;
  const task = body?.tasks?.[0];
  return task ? `${task.state}${task.trace ? `: ${task.trace.split('\n')[0]}` : ''}` : 'NONE';
}

async function waitFor<T>(
  what: string,
  ms: number,
  fn: () => Promise<T | null | undefined | false>,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
}

async function slotRow(
  slot: string,
): Promise<{ active: boolean; active_pid: number | null; confirmed_flush_lsn: string } | undefined> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    const r = await c.query<{ active: boolean; active_pid: number | null; confirmed_flush_lsn: string }>(
      'SELECT active, active_pid, confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = $1',
      [slot],
    );
    assert.ok(r.rows.length <= 1);
    return r.rows[0];
  } finally {
    await c.end();
  }
}

function lsnNumber(text: string): number {
  const [hi, lo] = text.split('/');
  return parseInt(hi ?? '0', 16) * 2 ** 32 + parseInt(lo ?? '0', 16);
}

/** The offset our runtime committed for the connector, read from its offsets topic (worker down). */
async function committedOffset(s: Scenario): Promise<Record<string, unknown> | null> {
  const k = kafka();
  const admin = k.admin();
  await admin.connect();
  let last: Record<string, unknown> | null = null;
  try {
    await readTopicsToEnd(k, admin, [`${s.runtime.groupId}-offsets`], uniqueName('kcl-offsets-read'), (r) => {
      const key = JSON.parse(r.key?.toString('utf8') ?? 'null') as [string, Record<string, string>] | null;
      if (key?.[0] === s.name && key[1]?.server === s.prefix)
        last = JSON.parse(r.value?.toString('utf8') ?? 'null') as Record<string, unknown> | null;
    });
  } finally {
    await admin.disconnect();
  }
  return last;
}

async function setUp(label: string): Promise<Scenario> {
  const table = uniqueName(`rel_${label}`);
  const prefix = `rel${label}${Date.now().toString(36)}`;
  const slot = `${table}_slot`;
  const topic = `${prefix}.public.${table}`;
  const admin = kafka().admin();
  await admin.connect();
  try {
    await createTopicsWithLeaders(admin, [topic]);
  } finally {
    await admin.disconnect();
  }
  const stream = await createUpdateStream(PG_URL, table, ROWS);
  const runtime = await startOurRuntime({ groupId: uniqueGroupId(`kcl-rel-${label}`) });
  const s: Scenario = { name: `${table}-cdc`, table, prefix, slot, topic, stream, runtime };
  const res = await request(runtime.url, 'POST', '/connectors', {
    text: JSON.stringify({ name: s.name, config: connectorConfig(s) }),
    contentType: 'application/json',
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  // the snapshot (ROWS read events) is in the topic and the slot streams: from here updates are caught
  await waitFor('the snapshot in the topic', 60_000, async () => (await topicSize(topic)) >= ROWS);
  await waitFor('the slot to be active', 60_000, async () => (await slotRow(slot))?.active);
  return s;
}

async function tearDown(s: Scenario | undefined): Promise<void> {
  if (!s) return;
  await s.stream.stop();
  await request(s.runtime.url, 'DELETE', `/connectors/${s.name}`).catch(() => undefined);
  await s.runtime.stop();
  await s.stream.drop().catch(() => undefined);
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await waitFor('the slot to be released', 30_000, async () => !(await slotRow(s.slot))?.active);
    await c.query('SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1', [
      s.slot,
    ]);
    await c.query(`DROP PUBLICATION IF EXISTS ${s.slot}_pub`);
  } finally {
    await c.end();
  }
  await deleteTopics([s.topic]);
}

/** Waits until every update 1..n is in the topic and the topic stopped growing; returns the values. */
async function collect(s: Scenario, n: number, fromOffset = 0): Promise<ChangeValue[]> {
  const expected = ROWS + n;
  try {
    await waitFor(`${expected} records`, 300_000, async () => (await topicSize(s.topic)) >= expected);
  } catch (e) {
    // say where it stopped: the task's state and the runtime's last log lines
    const tail = s.runtime.stderr().split('\n').slice(-15).join('\n');
    throw new Error(
      `${(e as Error).message}; ${await topicSize(s.topic)} records in ${s.topic}; task ${await taskState(s.runtime.url, s.name)}; runtime log:\n${tail}`,
    );
  }
  for (
    let previous = -1, size = await topicSize(s.topic);
    size !== previous;
    size = await topicSize(s.topic)
  ) {
    previous = size;
    await sleep(3000);
  }
  const records = await readTopic(s.topic);
  return records.slice(fromOffset).map((r) => JSON.parse(r.value?.toString('utf8') ?? 'null') as ChangeValue);
}

function report(
  t: TestContext,
  what: string,
  values: ChangeValue[],
  n: number,
): ReturnType<typeof tallyUpdates> {
  const updates = values.filter((v) => v.op === 'u');
  const result = tallyUpdates(
    updates.map((v) => v.after?.seq ?? -1),
    n,
  );
  t.diagnostic(
    `${what}: ${values.length} records (${updates.length} updates) for ${n} update transactions; lost ${result.lost}, duplicates ${result.duplicates}, unexpected ${result.unexpected}`,
  );
  assert.equal(result.lost, 0, `updates lost, e.g. seq ${result.firstLost.join(', ')}`);
  assert.equal(result.unexpected, 0, 'update events that no transaction of the stream made');
  return result;
}

void describe('Debezium PostgreSQL connector reliability (our runtime, real Kafka and PostgreSQL)', () => {
  let current: Scenario | undefined;
  before(() => {
    assert.ok(KILL_UPDATES >= 1000 && RESTART_UPDATES >= 1000, 'update counts must be at least 1000');
  });
  afterEach(async () => {
    const s = current;
    current = undefined;
    await tearDown(s);
  });

  void it(
    `kill -9 of the runtime during ${KILL_UPDATES} streamed updates → after restart every change is in the topic`,
    { timeout: 15 * 60_000, ...skipUnless('kill') },
    async (t) => {
      const s = await setUp('kill');
      current = s;
      const streaming = s.stream.run(1, KILL_UPDATES);
      const killAt = ROWS + Math.floor(KILL_UPDATES * 0.3);
      await waitFor(
        `${killAt} records before the kill`,
        300_000,
        async () => (await topicSize(s.topic)) >= killAt,
      );
      await s.runtime.kill9();
      const sizeAtKill = await topicSize(s.topic);
      const committed = await committedOffset(s);
      const slotAtKill = await waitFor('the slot to be released by the killed runtime', 30_000, async () => {
        const row = await slotRow(s.slot);
        return row && !row.active ? row : null;
      });
      t.diagnostic(
        `kill -9 with ${sizeAtKill - ROWS} updates in the topic, ${s.stream.done()} committed in PostgreSQL; committed offset ${JSON.stringify(committed)}; slot confirmed_flush_lsn ${slotAtKill.confirmed_flush_lsn}`,
      );
      assert.ok(
        sizeAtKill - ROWS < KILL_UPDATES,
        'every update was delivered before the kill: the test proves nothing',
      );
      assert.ok(
        committed && typeof committed.lsn === 'number',
        'an LSN offset was committed before the kill',
      );
      // the slot may never confirm past what Kafka holds as committed, or a restart would skip changes
      assert.ok(
        lsnNumber(slotAtKill.confirmed_flush_lsn) <= Number(committed.lsn_commit ?? committed.lsn),
        `slot confirmed ${slotAtKill.confirmed_flush_lsn} beyond the committed offset`,
      );

      s.runtime = await startOurRuntime({ groupId: s.runtime.groupId, stateDir: s.runtime.stateDir });
      t.diagnostic(`restarted in ${s.runtime.startupMs} ms`);
      await streaming;
      const all = await collect(s, KILL_UPDATES);
      const result = report(t, 'kill -9', all, KILL_UPDATES);
      const afterRestart = all.slice(sizeAtKill);
      assert.equal(
        afterRestart.filter((v) => v.op === 'r').length,
        0,
        'the restarted task took a new snapshot instead of resuming from the committed offset',
      );
      const resent = afterRestart.filter((v) => v.source.lsn <= Number(committed.lsn));
      assert.equal(resent.length, 0, 'the restarted task re-sent changes at or before the committed LSN');
      assert.ok(afterRestart.length > 0 && afterRestart[0].source.lsn > Number(committed.lsn));
      assert.ok(result.duplicates <= sizeAtKill, 'duplicates are bounded by what was in flight');
      const slot = await slotRow(s.slot);
      assert.ok(slot?.active, 'the same replication slot streams to the restarted runtime');
      assert.equal(await taskState(s.runtime.url, s.name), 'RUNNING');
    },
  );

  void it(
    `PostgreSQL restarted during ${RESTART_UPDATES} streamed updates → the task reconnects by itself, nothing lost`,
    { timeout: 10 * 60_000, ...skipUnless('pg') },
    async (t) => {
      const s = await setUp('pgrestart');
      current = s;
      const streaming = s.stream.run(1, RESTART_UPDATES, 500);
      const at = ROWS + Math.floor(RESTART_UPDATES * 0.3);
      await waitFor(
        `${at} records before the restart`,
        300_000,
        async () => (await topicSize(s.topic)) >= at,
      );
      await s.stream.hold();
      await stopLabService('postgres');
      const during: string[] = [];
      for (let i = 0; i < 6; i++) {
        during.push(await taskState(s.runtime.url, s.name));
        await sleep(1000);
      }
      await startLabServices();
      t.diagnostic(`task state while PostgreSQL was down: ${[...new Set(during)].join(' | ')}`);
      s.stream.release();
      // Debezium keeps the task RUNNING and restarts its streaming after retriable.restart.connector.wait.ms
      for (const state of during) assert.equal(state, 'RUNNING');
      await streaming;
      const all = await collect(s, RESTART_UPDATES);
      report(t, 'PostgreSQL restart', all, RESTART_UPDATES);
      assert.equal(await taskState(s.runtime.url, s.name), 'RUNNING');
      assert.ok((await slotRow(s.slot))?.active, 'streaming resumed on the same slot');
    },
  );

  void it(
    `Kafka broker restarted during ${RESTART_UPDATES} streamed updates → task RUNNING again, nothing lost`,
    { timeout: 10 * 60_000, ...skipUnless('kafka') },
    async (t) => {
      const s = await setUp('kafkarestart');
      current = s;
      const streaming = s.stream.run(1, RESTART_UPDATES, 500);
      const at = ROWS + Math.floor(RESTART_UPDATES * 0.3);
      await waitFor(
        `${at} records before the restart`,
        300_000,
        async () => (await topicSize(s.topic)) >= at,
      );
      await stopLabService('kafka');
      const during: string[] = [];
      // Down longer than kafkajs' own retries last (~30 s): only Connect's delivery.timeout.ms semantics
      // (retry until acked) keep the task alive across it.
      for (let i = 0; i < BROKER_DOWN_MS / 1000; i++) {
        during.push(await taskState(s.runtime.url, s.name));
        await sleep(1000);
      }
      await startLabServices();
      t.diagnostic(`task state while the broker was down: ${[...new Set(during)].join(' | ')}`);
      await streaming;
      const state = await waitFor('the task RUNNING after the broker restart', 120_000, async () => {
        const st = await taskState(s.runtime.url, s.name);
        return st === 'RUNNING' ? st : null;
      });
      assert.equal(state, 'RUNNING');
      const all = await collect(s, RESTART_UPDATES);
      report(t, 'broker restart', all, RESTART_UPDATES);
    },
  );
});
