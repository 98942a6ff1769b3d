/**
 * Extra plugins from --plugin-path, and failure handling: a task that throws is FAILED with a Java-style
 * trace, restart?onlyFailed restarts just it, and its offsets let a replacement resume.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, eventually, http, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';

const unique = (p: string): string => `${p}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

void describe('runtime plugins and failures (real broker)', () => {
  let rt: RuntimeProcess;
  before(async () => {
    rt = await startRuntimeProcess({
      // The verifiable plugins are TypeScript classes extending runtime/api's sources: only the
      // runtime run from those same sources (through tsx) loads them, not the bundle.
      bundle: false,
      pluginPaths: [resolve(REPO_ROOT, 'test/support/verifiable-plugins')],
      offsetFlushIntervalMs: 300,
    });
  });
  after(async () => {
    await rt.stop();
  });

  void it('lists plugins loaded from --plugin-path', async () => {
    const plugins = (await http(rt.url, 'GET', '/connector-plugins')).body as {
      class: string;
      type: string;
    }[];
    const classes = plugins.map((p) => `${p.type}:${p.class}`);
    assert.ok(
      classes.includes('source:org.apache.kafka.connect.tools.VerifiableSourceConnector'),
      classes.join(),
    );
    assert.ok(classes.includes('sink:org.apache.kafka.connect.tools.VerifiableSinkConnector'));
    const all = (await http(rt.url, 'GET', '/connector-plugins?connectorsOnly=false')).body as {
      type: string;
    }[];
    assert.ok(all.some((p) => p.type === 'converter') && all.some((p) => p.type === 'header_converter'));
  });

  void it('reports a failing task as FAILED with a trace and restarts only failed instances', async () => {
    const name = unique('failing');
    const created = await http(rt.url, 'POST', '/connectors', {
      name,
      config: {
        'connector.class': 'VerifiableSource',
        topic: unique('vt'),
        'tasks.max': '2',
        'fail.mode': 'start',
      },
    });
    assert.equal(created.status, 201, created.text);
    const failed = await eventually(async () => {
      const s = (await http(rt.url, 'GET', `/connectors/${name}/status`)).body as {
        connector: { state: string };
        tasks: { id: number; state: string; trace?: string }[];
      };
      return s.tasks?.length === 2 && s.tasks.every((t) => t.state === 'FAILED') ? s : undefined;
    });
    assert.equal(failed.connector.state, 'RUNNING');
    assert.match(
      failed.tasks[0].trace!,
      /^org\.apache\.kafka\.connect\.errors\.ConnectException: VerifiableSourceTask was asked to fail on start\n\tat /,
    );
    const task = await http(rt.url, 'GET', `/connectors/${name}/tasks/1/status`);
    assert.deepEqual(Object.keys(task.body as object), ['id', 'state', 'worker_id', 'version', 'trace']);
    const restart = await http(
      rt.url,
      'POST',
      `/connectors/${name}/restart?includeTasks=true&onlyFailed=true`,
    );
    assert.equal(restart.status, 202);
    const plan = restart.body as { connector: { state: string }; tasks: { state: string }[] };
    assert.equal(plan.connector.state, 'RUNNING');
    assert.deepEqual(
      plan.tasks.map((t) => t.state),
      ['RESTARTING', 'RESTARTING'],
    );
    assert.equal((await http(rt.url, 'DELETE', `/connectors/${name}`)).status, 204);
  });

  void it('delivers verifiable records end to end with JSON converters', async () => {
    const topic = unique('vt-e2e');
    const out = join(mkdtempSync(join(tmpdir(), 'kcl-verifiable-')), 'out.txt');
    const src = unique('vsrc');
    const sink = unique('vsink');
    await http(rt.url, 'POST', '/connectors', {
      name: src,
      config: { 'connector.class': 'VerifiableSource', topic, 'max.messages': '500' },
    });
    await http(rt.url, 'POST', '/connectors', {
      name: sink,
      config: {
        'connector.class': 'VerifiableSink',
        topics: topic,
        'output.file': out,
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      },
    });
    const { readFileSync, existsSync } = await import('node:fs');
    await eventually(
      () => existsSync(out) && readFileSync(out, 'utf8').split('\n').length - 1 === 500,
      30000,
      '500 records',
    );
    const first = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]) as { seqno: number; task: number };
    assert.deepEqual([first.task, first.seqno], [0, 0]);
    const offsets = await eventually(async () => {
      const o = (await http(rt.url, 'GET', `/connectors/${src}/offsets`)).body as {
        offsets: { offset: { seqno: number } }[];
      };
      return o.offsets.length === 1 && o.offsets[0].offset.seqno === 499 ? o : undefined;
    });
    assert.deepEqual(offsets, { offsets: [{ partition: { task: 0 }, offset: { seqno: 499 } }] });
    for (const n of [src, sink]) await http(rt.url, 'DELETE', `/connectors/${n}`);
  });
});

void describe('the production bundle (dist/runtime.js) loads a JavaScript module from --plugin-path', () => {
  // The bundle runs inside a vm.Script with a V8 code cache: once the cache was written (by an
  // earlier start running > 3 s), its own import() threw ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING and
  // the runtime exited at start. A long first start writes the cache before the one under test.
  void it('lists the plugin the module exports as `plugins`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcl-js-plugin-'));
    writeFileSync(
      join(dir, 'example-plugins.mjs'),
      "export const plugins = [{ className: 'com.example.JsSourceConnector', type: 'source', version: '0.1.0', create() { throw new Error('listing only'); } }];\n",
    );
    const first = await startRuntimeProcess({ bundle: true, pluginPaths: [dir] });
    await new Promise((r) => setTimeout(r, 4000)); // the loader saves the code cache after 3 s
    await first.stop();
    const rt = await startRuntimeProcess({ bundle: true, pluginPaths: [dir] });
    try {
      const plugins = (await http(rt.url, 'GET', '/connector-plugins')).body as { class: string }[];
      assert.ok(
        plugins.some((p) => p.class === 'com.example.JsSourceConnector'),
        plugins.map((p) => p.class).join(', '),
      );
    } finally {
      await rt.stop();
    }
  });
});
