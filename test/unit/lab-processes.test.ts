import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isOurProcess, spawnDetached, stopProcess } from '../../runtime/lab/processes';
import { isPortFree, pickFreePort } from '../../runtime/lab/ports';
import { createServer } from 'node:net';

const root = mkdtempSync(join(tmpdir(), 'kcl-unit-proc-'));

void describe('lab process records', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  void it('recognises a started process, and not a record whose start time differs (pid reuse)', async () => {
    const logFile = join(root, 'child.log');
    const rec = spawnDetached(process.execPath, ['-e', 'console.log("hello"); setInterval(() => {}, 1000)'], {
      cwd: root,
      env: process.env,
      logFile,
    });
    try {
      const deadline = Date.now() + 5000;
      while (!readFileSync(logFile, 'utf8').includes('hello') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(isOurProcess(rec));
      assert.equal(isOurProcess({ ...rec, startTime: String(Number(rec.startTime) + 1) }), false);
      assert.equal(isOurProcess({ ...rec, cmdline: ['/usr/bin/something-else'] }), false);
    } finally {
      assert.equal(await stopProcess(rec, 'SIGTERM', 5000, 'child'), 'stopped');
    }
    assert.equal(isOurProcess(rec), false);
    assert.equal(await stopProcess(rec, 'SIGTERM', 5000, 'child'), 'not-running');
    assert.match(readFileSync(logFile, 'utf8'), /hello/);
  });

  void it('escalates to SIGKILL when the process ignores the signal', async () => {
    const rec = spawnDetached(
      process.execPath,
      ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'],
      {
        cwd: root,
        env: process.env,
        logFile: join(root, 'stubborn.log'),
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await stopProcess(rec, 'SIGTERM', 500, 'stubborn'), 'stopped');
    assert.equal(isOurProcess(rec), false);
  });

  void it('picks distinct free ports and sees taken ones', async () => {
    const a = await pickFreePort(new Set());
    const b = await pickFreePort(new Set([a]));
    assert.notEqual(a, b);
    assert.equal(await isPortFree(a), true);
    const server = createServer();
    await new Promise<void>((r) => server.listen(a, '127.0.0.1', () => r()));
    try {
      assert.equal(await isPortFree(a), false);
    } finally {
      server.close();
    }
  });
});
