/**
 * The runtime against the real broker: connector lifecycle, restart semantics, offsets API, topics,
 * FileStream round trip and bad input — through the REST API of a runtime started as a child process.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually, http, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';

const unique = (p: string): string => `${p}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

interface Status {
  connector: { state: string; trace?: string };
  tasks: { id: number; state: string }[];
}

async function status(rt: RuntimeProcess, name: string): Promise<Status | undefined> {
  const r = await http(rt.url, 'GET', `/connectors/${name}/status`);
  return r.status === 200 ? (r.body as Status) : undefined;
}

async function waitState(
  rt: RuntimeProcess,
  name: string,
  connector: string,
  tasks: string[] | null,
): Promise<Status> {
  return eventually(
    async () => {
      const s = await status(rt, name);
      if (!s || s.connector.state !== connector) return undefined;
      if (tasks !== null && JSON.stringify(s.tasks.map((t) => t.state)) !== JSON.stringify(tasks))
        return undefined;
      return s;
    },
    30000,
    `${name} to be ${connector} ${JSON.stringify(tasks)}`,
  );
}

void describe('runtime lifecycle (real broker)', () => {
  let rt: RuntimeProcess;
  const dir = mkdtempSync(join(tmpdir(), 'kcl-rt-'));

  before(async () => {
    rt = await startRuntimeProcess({ offsetFlushIntervalMs: 500 });
  });
  after(async () => {
    const code = await rt.stop();
    assert.equal(code, 0, `runtime exits cleanly on SIGTERM; stderr:\n${rt.stderr().slice(-2000)}`);
  });

  void it('answers GET / and /health', async () => {
    const root = await http(rt.url, 'GET', '/');
    assert.equal(root.status, 200);
    assert.deepEqual(Object.keys(root.body as object), ['version', 'commit', 'kafka_cluster_id']);
    const health = await http(rt.url, 'GET', '/health');
    assert.deepEqual(health.body, {
      status: 'healthy',
      message: 'Worker has completed startup and is ready to handle requests.',
    });
  });

  void it('streams a file through a topic into another file and tracks topics', async () => {
    const topic = unique('rt-file');
    const input = join(dir, 'in.txt');
    const output = join(dir, 'out.txt');
    writeFileSync(input, 'alpha\nbeta\r\ngamma\rdelta\n');
    const src = unique('src');
    const sink = unique('sink');
    const created = await http(rt.url, 'POST', '/connectors', {
      name: src,
      config: { 'connector.class': 'FileStreamSource', file: input, topic },
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('location')?.endsWith(`/connectors/${src}`), true);
    assert.deepEqual(created.body, {
      name: src,
      config: { 'connector.class': 'FileStreamSource', file: input, topic, name: src },
      tasks: [],
      type: 'source',
    });
    await waitState(rt, src, 'RUNNING', ['RUNNING']);
    const s2 = await http(rt.url, 'POST', '/connectors', {
      name: sink,
      config: {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
        file: output,
        topics: topic,
      },
    });
    assert.equal(s2.status, 201);
    await eventually(
      () => existsSync(output) && readFileSync(output, 'utf8') === 'alpha\nbeta\ngamma\ndelta\n',
      30000,
      'sink output',
    );
    appendFileSync(input, 'epsilon\n');
    await eventually(() => readFileSync(output, 'utf8').endsWith('delta\nepsilon\n'), 30000, 'appended line');
    const topics = await http(rt.url, 'GET', `/connectors/${src}/topics`);
    assert.deepEqual(topics.body, { [src]: { topics: [topic] } });
    const reset = await http(rt.url, 'PUT', `/connectors/${src}/topics/reset`);
    assert.equal(reset.status, 202);
    assert.deepEqual((await http(rt.url, 'GET', `/connectors/${src}/topics`)).body, {
      [src]: { topics: [] },
    });

    // Offsets: only when STOPPED.
    const notStopped = await http(rt.url, 'PATCH', `/connectors/${src}/offsets`, {
      offsets: [{ partition: { filename: input }, offset: { position: 0 } }],
    });
    assert.equal(notStopped.status, 400);
    assert.equal(
      (notStopped.body as { message: string }).message,
      `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${src}/stop' endpoint`,
    );
    await eventually(
      async () => {
        const o = await http(rt.url, 'GET', `/connectors/${src}/offsets`);
        const list = (o.body as { offsets: { offset: { position: number } }[] }).offsets;
        return list.length === 1 && list[0].offset.position === 32;
      },
      30000,
      'source offset committed',
    );
    assert.equal((await http(rt.url, 'PUT', `/connectors/${src}/stop`)).status, 204);
    const stopped = await waitState(rt, src, 'STOPPED', []);
    assert.deepEqual(stopped.tasks, []);
    assert.deepEqual((await http(rt.url, 'GET', `/connectors/${src}/tasks`)).body, []);
    const altered = await http(rt.url, 'PATCH', `/connectors/${src}/offsets`, {
      offsets: [{ partition: { filename: input }, offset: { position: 6 } }],
    });
    assert.equal(altered.status, 200, altered.text);
    assert.deepEqual(altered.body, {
      message: 'The offsets for this connector have been altered successfully',
    });
    assert.deepEqual((await http(rt.url, 'GET', `/connectors/${src}/offsets`)).body, {
      offsets: [{ partition: { filename: input }, offset: { position: 6 } }],
    });
    // Resuming re-reads from position 6: everything after "alpha\n" again.
    assert.equal((await http(rt.url, 'PUT', `/connectors/${src}/resume`)).status, 202);
    await waitState(rt, src, 'RUNNING', ['RUNNING']);
    await eventually(
      () =>
        readFileSync(output, 'utf8') === 'alpha\nbeta\ngamma\ndelta\nepsilon\nbeta\ngamma\ndelta\nepsilon\n',
      30000,
      'replay after offset rewind',
    );

    // Sink offsets are the consumer group's.
    let lastSinkOffsets = '';
    await eventually(
      async () => {
        const o = await http(rt.url, 'GET', `/connectors/${sink}/offsets`);
        lastSinkOffsets = o.text;
        return (
          o.text ===
          JSON.stringify({
            offsets: [{ partition: { kafka_partition: 0, kafka_topic: topic }, offset: { kafka_offset: 9 } }],
          })
        );
      },
      30000,
      'sink offsets',
    ).catch((e: Error) => {
      throw new Error(`${e.message}: ${lastSinkOffsets}`);
    });

    for (const n of [src, sink]) assert.equal((await http(rt.url, 'DELETE', `/connectors/${n}`)).status, 204);
    assert.equal((await http(rt.url, 'GET', `/connectors/${src}`)).status, 404);
  });

  void it('pauses, resumes and restarts with Connect statuses', async () => {
    const name = unique('life');
    const input = join(dir, `${name}.txt`);
    writeFileSync(input, '');
    const put = await http(rt.url, 'PUT', `/connectors/${name}/config`, {
      'connector.class': 'FileStreamSourceConnector',
      file: input,
      topic: unique('life-topic'),
    });
    assert.equal(put.status, 201);
    await waitState(rt, name, 'RUNNING', ['RUNNING']);
    assert.equal((await http(rt.url, 'PUT', `/connectors/${name}/pause`)).status, 202);
    await waitState(rt, name, 'PAUSED', ['PAUSED']);
    assert.equal((await http(rt.url, 'PUT', `/connectors/${name}/resume`)).status, 202);
    await waitState(rt, name, 'RUNNING', ['RUNNING']);

    const legacy = await http(rt.url, 'POST', `/connectors/${name}/restart`);
    assert.equal(legacy.status, 204);
    assert.equal(legacy.text, '');
    const both = await http(rt.url, 'POST', `/connectors/${name}/restart?includeTasks=true`);
    assert.equal(both.status, 202);
    const body = both.body as Status & { name: string; type: string };
    assert.equal(body.connector.state, 'RESTARTING');
    assert.deepEqual(
      body.tasks.map((t) => t.state),
      ['RESTARTING'],
    );
    await waitState(rt, name, 'RUNNING', ['RUNNING']);
    const onlyFailed = await http(
      rt.url,
      'POST',
      `/connectors/${name}/restart?includeTasks=true&onlyFailed=true`,
    );
    assert.equal(onlyFailed.status, 202);
    assert.equal((onlyFailed.body as Status).connector.state, 'RUNNING');
    assert.deepEqual(
      (onlyFailed.body as Status).tasks.map((t) => t.state),
      ['RUNNING'],
    );
    assert.equal((await http(rt.url, 'POST', `/connectors/${name}/tasks/0/restart`)).status, 204);
    const unknownTask = await http(rt.url, 'POST', `/connectors/${name}/tasks/7/restart`);
    assert.deepEqual(unknownTask.body, { error_code: 404, message: `Unknown task: ${name}-7` });

    // PUT on an existing connector is an update (200), PATCH merges and removes null keys.
    const update = await http(rt.url, 'PUT', `/connectors/${name}/config`, {
      'connector.class': 'FileStreamSourceConnector',
      file: input,
      topic: 'other-topic',
      'batch.size': '10',
    });
    assert.equal(update.status, 200);
    const patched = await http(rt.url, 'PATCH', `/connectors/${name}/config`, { 'batch.size': null });
    assert.equal(patched.status, 200);
    assert.equal((patched.body as { config: Record<string, string> }).config['batch.size'], undefined);
    assert.equal((await http(rt.url, 'DELETE', `/connectors/${name}`)).status, 204);
    assert.deepEqual((await http(rt.url, 'GET', `/connectors/${name}/status`)).body, {
      error_code: 404,
      message: `No status found for connector ${name}`,
    });
  });

  void it('fails a connector with an unusable config into FAILED with a trace', async () => {
    const name = unique('failing');
    const r = await http(rt.url, 'POST', '/connectors', {
      name,
      config: {
        'connector.class': 'FileStreamSource',
        file: join(dir, 'x'),
        topic: 't',
        'batch.size': 'not-a-number',
      },
    });
    assert.equal(r.status, 400);
    assert.match(
      (r.body as { message: string }).message,
      /^Connector configuration is invalid and contains the following 1 error\(s\):\n/,
    );
    assert.equal((await http(rt.url, 'GET', `/connectors/${name}`)).status, 404);
  });

  void it('answers bad input like Connect', async () => {
    assert.deepEqual((await http(rt.url, 'GET', '/nope')).body, {
      error_code: 404,
      message: 'HTTP 404 Not Found',
    });
    assert.deepEqual((await http(rt.url, 'DELETE', '/connectors')).body, {
      error_code: 405,
      message: 'HTTP 405 Method Not Allowed',
    });
    const malformed = await http(rt.url, 'POST', '/connectors', undefined, '{"name": "x", "config": {');
    assert.equal(malformed.status, 500);
    assert.match((malformed.body as { message: string }).message, /^Unexpected end-of-input/);
    const unknown = await http(rt.url, 'GET', '/connectors/does-not-exist');
    assert.deepEqual(unknown.body, { error_code: 404, message: 'Connector does-not-exist not found' });
    assert.deepEqual((await http(rt.url, 'PUT', '/connectors/does-not-exist/pause')).body, {
      error_code: 404,
      message: 'Unknown connector does-not-exist',
    });
    assert.deepEqual((await http(rt.url, 'POST', '/connectors/does-not-exist/restart')).body, {
      error_code: 404,
      message: 'Unknown connector: does-not-exist',
    });
    const mismatch = await http(rt.url, 'PUT', '/connectors/a/config', {
      name: 'b',
      'connector.class': 'FileStreamSink',
    });
    assert.deepEqual(mismatch.body, {
      error_code: 400,
      message: "Connector name configuration (b) doesn't match connector name in the URL (a)",
    });
    const noClass = await http(rt.url, 'POST', '/connectors', { name: 'nc', config: { topics: 't' } });
    assert.equal(noClass.status, 400);
    assert.match((noClass.body as { message: string }).message, /contains no connector type$/);
    // Non-string config values are coerced to strings by Jackson.
    const name = unique('coerce');
    const coerced = await http(rt.url, 'POST', '/connectors', {
      name,
      config: { 'connector.class': 'FileStreamSink', topics: 'x', 'tasks.max': 2, 'errors.log.enable': true },
    });
    assert.equal(coerced.status, 201, coerced.text);
    assert.equal((coerced.body as { config: Record<string, string> }).config['tasks.max'], '2');
    assert.equal((await http(rt.url, 'DELETE', `/connectors/${name}`)).status, 204);
  });

  void it('gives exactly one 201 and one 409 for concurrent creates of one name', async () => {
    const name = unique('race');
    const body = { name, config: { 'connector.class': 'FileStreamSink', topics: unique('race-t') } };
    const results = await Promise.all([1, 2, 3].map(() => http(rt.url, 'POST', '/connectors', body)));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 409, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    assert.deepEqual(conflict.body, { error_code: 409, message: `Connector ${name} already exists` });
    assert.equal((await http(rt.url, 'DELETE', `/connectors/${name}`)).status, 204);
  });
});
