/**
 * The `lab` CLI as a user runs it, on its own cluster (separate temp state dir, so it never
 * touches the launcher's): up, status, clients from outside, idempotent up, down leaving no
 * process, data surviving down/up, down --purge.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { connectEntry } from '../../runtime/lab/local/connect';
import type { ClusterStatus } from '../../runtime/lab/types';
import { uniqueName } from '../support/cluster';
import { readLabState, runLab, runLabOk } from '../support/lab-cli';
import type { LabRun } from '../support/lab-cli';

const lab = (args: string[]): LabRun => runLab(args);
const ok = (args: string[]): LabRun => runLabOk(args);
const readState = readLabState;

/** Every process whose command line mentions the state dir (ours are all started with paths in it). */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (cmd.includes(text) && !/\) Z /.test(stat)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function pgClient(url: string, database: string): pg.Client {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return new pg.Client({ connectionString: u.toString() });
}

void describe('lab CLI end to end (its own cluster)', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'kcl-lab-cli-'));
  // PostgreSQL runs as the postgres user when we are root: its data inside must be reachable.
  chmodSync(stateDir, 0o755);
  const table = uniqueName('lab_cli_rows');
  const topic = uniqueName('lab_cli_topic');
  let status: ClusterStatus;

  before(() => {
    ok(['up', '--detach', '--no-connect', '--state-dir', stateDir]);
  });

  after(() => {
    if (existsSync(stateDir)) lab(['down', '--purge', '--state-dir', stateDir]);
    rmSync(stateDir, { recursive: true, force: true });
  });

  void it('status --json prints exactly one object of the documented shape', () => {
    const { stdout } = ok(['status', '--json', '--state-dir', stateDir]);
    assert.equal(stdout.trim().split('\n').length, 1);
    status = JSON.parse(stdout) as ClusterStatus;
    const st = readState(stateDir);
    assert.deepEqual(status, {
      kafka: { bootstrapServers: `127.0.0.1:${st.ports.kafka}`, state: 'running' },
      postgres: {
        url: `postgres://postgres:postgres@127.0.0.1:${st.ports.postgres}/postgres`,
        state: 'running',
      },
      connect: { url: null, state: connectEntry() ? 'stopped' : 'absent' },
      // Started without --search: the search engine is listed as absent.
      search: { url: null, state: 'absent' },
    });
    const table = ok(['status', '--state-dir', stateDir]).stdout;
    assert.match(
      table,
      /^SERVICE +STATE +ADDRESS\nkafka +running +127\.0\.0\.1:\d+\npostgres +running +postgres:/,
    );
  });

  void it('a client outside the suite produces and consumes, and a replication slot opens', async () => {
    const kafka = new Kafka({
      clientId: 'lab-cli-test',
      brokers: [status.kafka.bootstrapServers ?? ''],
      logLevel: logLevel.WARN,
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'k', value: 'survives restarts' }] });
    await producer.disconnect();
    assert.deepEqual(await consumeOne(kafka, topic), { key: 'k', value: 'survives restarts' });

    const client = pgClient(status.postgres.url ?? '', 'mydb');
    await client.connect();
    try {
      await client.query(`CREATE TABLE ${table} (id int PRIMARY KEY, note text)`);
      await client.query(`INSERT INTO ${table} VALUES (1, 'kept across down/up')`);
      const slot = uniqueName('lab_cli_slot');
      await client.query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [slot]);
      const slots = await client.query<{ plugin: string }>(
        'SELECT plugin FROM pg_replication_slots WHERE slot_name = $1',
        [slot],
      );
      assert.deepEqual(slots.rows, [{ plugin: 'pgoutput' }]);
      await client.query('SELECT pg_drop_replication_slot($1)', [slot]);
      const dbs = await client.query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY datname');
      assert.deepEqual(
        dbs.rows.map((r) => r.datname).filter((d) => !d.startsWith('template')),
        ['inventory', 'mydb', 'postgres', 'warehouse'],
      );
    } finally {
      await client.end();
    }
  });

  void it('a second up reuses the running cluster (same ports, same processes)', () => {
    const before = readState(stateDir);
    const { stderr } = ok(['up', '--detach', '--no-connect', '--state-dir', stateDir]);
    assert.match(stderr, /kafka: already running/);
    assert.match(stderr, /postgres: already running/);
    const afterUp = readState(stateDir);
    assert.deepEqual(afterUp.ports, before.ports);
    assert.deepEqual(afterUp.processes, before.processes);
  });

  void it('logs prints the service log', () => {
    assert.match(ok(['logs', 'kafka', '--state-dir', stateDir]).stdout, /INFO .*Kafka Server started/);
    assert.match(
      ok(['logs', 'postgres', '--tail', '50', '--state-dir', stateDir]).stdout,
      /database system is ready/,
    );
  });

  void it('down stops every process it started and leaves none', () => {
    const st = readState(stateDir);
    const pids = Object.values(st.processes).map((p) => p.pid);
    assert.ok(pids.length >= 2);
    ok(['down', '--state-dir', stateDir]);
    for (const pid of pids)
      assert.equal(existsSync(`/proc/${pid}/cmdline`) && processesMentioning(stateDir).includes(pid), false);
    assert.deepEqual(processesMentioning(stateDir), []);
    const s = JSON.parse(ok(['status', '--json', '--state-dir', stateDir]).stdout) as ClusterStatus;
    assert.equal(s.kafka.state, 'stopped');
    assert.equal(s.postgres.state, 'stopped');
  });

  void it('up again keeps the data (table row, topic records) and the ports', async () => {
    const before = readState(stateDir);
    ok(['up', '--detach', '--no-connect', '--state-dir', stateDir]);
    assert.deepEqual(readState(stateDir).ports, before.ports);
    const client = pgClient(status.postgres.url ?? '', 'mydb');
    await client.connect();
    try {
      const rows = await client.query<{ note: string }>(`SELECT note FROM ${table} WHERE id = 1`);
      assert.deepEqual(rows.rows, [{ note: 'kept across down/up' }]);
    } finally {
      await client.end();
    }
    const kafka = new Kafka({
      clientId: 'lab-cli-test',
      brokers: [status.kafka.bootstrapServers ?? ''],
      logLevel: logLevel.WARN,
    });
    assert.deepEqual(await consumeOne(kafka, topic), { key: 'k', value: 'survives restarts' });
  });

  void it('down --purge removes the processes and the data', () => {
    const st = readState(stateDir);
    ok(['down', '--purge', '--state-dir', stateDir]);
    assert.equal(existsSync(stateDir), false);
    assert.equal(existsSync(st.postgres.dir), false);
    assert.deepEqual(processesMentioning(stateDir), []);
  });
});

async function consumeOne(kafka: Kafka, topic: string): Promise<{ key: string; value: string }> {
  const consumer = kafka.consumer({ groupId: uniqueName('lab_cli_group') });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    return await new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no record on ${topic} within 30 s`)), 30000);
      void consumer.run({
        eachMessage: ({ message }) => {
          clearTimeout(timer);
          resolvePromise({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}
