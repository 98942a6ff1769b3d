/**
 * `lab up --search` on a lab that already runs Kafka, PostgreSQL and the Connect runtime without
 * the search engine (the local provider, through the CLI as a user runs it, on its own state dir):
 * the runtime is restarted with the `elasticsearch` host name pointing at the new engine, keeps
 * its connectors (they live in Kafka) and the lesson's Elasticsearch sink config with
 * connection.url http://elasticsearch:9200 indexes into the lab's engine. A second `up --search`
 * keeps the runtime as it is.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { connectEntry } from '../../runtime/lab/local/connect';
import type { ClusterStatus } from '../../runtime/lab/types';
import { uniqueName } from '../support/cluster';
import { labCliEnv, readLabState, REPO, runLab, runLabOk } from '../support/lab-cli';
import type { LabRun } from '../support/lab-cli';
import { labHostsOfPid } from '../support/process-env';
import { eventually, http } from '../support/runtime-process';
import { allDocs } from '../support/search-engine';

const LESSON = join(REPO, 'test', 'fixtures', 'lesson-configs', 'products-elasticsearch-sink.json');
// Through the CLI; OpenSearch's first start takes minutes on a loaded machine.
const lab = (args: string[]): LabRun => runLab(args, labCliEnv(), 480_000);
const ok = (args: string[]): LabRun => runLabOk(args, 480_000);
const readState = readLabState;

async function connectorState(url: string, name: string): Promise<string | undefined> {
  const s = (await http(url, 'GET', `/connectors/${name}/status`)).body as {
    connector?: { state: string };
    tasks?: { state: string; trace?: string }[];
  };
  const t = s.tasks?.[0];
  if (t?.state === 'FAILED') throw new Error(`${name} task FAILED: ${t.trace ?? ''}`);
  return s.connector?.state === 'RUNNING' && t?.state === 'RUNNING' ? 'RUNNING' : undefined;
}

const skip = connectEntry() ? false : 'this build has no Connect runtime to start';

void describe('lab up --search on a running lab (local provider)', { skip }, () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'kcl-lab-search-attach-'));
  chmodSync(stateDir, 0o755);
  const fileTopic = uniqueName('attach-file');
  const esTopic = uniqueName('attach-products');
  const sinkFile = join(stateDir, 'file-sink.txt');
  let kafka: Kafka;
  let initial: ClusterStatus;
  let connectPid: number;

  const produce = async (topic: string, values: string[]): Promise<void> => {
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: values.map((value) => ({ value })) });
    } finally {
      await producer.disconnect();
    }
  };

  const fileLines = (): string[] =>
    existsSync(sinkFile) ? readFileSync(sinkFile, 'utf8').split('\n').filter(Boolean) : [];

  before(async () => {
    ok(['up', '--detach', '--provider', 'local', '--state-dir', stateDir]);
    initial = JSON.parse(ok(['status', '--json', '--state-dir', stateDir]).stdout) as ClusterStatus;
    assert.equal(initial.connect.state, 'running');
    assert.deepEqual(initial.search, { url: null, state: 'absent' });
    kafka = new Kafka({
      clientId: 'lab-search-attach',
      brokers: [initial.kafka.bootstrapServers ?? ''],
      logLevel: logLevel.NOTHING,
    });
    const pid = readState(stateDir).processes.connect?.pid;
    assert.ok(pid);
    connectPid = pid;
    // Started without the engine: the runtime knows postgres and kafka, not elasticsearch.
    assert.deepEqual(Object.keys(labHostsOfPid(connectPid)).sort(), ['kafka', 'postgres']);
    // A connector deployed before the engine is added: it must survive the runtime's restart.
    const url = initial.connect.url ?? '';
    const res = await http(url, 'PUT', '/connectors/keep-me/config', {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      topics: fileTopic,
      file: sinkFile,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    });
    assert.equal(res.status, 201, res.text);
    await produce(fileTopic, ['before']);
    await eventually(() => fileLines().includes('before'), 120_000, 'keep-me writes "before"');
  });

  after(() => {
    if (existsSync(join(stateDir, 'lab-state.json'))) lab(['down', '--purge', '--state-dir', stateDir]);
    rmSync(stateDir, { recursive: true, force: true });
  });

  void it('up --search starts the engine and restarts the runtime with elasticsearch → the engine', () => {
    const { stderr } = ok(['up', '--detach', '--search', '--state-dir', stateDir]);
    const st = readState(stateDir);
    assert.ok(st.ports.search);
    assert.match(
      stderr,
      new RegExp(
        `connect: restarting the runtime at .* \\(elasticsearch → 127\\.0\\.0\\.1:${st.ports.search}\\); its connectors resume from Kafka`,
      ),
    );
    const newPid = st.processes.connect?.pid;
    assert.ok(newPid);
    assert.notEqual(newPid, connectPid);
    assert.deepEqual(labHostsOfPid(newPid), {
      postgres: `127.0.0.1:${st.ports.postgres}`,
      kafka: `127.0.0.1:${st.ports.kafka}`,
      elasticsearch: `127.0.0.1:${st.ports.search}`,
    });
    const now = JSON.parse(ok(['status', '--json', '--state-dir', stateDir]).stdout) as ClusterStatus;
    assert.deepEqual(now, {
      ...initial,
      search: { url: `http://127.0.0.1:${st.ports.search}`, state: 'running' },
    });
    connectPid = newPid;
  });

  void it('the connector deployed before keeps running after the restart', async () => {
    const url = initial.connect.url ?? '';
    await eventually(() => connectorState(url, 'keep-me'), 120_000, 'keep-me RUNNING');
    await produce(fileTopic, ['after']);
    await eventually(() => fileLines().includes('after'), 120_000, 'keep-me writes "after"');
    assert.deepEqual(fileLines(), ['before', 'after']);
  });

  void it("the lesson's sink with connection.url http://elasticsearch:9200 indexes into the lab's engine", async () => {
    const url = initial.connect.url ?? '';
    const lesson = JSON.parse(readFileSync(LESSON, 'utf8')) as {
      name: string;
      config: Record<string, string>;
    };
    assert.equal(lesson.config['connection.url'], 'http://elasticsearch:9200');
    const res = await http(url, 'PUT', `/connectors/${lesson.name}/config`, {
      ...lesson.config,
      topics: esTopic,
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
    });
    assert.equal(res.status, 201, res.text);
    await produce(
      esTopic,
      [1, 2, 3].map((id) => JSON.stringify({ id, name: `product ${id}` })),
    );
    const search = `http://127.0.0.1:${readState(stateDir).ports.search}`;
    const docs = await eventually(
      async () => {
        await connectorState(url, lesson.name);
        const d = await allDocs(search, esTopic);
        return d.length === 3 ? d : undefined;
      },
      180_000,
      `3 documents in ${esTopic}`,
    );
    assert.deepEqual(
      docs.map((d) => d._source.name),
      ['product 1', 'product 2', 'product 3'],
    );
    assert.match(
      readFileSync(join(stateDir, 'logs', 'connect.log'), 'utf8'),
      new RegExp(`lab alias applied: http://elasticsearch:9200 -> ${search}`),
    );
  });

  void it('up --search again keeps the runtime (same process, same host names)', () => {
    const { stderr } = ok(['up', '--detach', '--search', '--state-dir', stateDir]);
    assert.match(stderr, /connect: already running at /);
    assert.doesNotMatch(stderr, /restarting the runtime/);
    assert.equal(readState(stateDir).processes.connect?.pid, connectPid);
  });
});
