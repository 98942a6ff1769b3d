/**
 * How `lab up` starts the Connect runtime (runtime/cli.ts, or dist/runtime.js in the bundle).
 * Kept on its own so the handshake or the flags can change with the runtime without touching
 * the rest of the provider.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../errors';
import { productRoot, runningFromBundle } from '../paths';
import { isOurProcess, sleep, spawnDetached } from '../processes';
import type { ProcessRecord } from '../state-dir';
import { logTail } from './log-tail';

export interface ConnectLaunch {
  cmd: string;
  args: string[];
}

/** How to run the runtime in this build, or undefined when there is none yet (state "absent"). */
export function connectEntry(): ConnectLaunch | undefined {
  const root = productRoot();
  const bundled = join(root, 'dist', 'runtime.js');
  if (runningFromBundle() && existsSync(bundled)) return { cmd: process.execPath, args: [bundled] };
  const source = join(root, 'runtime', 'cli.ts');
  if (existsSync(source)) return { cmd: process.execPath, args: ['--import', 'tsx', source] };
  return undefined;
}

export function connectLogFile(stateDir: string): string {
  return join(stateDir, 'logs', 'connect.log');
}

function readFrom(file: string, offset: number): string {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return '';
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The runtime announces itself with one stdout line: {"rest":"http://127.0.0.1:N"}. */
export function findHandshake(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('{') || !t.includes('"rest"')) continue;
    try {
      const parsed = JSON.parse(t) as { rest?: unknown };
      if (typeof parsed.rest === 'string') return parsed.rest;
    } catch {
      // a log line that merely looks like JSON
    }
  }
  return undefined;
}

export interface StartedConnect {
  rec: ProcessRecord;
  url: string;
}

export async function startConnect(
  launch: ConnectLaunch,
  stateDir: string,
  bootstrapServers: string,
  restPort: number,
  timeoutMs: number,
  extraEnv: Record<string, string> = {},
): Promise<StartedConnect> {
  const connectDir = join(stateDir, 'connect');
  mkdirSync(connectDir, { recursive: true });
  const logFile = connectLogFile(stateDir);
  // stdout goes to the log file (a pipe would break once `lab up --detach` exits), so the
  // handshake is read back from the part of the log written after this start.
  const offset = existsSync(logFile) ? fstatSizeOf(logFile) : 0;
  const rec = spawnDetached(
    launch.cmd,
    [
      ...launch.args,
      '--bootstrap-servers',
      bootstrapServers,
      '--rest-port',
      String(restPort),
      '--state-dir',
      connectDir,
    ],
    { cwd: productRoot(), env: { ...process.env, ...extraEnv }, logFile },
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const url = findHandshake(readFrom(logFile, offset));
    if (url) return { rec, url };
    if (!isOurProcess(rec)) {
      throw new LabError(
        'START_FAILED',
        `The Connect runtime exited during startup. Last log lines:\n${logTail(logFile, 20)}`,
        'See the whole log with: lab logs connect (or start without it: lab up --no-connect)',
      );
    }
    await sleep(100);
  }
  throw new LabError(
    'NOT_READY',
    `The Connect runtime did not print its {"rest":...} line within ${Math.round(timeoutMs / 1000)} s.`,
    'See the log with: lab logs connect (or start without it: lab up --no-connect)',
  );
}

function fstatSizeOf(file: string): number {
  const fd = openSync(file, 'r');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/** GET {url}/ answers on a live worker. */
export async function connectAnswers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok;
  } catch {
    return false;
  }
}
