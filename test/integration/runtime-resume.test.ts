/**
 * A restarted runtime resumes every connector from the internal topics: graceful stop → no loss and
 * no duplicates; kill -9 while streaming → no loss (duplicates allowed, counted).
 */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { eventually, http, startRuntimeProcess, uniqueGroupId } from '../support/runtime-process';

const unique = (p: string): string => `${p}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

function lines(n: number, from = 0): string {
  let out = '';
  for (let i = from; i < from + n; i++) out += `line-${i}\n`;
  return out;
}

function readLines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
}

void describe('runtime restart (real broker)', () => {
  void it('resumes connectors, target states and offsets after a graceful restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcl-resume-'));
    const groupId = uniqueGroupId('kcl-resume');
    const topic = unique('resume');
    const input = join(dir, 'in.txt');
    const output = join(dir, 'out.txt');
    writeFileSync(input, lines(100));
    let rt = await startRuntimeProcess({ groupId, offsetFlushIntervalMs: 1000 });
    try {
      await http(rt.url, 'POST', '/connectors', {
        name: 'src',
        config: { 'connector.class': 'FileStreamSource', file: input, topic },
      });
      await http(rt.url, 'POST', '/connectors', {
        name: 'sink',
        config: { 'connector.class': 'FileStreamSink', file: output, topics: topic },
      });
      await http(rt.url, 'POST', '/connectors', {
        name: 'parked',
        config: { 'connector.class': 'FileStreamSink', topics: topic },
        initial_state: 'STOPPED',
      });
      await eventually(() => readLines(output).length === 100, 30000, '100 lines');
      assert.equal((await http(rt.url, 'PUT', '/connectors/sink/pause')).status, 202);
      await eventually(
        async () =>
          ((await http(rt.url, 'GET', '/connectors/sink/status')).body as { connector: { state: string } })
            .connector.state === 'PAUSED',
      );
      assert.equal(await rt.stop(), 0);

      appendFileSync(input, lines(50, 100));
      rt = await startRuntimeProcess({ groupId, offsetFlushIntervalMs: 1000 });
      const names = (await http(rt.url, 'GET', '/connectors')).body as string[];
      assert.deepEqual([...names].sort(), ['parked', 'sink', 'src']);
      const parked = await eventually(async () => {
        const s = await http(rt.url, 'GET', '/connectors/parked/status');
        return s.status === 200 ? (s.body as { connector: { state: string } }) : undefined;
      });
      assert.equal(parked.connector.state, 'STOPPED');
      const sinkStatus = (await http(rt.url, 'GET', '/connectors/sink/status')).body as {
        connector: { state: string };
      };
      assert.equal(sinkStatus.connector.state, 'PAUSED');
      assert.equal((await http(rt.url, 'PUT', '/connectors/sink/resume')).status, 202);
      await eventually(() => readLines(output).length >= 150, 30000, '150 lines');
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(
        readLines(output),
        lines(150)
          .split('\n')
          .filter((l) => l !== ''),
        'no loss and no duplicates',
      );
    } finally {
      await rt.stop();
    }
  });

  void it('loses nothing when killed with SIGKILL while streaming', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcl-kill-'));
    const groupId = uniqueGroupId('kcl-kill');
    const topic = unique('kill');
    const input = join(dir, 'in.txt');
    const output = join(dir, 'out.txt');
    const total = 20000;
    writeFileSync(input, lines(total));
    let rt = await startRuntimeProcess({ groupId, offsetFlushIntervalMs: 200 });
    await http(rt.url, 'POST', '/connectors', {
      name: 'src',
      config: { 'connector.class': 'FileStreamSource', file: input, topic, 'batch.size': '500' },
    });
    await http(rt.url, 'POST', '/connectors', {
      name: 'sink',
      config: { 'connector.class': 'FileStreamSink', file: output, topics: topic },
    });
    await eventually(() => readLines(output).length > 0, 30000, 'first lines');
    await rt.kill();
    rt = await startRuntimeProcess({ groupId, offsetFlushIntervalMs: 200 });
    try {
      const expected = new Set(
        lines(total)
          .split('\n')
          .filter((l) => l !== ''),
      );
      await eventually(
        () => {
          const got = new Set(readLines(output));
          return [...expected].every((l) => got.has(l));
        },
        90000,
        'every line after restart',
      );
      const got = readLines(output);
      const duplicates = got.length - new Set(got).size;
      process.stderr.write(
        `kill -9 test: ${got.length} lines written for ${total} distinct, ${duplicates} duplicates\n`,
      );
      assert.equal(new Set(got).size, total);
    } finally {
      await rt.stop();
    }
  });
});
