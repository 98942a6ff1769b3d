import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LabError } from '../../runtime/lab/errors';
import { LOCK_FILE, withStateLock } from '../../runtime/lab/state-lock';

const root = mkdtempSync(join(tmpdir(), 'kcl-unit-lock-'));
const quiet = (): void => undefined;

function startTimeOf(pid: number): string {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

void describe('lab state dir lock', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  void it('holds the lock during the call and removes a dir it created when nothing was written', async () => {
    const dir = join(root, 'fresh');
    const seen = await withStateLock(dir, quiet, 1000, () =>
      Promise.resolve(existsSync(join(dir, LOCK_FILE))),
    );
    assert.equal(seen, true);
    assert.equal(existsSync(dir), false);
  });

  void it('takes over a lock left by a process that is gone', async () => {
    const dir = join(root, 'stale');
    mkdirSync(dir);
    writeFileSync(join(dir, LOCK_FILE), '999999999 12345\n');
    assert.equal(await withStateLock(dir, quiet, 1000, () => Promise.resolve('ran')), 'ran');
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);
  });

  void it('waits for a live holder, then gives up with STATE_DIR_BUSY', async () => {
    const dir = join(root, 'busy');
    mkdirSync(dir);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const pid = holder.pid ?? 0;
      writeFileSync(join(dir, LOCK_FILE), `${pid} ${startTimeOf(pid)}\n`);
      const lines: string[] = [];
      await assert.rejects(
        withStateLock(
          dir,
          (l) => lines.push(l),
          600,
          () => Promise.resolve(),
        ),
        (e: unknown) =>
          e instanceof LabError && e.code === 'STATE_DIR_BUSY' && e.message.includes(`pid ${pid}`),
      );
      assert.match(lines.join('\n'), /waiting for another lab command/);
      assert.equal(existsSync(join(dir, LOCK_FILE)), true, 'the holder keeps its lock');
    } finally {
      holder.kill();
    }
  });
});
