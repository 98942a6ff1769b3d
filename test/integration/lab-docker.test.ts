/**
 * The Docker provider through a real Docker Engine API (podman's here, see .ci/setup), on its own
 * compose project and state dir: up from nothing, up again (reuse), status --json, Kafka and a
 * PostgreSQL replication slot through the published ports, the search engine added to the running
 * lab (`up --search`: the Elasticsearch-image container, a document through its published port, the
 * runtime restarted with `elasticsearch` → that port), down (only ours), data surviving down/up,
 * down --purge; then each error a user can meet. Skipped, with the reason, when no engine
 * answers or the default images are missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import type Docker from 'dockerode';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { connectEngine } from '../../runtime/lab/docker/engine';
import { imagePresent } from '../../runtime/lab/docker/images';
import { containerName, networkName, projectName, volumeName } from '../../runtime/lab/docker/project';
import { DEFAULT_SEARCH_IMAGE } from '../../runtime/lab/docker/search-image';
import { DEFAULT_KAFKA_IMAGE, DEFAULT_POSTGRES_IMAGE } from '../../runtime/lab/docker/services';
import { connectEntry } from '../../runtime/lab/local/connect';
import { down, isLabError, logs, status, up } from '../../runtime/lab/index';
import type { LabErrorCode } from '../../runtime/lab/index';
import type { LabState } from '../../runtime/lab/state-dir';
import type { ClusterStatus } from '../../runtime/lab/types';
import { uniqueName } from '../support/cluster';
import { labHostsOfPid } from '../support/process-env';
import { searchApi } from '../support/search-engine';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'runtime', 'lab', 'cli.ts');
const READY_MS = 240_000;
const root = mkdtempSync(join(tmpdir(), 'kcl-lab-docker-'));
chmodSync(root, 0o755);
let n = 0;
const freshDir = (): string => join(root, `s${n++}`);
const stateDir = freshDir();
const env = { ...process.env };
delete env.KCL_STATE_DIR;
delete env.KCL_LAB_PROVIDER;
const project = projectName(stateDir, env);

let docker: Docker | undefined;
let skipReason: string | undefined;

function skipIfNoEngine(t: TestContext): boolean {
  if (skipReason === undefined) return false;
  t.skip(skipReason);
  return true;
}

async function expectLabError(
  p: Promise<unknown>,
  code: LabErrorCode,
  message: RegExp,
): Promise<Error & { nextStep: string }> {
  try {
    await p;
  } catch (e) {
    assert.ok(isLabError(e), `expected a LabError, got ${String(e)}`);
    assert.equal(e.code, code, e.describe());
    assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected ${code}`);
}

function dockerApi(): Docker {
  assert.ok(docker);
  return docker;
}

async function ourContainers(dir = stateDir): Promise<Docker.ContainerInfo[]> {
  return dockerApi().listContainers({
    all: true,
    filters: { label: [`dev.kafka-connect-lab.state-dir=${resolve(dir)}`] },
  });
}

async function volumeExists(name: string): Promise<boolean> {
  try {
    await dockerApi().getVolume(name).inspect();
    return true;
  } catch {
    return false;
  }
}

function kafkaOf(s: ClusterStatus): Kafka {
  assert.ok(s.kafka.bootstrapServers);
  return new Kafka({
    clientId: 'lab-docker-test',
    brokers: [s.kafka.bootstrapServers],
    logLevel: logLevel.NOTHING,
  });
}

async function withPg<T>(s: ClusterStatus, database: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  assert.ok(s.postgres.url);
  const c = new pg.Client({ connectionString: s.postgres.url.replace(/\/postgres$/, `/${database}`) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function consumeAll(kafka: Kafka, topic: string, count: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('lab-docker-g') });
  const got: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolveDone, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${got.length}/${count} records`)), 60_000);
      void consumer.run({
        eachMessage: ({ message }) => {
          got.push(message.value?.toString() ?? '');
          if (got.length >= count) {
            clearTimeout(timer);
            resolveDone();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return got;
}

function readState(): LabState {
  return JSON.parse(readFileSync(join(stateDir, 'lab-state.json'), 'utf8')) as LabState;
}

const topic = uniqueName('lab-docker-topic');
const slot = `lab_docker_${process.pid}`;
let first: ClusterStatus;
let firstIds: string[] = [];
let foreignId: string | undefined;
let withSearch: ClusterStatus;

void describe('lab --provider docker', { concurrency: false }, () => {
  before(async () => {
    try {
      docker = (await connectEngine(env)).docker;
    } catch (e) {
      skipReason = `no Docker engine: ${isLabError(e) ? e.message : String(e)} (.ci/setup starts podman)`;
      return;
    }
    for (const image of [DEFAULT_KAFKA_IMAGE, DEFAULT_POSTGRES_IMAGE, DEFAULT_SEARCH_IMAGE]) {
      if (!(await imagePresent(docker, image))) {
        skipReason = `image ${image} is missing and no registry is reachable: run bash test/support/images/podman-setup.sh`;
        return;
      }
    }
  });

  after(async () => {
    for (const dir of [stateDir, ...Array.from({ length: n }, (_, i) => join(root, `s${i}`))]) {
      if (existsSync(dir)) await down({ stateDir: dir, purge: true, env }).catch(() => undefined);
    }
    if (foreignId)
      await dockerApi()
        .getContainer(foreignId)
        .remove({ force: true })
        .catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });

  void it('up from nothing: compose-labelled containers, network and volumes, ports on 127.0.0.1', async (t) => {
    if (skipIfNoEngine(t)) return;
    const lines: string[] = [];
    first = await up({
      stateDir,
      env,
      provider: 'docker',
      connect: false,
      readyTimeoutMs: READY_MS,
      onProgress: (l) => lines.push(l),
    });
    assert.equal(first.kafka.state, 'running');
    assert.equal(first.postgres.state, 'running');
    assert.match(first.kafka.bootstrapServers ?? '', /^127\.0\.0\.1:\d+$/);
    assert.match(lines.join('\n'), /postgres: created databases mydb, inventory, warehouse/);
    const containers = await ourContainers();
    assert.deepEqual(containers.map((c) => c.Labels['com.docker.compose.service']).sort(), [
      'kafka',
      'postgres',
    ]);
    for (const c of containers) {
      assert.equal(c.Labels['com.docker.compose.project'], project);
      assert.equal(c.Labels['com.docker.compose.oneoff'], 'False');
      assert.equal(c.State, 'running');
      const info = await dockerApi().getContainer(c.Id).inspect();
      const portBindings = (info.HostConfig.PortBindings ?? {}) as Record<string, { HostIp: string }[]>;
      const bindings = Object.values(portBindings).flat();
      assert.ok(bindings.length > 0);
      for (const b of bindings) assert.equal(b.HostIp, '127.0.0.1');
      assert.ok(Object.keys(info.NetworkSettings.Networks).includes(networkName(project)));
    }
    firstIds = containers.map((c) => c.Id).sort();
    const net = await dockerApi().getNetwork(networkName(project)).inspect();
    assert.equal((net as { Labels: Record<string, string> }).Labels['com.docker.compose.project'], project);
    for (const s of ['kafka', 'postgres'] as const) assert.ok(await volumeExists(volumeName(project, s)));
  });

  void it('produce/consume and a logical replication slot through the published ports', async (t) => {
    if (skipIfNoEngine(t)) return;
    const kafka = kafkaOf(first);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'one' }, { value: 'two' }, { value: 'three' }] });
    await producer.disconnect();
    assert.deepEqual(await consumeAll(kafka, topic, 3), ['one', 'two', 'three']);
    await withPg(first, 'inventory', async (c) => {
      await c.query('CREATE TABLE lab_docker_items (id int primary key, name text)');
      await c.query("INSERT INTO lab_docker_items VALUES (1, 'Laptop')");
      const res = await c.query<{ wal_level: string }>('SHOW wal_level');
      assert.equal(res.rows[0]?.wal_level, 'logical');
      await c.query('CREATE PUBLICATION lab_docker_pub FOR TABLE lab_docker_items');
      await c.query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [slot]);
      await c.query("INSERT INTO lab_docker_items VALUES (2, 'Phone')");
      // The slot decodes the insert with pgoutput (what Debezium reads): Begin, Relation, Insert, Commit.
      const changes = await c.query<{ data: Buffer }>(
        'SELECT data FROM pg_logical_slot_peek_binary_changes($1, NULL, NULL, $2, $3, $4, $5)',
        [slot, 'proto_version', '1', 'publication_names', 'lab_docker_pub'],
      );
      const kinds = changes.rows.map((r) => String.fromCharCode(r.data[0] ?? 0)).join('');
      assert.equal(kinds, 'BRIC');
      const slots = await c.query<{ slot_name: string }>('SELECT slot_name FROM pg_replication_slots');
      assert.ok(slots.rows.some((r) => r.slot_name === slot));
    });
  });

  void it('up again reuses the running containers, same ports', async (t) => {
    if (skipIfNoEngine(t)) return;
    const lines: string[] = [];
    const again = await up({
      stateDir,
      env,
      provider: 'docker',
      connect: false,
      onProgress: (l) => lines.push(l),
    });
    assert.deepEqual(again, first);
    assert.match(lines.join('\n'), /kafka: container .* already running/);
    assert.deepEqual((await ourContainers()).map((c) => c.Id).sort(), firstIds);
  });

  void it('status --json and logs through the CLI and the module', async (t) => {
    if (skipIfNoEngine(t)) return;
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', CLI, 'status', '--json', '--state-dir', stateDir],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), first);
    assert.match(await logs('kafka', { stateDir, env }), /Kafka Server started/);
    assert.match(await logs('postgres', { stateDir, env }), /database system is ready to accept connections/);
  });

  void it('up --search on the running lab: the search container; the runtime restarted with elasticsearch', async (t) => {
    if (skipIfNoEngine(t)) return;
    const withConnect = connectEntry() !== undefined;
    // The runtime first, without the engine (as a user who adds the engine later has it).
    const plain = await up({ stateDir, env, provider: 'docker', readyTimeoutMs: READY_MS });
    assert.deepEqual(plain.search, { url: null, state: 'absent' });
    const pidBefore = readState().processes.connect?.pid;
    if (withConnect) {
      assert.ok(pidBefore);
      assert.equal(labHostsOfPid(pidBefore).elasticsearch, undefined);
    }
    const lines: string[] = [];
    withSearch = await up({
      stateDir,
      env,
      provider: 'docker',
      search: true,
      readyTimeoutMs: READY_MS,
      onProgress: (l) => lines.push(l),
    });
    const st = readState();
    assert.ok(st.ports.search);
    const url = `http://127.0.0.1:${st.ports.search}`;
    assert.deepEqual(withSearch, { ...plain, search: { url, state: 'running' } });
    const text = lines.join('\n');
    assert.match(text, /kafka: container .* already running/);
    const name = containerName(project, 'search');
    assert.match(text, new RegExp(`search: container ${name} created and started`));
    assert.equal(st.docker?.searchImage, DEFAULT_SEARCH_IMAGE);

    const info = await dockerApi().getContainer(name).inspect();
    assert.equal(info.Config.Image, DEFAULT_SEARCH_IMAGE);
    assert.equal(info.Config.Labels['com.docker.compose.service'], 'search');
    assert.equal(info.Config.Labels['com.docker.compose.project'], project);
    // Only 9200, only on 127.0.0.1 (podman lists the image's other exposed port, 9300, as null).
    const bindings = Object.values(
      (info.HostConfig.PortBindings ?? {}) as Record<string, { HostIp: string; HostPort: string }[] | null>,
    )
      .flat()
      .filter((b) => b !== null);
    assert.deepEqual(bindings, [{ HostIp: '127.0.0.1', HostPort: String(st.ports.search) }]);
    for (const setting of ['discovery.type=single-node', 'xpack.security.enabled=false'])
      assert.ok(info.Config.Env.includes(setting), `${setting} in ${info.Config.Env.join(' ')}`);
    const endpoint = info.NetworkSettings.Networks[networkName(project)] as
      { Aliases?: string[] } | undefined;
    assert.ok(endpoint?.Aliases?.includes('elasticsearch'), JSON.stringify(endpoint));

    if (withConnect) {
      assert.match(text, /connect: restarting the runtime at .*elasticsearch → 127\.0\.0\.1:\d+/);
      const pid = st.processes.connect?.pid;
      assert.ok(pid);
      assert.notEqual(pid, pidBefore);
      assert.equal(labHostsOfPid(pid).elasticsearch, `127.0.0.1:${st.ports.search}`);
    }
  });

  void it('search: a document indexed through the published port is found again (no password)', async (t) => {
    if (skipIfNoEngine(t)) return;
    const url = withSearch.search?.url ?? '';
    const put = await searchApi(url, 'PUT', '/lab-docker-search/_doc/1?refresh=true', { name: 'Laptop' });
    assert.equal(put.status, 201, JSON.stringify(put.body));
    const got = await searchApi(url, 'GET', '/lab-docker-search/_doc/1');
    assert.equal(got.status, 200);
    assert.deepEqual(got.body._source, { name: 'Laptop' });
    const found = await searchApi(url, 'POST', '/lab-docker-search/_search', {
      query: { match: { name: 'laptop' } },
    });
    assert.equal((found.body.hits as { total: { value: number } }).total.value, 1);
    assert.equal((await searchApi(url, 'GET', '/_cluster/health')).body.number_of_nodes, 1);
  });

  void it('search: status --json through the CLI, lab logs search, up --search again reuses all', async (t) => {
    if (skipIfNoEngine(t)) return;
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', CLI, 'status', '--json', '--state-dir', stateDir],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), withSearch);
    assert.match(await logs('search', { stateDir, env }), /started/);
    const pid = readState().processes.connect?.pid;
    const lines: string[] = [];
    const again = await up({
      stateDir,
      env,
      provider: 'docker',
      search: true,
      onProgress: (l) => lines.push(l),
    });
    assert.deepEqual(again, withSearch);
    assert.match(lines.join('\n'), /search: container .* already running/);
    assert.doesNotMatch(lines.join('\n'), /restarting the runtime/);
    assert.equal(readState().processes.connect?.pid, pid);
  });

  void it('down removes only our containers and the network; volumes stay', async (t) => {
    if (skipIfNoEngine(t)) return;
    // Someone else's container in the same compose project (another tool, or by hand): not ours.
    const foreign = await dockerApi().createContainer({
      name: uniqueName('kcl-foreign'),
      Image: DEFAULT_POSTGRES_IMAGE,
      Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'kafka' },
    });
    foreignId = foreign.id;
    await down({ stateDir, env });
    assert.deepEqual(await ourContainers(), []);
    assert.ok(await dockerApi().getContainer(foreign.id).inspect());
    for (const s of ['kafka', 'postgres', 'search'] as const)
      assert.ok(await volumeExists(volumeName(project, s)));
    const s = await status({ stateDir, env });
    assert.equal(s.kafka.state, 'stopped');
    assert.equal(s.postgres.state, 'stopped');
    assert.deepEqual(s.search, { url: withSearch.search?.url, state: 'stopped' });
    // The containers' output was kept for `lab logs`.
    assert.match(await logs('kafka', { stateDir, env }), /Kafka Server started/);
    assert.match(await logs('search', { stateDir, env }), /started/);
  });

  void it('up after down: the topic, the table and the replication slot are still there', async (t) => {
    if (skipIfNoEngine(t)) return;
    const s = await up({ stateDir, env, provider: 'docker', connect: false, readyTimeoutMs: READY_MS });
    assert.equal(s.kafka.bootstrapServers, first.kafka.bootstrapServers);
    assert.deepEqual(await consumeAll(kafkaOf(s), topic, 3), ['one', 'two', 'three']);
    await withPg(s, 'inventory', async (c) => {
      const rows = await c.query<{ name: string }>('SELECT name FROM lab_docker_items ORDER BY id');
      assert.deepEqual(
        rows.rows.map((r) => r.name),
        ['Laptop', 'Phone'],
      );
      const slots = await c.query<{ slot_name: string }>('SELECT slot_name FROM pg_replication_slots');
      assert.ok(slots.rows.some((r) => r.slot_name === slot));
      await c.query('SELECT pg_drop_replication_slot($1)', [slot]);
    });
  });

  void it('down --purge removes the containers, the volumes and the state dir', async (t) => {
    if (skipIfNoEngine(t)) return;
    await down({ stateDir, env, purge: true });
    assert.deepEqual(await ourContainers(), []);
    for (const s of ['kafka', 'postgres', 'search'] as const)
      assert.equal(await volumeExists(volumeName(project, s)), false);
    assert.equal(existsSync(stateDir), false);
  });

  void it('engine not reachable: says how to start one; nothing written', async (t) => {
    if (skipIfNoEngine(t)) return;
    const dir = freshDir();
    const e = await expectLabError(
      up({
        stateDir: dir,
        env: { ...env, DOCKER_HOST: `unix://${join(root, 'none.sock')}` },
        provider: 'docker',
      }),
      'ENGINE_NOT_REACHABLE',
      /No Docker engine answers at .*none\.sock/,
    );
    assert.match(e.nextStep, /Start Docker/);
    assert.equal(existsSync(dir), false);
  });

  void it('engine too old: names the API versions', async (t) => {
    if (skipIfNoEngine(t)) return;
    const dir = freshDir();
    await expectLabError(
      up({ stateDir: dir, env: { ...env, KCL_DOCKER_MIN_API: '99.0' }, provider: 'docker' }),
      'ENGINE_TOO_OLD',
      /speaks Docker API 1\.\d+; the lab needs 99\.0 or newer/,
    );
    assert.equal(existsSync(dir), false);
  });

  void it('image pull failed (offline): names the image; nothing started', async (t) => {
    if (skipIfNoEngine(t)) return;
    const dir = freshDir();
    const e = await expectLabError(
      up({ stateDir: dir, env, provider: 'docker', kafkaImage: 'kcl-missing/kafka:0', connect: false }),
      'IMAGE_PULL_FAILED',
      /Pulling the kafka image kcl-missing\/kafka:0 failed: /,
    );
    assert.match(e.nextStep, /docker pull kcl-missing\/kafka:0/);
    assert.deepEqual(await ourContainers(dir), []);
    await down({ stateDir: dir, env, purge: true });
  });

  void it('a container that exits during startup: its last log lines; the others are removed', async (t) => {
    if (skipIfNoEngine(t)) return;
    const dir = freshDir();
    // The postgres image as the Kafka container: it exits at once, as a wrong image would.
    await expectLabError(
      up({
        stateDir: dir,
        env,
        provider: 'docker',
        kafkaImage: DEFAULT_POSTGRES_IMAGE,
        connect: false,
        readyTimeoutMs: READY_MS,
      }),
      'START_FAILED',
      /The kafka container .* exited during startup \(exit code 1\)\. Last log lines:\n[^]*superuser password is not specified/,
    );
    assert.deepEqual(await ourContainers(dir), []);
    await down({ stateDir: dir, env, purge: true });
  });

  void it('port taken: PORT_IN_USE names the port; nothing started', async (t) => {
    if (skipIfNoEngine(t)) return;
    const dir = freshDir();
    // A cluster that existed (ports remembered), then another process takes its Postgres port.
    await expectLabError(
      up({ stateDir: dir, env, provider: 'docker', kafkaImage: 'kcl-missing/kafka:0', connect: false }),
      'IMAGE_PULL_FAILED',
      /kcl-missing/,
    );
    const state = JSON.parse(readFileSync(join(dir, 'lab-state.json'), 'utf8')) as {
      ports: { postgres: number };
    };
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(state.ports.postgres, '127.0.0.1', r));
    try {
      const e = await expectLabError(
        up({ stateDir: dir, env, provider: 'docker', kafkaImage: DEFAULT_KAFKA_IMAGE, connect: false }),
        'PORT_IN_USE',
        new RegExp(`Port ${state.ports.postgres} on 127\\.0\\.0\\.1, chosen for postgres, is taken`),
      );
      assert.match(e.nextStep, /ss -ltnp/);
      assert.deepEqual(
        (await ourContainers(dir)).filter((c) => c.State === 'running'),
        [],
      );
    } finally {
      server.close();
      await down({ stateDir: dir, env, purge: true });
    }
  });

  void it('container names of the project are per state dir', (t) => {
    if (skipIfNoEngine(t)) return;
    assert.notEqual(containerName(projectName(freshDir(), env), 'kafka'), containerName(project, 'kafka'));
  });
});
