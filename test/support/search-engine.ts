/**
 * A real search engine for tests and benches: the lab's OpenSearch 2.19 node (runtime/lab/local/
 * opensearch.ts) on free 127.0.0.1 ports, in its own state dir. stop()/start() restart the same node
 * (same data, same port); freeze()/thaw() stop and continue its process (SIGSTOP/SIGCONT).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findJava, findMaven } from '../../runtime/lab/prerequisites';
import { runOpenSearch } from '../../runtime/lab/local/opensearch';
import type { RunningOpenSearch } from '../../runtime/lab/local/opensearch';
import { freeTcpPort } from './runtime-process';

export interface SearchEngine {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT: the node stops answering (connections hang) and comes back, data intact. */
  freeze(): void;
  thaw(): void;
  /** Stops the node and deletes its folder. */
  dispose(): Promise<void>;
}

export async function startSearchEngine(readyTimeoutMs = 300000): Promise<SearchEngine> {
  const java = findJava(process.env);
  if (!java) throw new Error('java is not on PATH: OpenSearch needs Java 17 (bash .ci/setup installs it)');
  const stateDir = mkdtempSync(join(tmpdir(), 'kcl-search-'));
  const httpPort = await freeTcpPort();
  const transportPort = await freeTcpPort();
  let node: RunningOpenSearch | null = null;
  const start = async (): Promise<void> => {
    node = await runOpenSearch({
      stateDir,
      java,
      mvn: findMaven(process.env),
      env: process.env,
      httpPort,
      transportPort,
      readyTimeoutMs,
      progress: (line) => process.stderr.write(`[search-engine] ${line}\n`),
    });
  };
  await start();
  // The node runs detached: if the test process ends without dispose() (a timeout), do not leave it.
  process.once('exit', () => {
    const pid = node?.rec.pid;
    if (pid === undefined) return;
    try {
      process.kill(pid, 'SIGCONT');
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  const stop = async (): Promise<void> => {
    const n = node;
    node = null;
    await n?.stop();
  };
  const signal = (sig: NodeJS.Signals): void => {
    const pid = node?.rec.pid;
    if (pid !== undefined) process.kill(pid, sig);
  };
  return {
    url: `http://127.0.0.1:${httpPort}`,
    stop,
    start,
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
    dispose: async () => {
      const dir = node?.paths.dir;
      await stop();
      rmSync(stateDir, { recursive: true, force: true });
      if (dir && !dir.startsWith(stateDir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** GET/POST JSON against the engine. */
export async function searchApi(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

export interface Hit {
  _id: string;
  _source: Record<string, unknown>;
}

/** Every document of `index` (refreshed first), sorted by id; [] while the index does not exist. */
export async function allDocs(base: string, index: string): Promise<Hit[]> {
  await searchApi(base, 'POST', `/${index}/_refresh`);
  const r = await searchApi(base, 'POST', `/${index}/_search?size=10000`, { query: { match_all: {} } });
  if (r.status === 404) return [];
  const hits = ((r.body.hits as { hits?: Hit[] } | undefined)?.hits ?? []).slice();
  return hits.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
}
