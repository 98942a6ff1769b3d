import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LabError } from './errors';
import type { ProcessRecord } from './state-dir';

interface ProcStat {
  state: string;
  startTime: string;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = rest[0];
  const startTime = rest[19];
  if (state === undefined || startTime === undefined) return undefined;
  return { state, startTime };
}

function readCmdline(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((s, i, a) => i < a.length - 1 || s !== '');
  } catch {
    return undefined;
  }
}

/**
 * True only when the pid still is the very process we started: same start time (a reused pid
 * has another) and the same program. Zombies count as gone.
 */
export function isOurProcess(rec: ProcessRecord): boolean {
  const stat = readStat(rec.pid);
  if (!stat || stat.state === 'Z' || stat.state === 'X') return false;
  if (stat.startTime !== rec.startTime) return false;
  const cmd = readCmdline(rec.pid);
  const expected = rec.cmdline[0];
  // libuv's spawn returns after the exec, so the cmdline is already the child's own.
  if (!cmd || cmd.length === 0 || expected === undefined) return true;
  return basename(cmd[0] ?? '') === basename(expected);
}

export interface SpawnDetachedOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout and stderr are appended here. */
  logFile: string;
  uid?: number;
  gid?: number;
}

/**
 * Starts a process in its own session (so Ctrl-C in the terminal and the end of this Node
 * process do not reach it) with its output appended to a log file.
 */
export function spawnDetached(cmd: string, args: string[], opts: SpawnDetachedOptions): ProcessRecord {
  const fd = openSync(opts.logFile, 'a', 0o644);
  try {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env,
      detached: true,
      stdio: ['ignore', fd, fd],
      ...(opts.uid !== undefined ? { uid: opts.uid } : {}),
      ...(opts.gid !== undefined ? { gid: opts.gid } : {}),
    });
    // A failed exec is reported asynchronously; the caller sees it as a dead process.
    child.on('error', () => undefined);
    child.unref();
    const pid = child.pid;
    const stat = pid === undefined ? undefined : readStat(pid);
    if (pid === undefined || !stat) {
      throw new LabError('START_FAILED', `Could not start ${cmd}.`, `Check that ${cmd} runs by hand.`);
    }
    return { pid, startTime: stat.startTime, cmdline: [cmd, ...args] };
  } finally {
    closeSync(fd);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * Stops a process we started: `sig` first (each service's clean shutdown), SIGKILL to its whole
 * process group after `graceMs`. Does nothing when the pid is no longer ours.
 */
export async function stopProcess(
  rec: ProcessRecord,
  sig: NodeJS.Signals,
  graceMs: number,
  what: string,
): Promise<'stopped' | 'not-running'> {
  if (!isOurProcess(rec)) return 'not-running';
  signal(rec.pid, sig);
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(rec)) return 'stopped';
    await sleep(100);
  }
  // Detached children lead their own process group: this also reaches their helpers.
  signal(-rec.pid, 'SIGKILL');
  signal(rec.pid, 'SIGKILL');
  const killDeadline = Date.now() + 5000;
  while (Date.now() < killDeadline) {
    if (!isOurProcess(rec)) return 'stopped';
    await sleep(100);
  }
  throw new LabError(
    'STOP_FAILED',
    `${what} (pid ${rec.pid}) did not stop even after SIGKILL.`,
    `Look at it with: ps -o pid,stat,cmd -p ${rec.pid}`,
  );
}
