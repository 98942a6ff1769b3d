/**
 * Starts our runtime the way the lab and the extension do: `node --import tsx runtime/cli.ts ...` as a
 * child process, waits for its one JSON line on stdout, and stops it (SIGTERM, or SIGKILL for crash tests).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The broker for runtime tests: the launcher's cluster, else the shared dev broker. */
export function runtimeBootstrapServers(): string {
  return process.env['KCL_BOOTSTRAP_SERVERS'] ?? '127.0.0.1:19092';
}

export function freeTcpPort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface RuntimeProcessOptions {
  groupId?: string;
  restPort?: number;
  pluginPaths?: string[];
  /** Run dist/runtime.js (the esbuild bundle) instead of runtime/cli.ts through tsx. */
  bundle?: boolean;
  offsetFlushIntervalMs?: number;
  bootstrapServers?: string;
  extraArgs?: string[];
  startTimeoutMs?: number;
}

export interface RuntimeProcess {
  url: string;
  port: number;
  groupId: string;
  child: ChildProcess;
  /** Everything the runtime wrote to stderr so far. */
  stderr(): string;
  /** Graceful stop (SIGTERM); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Crash (SIGKILL). */
  kill(): Promise<void>;
}

export function uniqueGroupId(prefix = 'kcl-rt-test'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export async function startRuntimeProcess(o: RuntimeProcessOptions = {}): Promise<RuntimeProcess> {
  const port = o.restPort ?? (await freeTcpPort());
  const groupId = o.groupId ?? uniqueGroupId();
  // The bundle is what the extension and `lab up` from the .vsix run; the TypeScript entry (through
  // tsx, compiled while it loads) is what a checkout runs. Benchmarks ask for the bundle.
  const bundle = o.bundle ?? process.env.KCL_RUNTIME_BUNDLE === '1';
  const bundled = resolve(REPO_ROOT, 'dist/runtime.js');
  if (bundle && !existsSync(bundled)) throw new Error(`${bundled} is missing: run npm run build first`);
  // KCL_RUNTIME_NODE_ARGS: extra node flags for the runtime child (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`,
  // which NODE_OPTIONS does not allow), for profiling a bench run.
  const nodeArgs = (process.env.KCL_RUNTIME_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const args = [
    ...nodeArgs,
    ...(bundle ? [bundled] : ['--import', 'tsx', resolve(REPO_ROOT, 'runtime/cli.ts')]),
    '--bootstrap-servers',
    o.bootstrapServers ?? runtimeBootstrapServers(),
    '--rest-port',
    String(port),
    '--group-id',
    groupId,
    ...(o.offsetFlushIntervalMs !== undefined
      ? ['--offset-flush-interval-ms', String(o.offsetFlushIntervalMs)]
      : []),
    ...(o.pluginPaths ?? []).flatMap((p) => ['--plugin-path', p]),
    ...(o.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let errText = '';
  child.stderr.on('data', (d: Buffer) => {
    errText += d.toString('utf8');
  });
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`runtime did not start within timeout; stderr:\n${errText}`));
    }, o.startTimeoutMs ?? 60000);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        res((JSON.parse(line) as { rest: string }).rest);
      } catch (e) {
        rej(new Error(`unexpected first stdout line ${line}: ${String(e)}`));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`runtime exited with ${code} before starting; stderr:\n${errText}`));
    });
  });
  return {
    url,
    port,
    groupId,
    child,
    stderr: () => errText,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface HttpResult {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/** A small JSON HTTP helper for REST tests. */
export async function http(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  raw?: string,
): Promise<HttpResult> {
  const init: RequestInit = { method, headers: { 'Content-Type': 'application/json' } };
  if (raw !== undefined) init.body = raw;
  else if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(base + path, init);
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** Polls `fn` until it returns a truthy value or the timeout passes (then throws with the last value). */
export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 30000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
  );
}
