import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LabError } from '../errors';
import { lookupOsUser } from '../prerequisites';
import type { OsUser } from '../prerequisites';
import { spawnDetached, stopProcess } from '../processes';
import type { ProcessRecord } from '../state-dir';
import type { ProgressSink } from '../types';
import { waitServiceReady } from './wait-ready';
import { homeReadableBy, resolveOpenSearchHome, SHARED_OPENSEARCH_ROOT } from './opensearch-home';
import { traversableBy } from './postgres';

const OWNER_MARKER = '.kafka-connect-lab-owner';

export interface OpenSearchPaths {
  /** The node's own folder: config/, data/, tmp/. */
  dir: string;
  logFile: string;
}

/** OpenSearch refuses to run as root: then it runs as `nobody`. Undefined when we are not root. */
export function openSearchUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const user = lookupOsUser('nobody');
  if (!user) {
    throw new LabError(
      'MISSING_PREREQUISITE',
      'OpenSearch cannot run as root and this machine has no `nobody` user to run it as.',
      'Run lab as an ordinary user, or create the user: useradd -r -s /usr/sbin/nologin nobody',
    );
  }
  return user;
}

/** Like PostgreSQL's data: inside the state dir unless the unprivileged user cannot reach it. */
export function openSearchDirFor(stateDir: string, user: OsUser | undefined): string {
  const inside = join(stateDir, 'search');
  if (!user || traversableBy(stateDir, user)) return inside;
  const hash = createHash('sha256').update(resolve(stateDir)).digest('hex').slice(0, 16);
  return join(SHARED_OPENSEARCH_ROOT, 'search', hash);
}

export function openSearchPaths(stateDir: string, dir: string): OpenSearchPaths {
  return { dir, logFile: join(stateDir, 'logs', 'search.log') };
}

/** True when `dir` was created for this state dir (checked before a purge deletes it). */
export function ownsOpenSearchDir(stateDir: string, dir: string): boolean {
  if (dir === join(stateDir, 'search')) return true;
  try {
    return readFileSync(join(dir, OWNER_MARKER), 'utf8').trim() === resolve(stateDir);
  } catch {
    return false;
  }
}

function ensureDir(dir: string, user: OsUser | undefined): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (user) chownSync(dir, user.uid, user.gid);
}

/** A single-node cluster on 127.0.0.1 without security plugins; logs go to stdout (the log file). */
export function writeOpenSearchConfig(
  stateDir: string,
  paths: OpenSearchPaths,
  httpPort: number,
  transportPort: number,
  user: OsUser | undefined,
): void {
  for (const d of ['', 'config', 'data', 'tmp']) ensureDir(join(paths.dir, d), user);
  if (!paths.dir.startsWith(resolve(stateDir))) {
    writeFileSync(join(paths.dir, OWNER_MARKER), `${resolve(stateDir)}\n`);
  }
  writeFileSync(
    join(paths.dir, 'config', 'opensearch.yml'),
    [
      'cluster.name: kafka-connect-lab',
      'node.name: lab-search',
      'discovery.type: single-node',
      'network.host: 127.0.0.1',
      `http.port: ${httpPort}`,
      `transport.port: ${transportPort}`,
      `path.data: ${join(paths.dir, 'data')}`,
      `path.logs: ${join(paths.dir, 'tmp')}`,
      // A nearly full disk must not turn the lab's indices read-only.
      'cluster.routing.allocation.disk.threshold_enabled: false',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(paths.dir, 'config', 'log4j2.properties'),
    [
      'status = error',
      'appender.console.type = Console',
      'appender.console.name = console',
      'appender.console.layout.type = PatternLayout',
      'appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n',
      'rootLogger.level = info',
      'rootLogger.appenderRef.console.ref = console',
      '',
    ].join('\n'),
  );
}

export function startOpenSearch(
  java: string,
  home: string,
  paths: OpenSearchPaths,
  user: OsUser | undefined,
  heapMb = 512,
): ProcessRecord {
  const args = [
    `-Xms${heapMb}m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseSerialGC',
    `-Djava.io.tmpdir=${join(paths.dir, 'tmp')}`,
    '-Dlog4j2.disable.jmx=true',
    '-Dio.netty.noUnsafe=true',
    '-Dio.netty.recycler.maxCapacityPerThread=0',
    `-Dopensearch.path.home=${home}`,
    `-Dopensearch.path.conf=${join(paths.dir, 'config')}`,
    '-Dopensearch.distribution.type=tar',
    '-Dopensearch.bundled_jdk=false',
    '-cp',
    `${join(home, 'lib')}/*`,
    'org.opensearch.bootstrap.OpenSearch',
  ];
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (user) {
    env.HOME = user.home;
    env.USER = user.name;
  }
  return spawnDetached(java, args, {
    cwd: paths.dir,
    env,
    logFile: paths.logFile,
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
}

/** GET /_cluster/health answers green or yellow within `timeoutMs`. */
export async function openSearchAnswers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return false;
    const body = (await res.json()) as { status?: string };
    return body.status === 'green' || body.status === 'yellow';
  } catch {
    return false;
  }
}

export async function waitOpenSearchReady(
  url: string,
  rec: ProcessRecord,
  paths: OpenSearchPaths,
  timeoutMs: number,
): Promise<void> {
  await waitServiceReady(
    rec,
    {
      label: 'OpenSearch',
      service: 'search',
      logFile: paths.logFile,
      answers: () => openSearchAnswers(url, 2000),
      pauseMs: 500,
      notReady: `at ${url} did not report a green or yellow cluster health`,
    },
    timeoutMs,
  );
}

export interface RunningOpenSearch {
  url: string;
  rec: ProcessRecord;
  paths: OpenSearchPaths;
  stop(): Promise<void>;
}

/**
 * Resolves the jars (once), writes the node's config under `stateDir` and starts the node, ready
 * when this resolves. Used by `lab up --search`, the integration tests and the bench.
 */
export async function runOpenSearch(opts: {
  stateDir: string;
  java: string;
  mvn: string | undefined;
  env: NodeJS.ProcessEnv;
  httpPort: number;
  transportPort: number;
  readyTimeoutMs: number;
  progress: ProgressSink;
  /** The node's folder (default: openSearchDirFor the state dir). */
  dir?: string;
  /** Called as soon as the process exists (before it is ready), e.g. to record it. */
  onStarted?: (rec: ProcessRecord) => void;
}): Promise<RunningOpenSearch> {
  const user = openSearchUser();
  const home = homeReadableBy(await resolveOpenSearchHome(opts.env, opts.mvn, opts.progress), user);
  mkdirSync(join(opts.stateDir, 'logs'), { recursive: true });
  const paths = openSearchPaths(opts.stateDir, opts.dir ?? openSearchDirFor(opts.stateDir, user));
  writeOpenSearchConfig(opts.stateDir, paths, opts.httpPort, opts.transportPort, user);
  const url = `http://127.0.0.1:${opts.httpPort}`;
  opts.progress(`search: starting OpenSearch on ${url}`);
  const rec = startOpenSearch(opts.java, home, paths, user);
  opts.onStarted?.(rec);
  const stop = async (): Promise<void> => {
    await stopProcess(rec, 'SIGTERM', 20000, 'search');
  };
  try {
    await waitOpenSearchReady(url, rec, paths, opts.readyTimeoutMs);
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
  opts.progress(`search: ready at ${url}`);
  return { url, rec, paths, stop };
}

export function openSearchConfigured(paths: OpenSearchPaths): boolean {
  return existsSync(join(paths.dir, 'config', 'opensearch.yml'));
}
