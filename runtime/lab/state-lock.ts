/**
 * One `up`/`down` at a time per state dir (the CLI, the extension and the test launcher may all
 * reach for the same one). The lock is a file inside the state dir holding the owner's pid and
 * start time, so a lock left by a killed process is recognised as stale and taken over.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { LabError } from './errors';
import { isOurProcess, sleep } from './processes';
import type { ProgressSink } from './types';

export const LOCK_FILE = '.lab.lock';

function ownStartTime(): string {
  const text = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

function holder(lock: string): { pid: number; startTime: string } | undefined {
  try {
    const [pid, startTime] = readFileSync(lock, 'utf8').trim().split(' ');
    return pid && startTime ? { pid: Number(pid), startTime } : undefined;
  } catch {
    return undefined;
  }
}

export async function withStateLock<T>(
  stateDir: string,
  progress: ProgressSink,
  waitMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  const created = !existsSync(stateDir);
  if (created) mkdirSync(stateDir, { recursive: true });
  const lock = join(stateDir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o644);
      writeSync(fd, `${process.pid} ${ownStartTime()}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const h = holder(lock);
    // cmdline [] : only pid + start time decide (any program may hold the lock).
    if (!h || !isOurProcess({ pid: h.pid, startTime: h.startTime, cmdline: [] })) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new LabError(
        'STATE_DIR_BUSY',
        `Another lab command (pid ${h.pid}) is still starting or stopping the cluster in ${stateDir}.`,
        'Wait for it to finish, then run your command again.',
      );
    }
    if (!told) progress(`lab: waiting for another lab command (pid ${h.pid}) using ${stateDir}`);
    told = true;
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
    // A failed first `up` (e.g. a missing prerequisite) leaves no empty dir behind.
    if (created && existsSync(stateDir) && readdirSync(stateDir).length === 0) rmdirSync(stateDir);
  }
}
