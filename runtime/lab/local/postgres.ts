import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { LabError } from '../errors';
import type { OsUser } from '../prerequisites';
import { spawnDetached } from '../processes';
import type { ProcessRecord } from '../state-dir';
import { logTail } from './log-tail';
import { waitServiceReady } from './wait-ready';

export const PG_USER = 'postgres';
export const PG_PASSWORD = 'postgres';
/** The lesson's databases; `postgres` exists after initdb. */
export const LAB_DATABASES = ['postgres', 'mydb', 'inventory', 'warehouse'] as const;
/** Where the data goes when the postgres OS user cannot reach the state dir (see postgresDirFor). */
export const SHARED_PG_ROOT = '/var/lib/kafka-connect-lab/postgres';
const OWNER_MARKER = '.kafka-connect-lab-owner';

export function postgresUrl(port: number, database = 'postgres'): string {
  return `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Can `user` reach `dir`, i.e. search (x) every ancestor? A conservative reading of the mode bits. */
export function traversableBy(dir: string, user: OsUser): boolean {
  let d = resolve(dir);
  for (;;) {
    if (existsSync(d)) {
      const st = statSync(d);
      const bits =
        st.uid === user.uid ? (st.mode >> 6) & 7 : st.gid === user.gid ? (st.mode >> 3) & 7 : st.mode & 7;
      if ((bits & 1) === 0) return false;
    }
    const parent = dirname(d);
    if (parent === d) return true;
    d = parent;
  }
}

/**
 * PostgreSQL runs as the `postgres` OS user when we are root, and that user must be able to
 * search every ancestor of its data dir. The default state dir lives under /root (mode 700), so
 * then the data goes to /var/lib/kafka-connect-lab/postgres/<hash of the state dir> and the
 * state file remembers it. We never loosen the permissions of the user's own directories.
 */
export function postgresDirFor(stateDir: string, user: OsUser | undefined): string {
  const inside = join(stateDir, 'postgres');
  if (!user || traversableBy(stateDir, user)) return inside;
  const hash = createHash('sha256').update(resolve(stateDir)).digest('hex').slice(0, 16);
  return join(SHARED_PG_ROOT, hash);
}

export interface PostgresPaths {
  dir: string;
  dataDir: string;
  socketDir: string;
  logFile: string;
}

export function postgresPaths(stateDir: string, dir: string): PostgresPaths {
  return {
    dir,
    dataDir: join(dir, 'data'),
    socketDir: join(dir, 'run'),
    logFile: join(stateDir, 'logs', 'postgres.log'),
  };
}

/** True when `dir` was created by this state dir (checked before a purge deletes it). */
export function ownsPostgresDir(stateDir: string, dir: string): boolean {
  if (dir === join(stateDir, 'postgres')) return true;
  try {
    return readFileSync(join(dir, OWNER_MARKER), 'utf8').trim() === resolve(stateDir);
  } catch {
    return false;
  }
}

function ensureOwnedDir(dir: string, user: OsUser | undefined, mode: number): void {
  mkdirSync(dir, { recursive: true, mode });
  if (user) chownSync(dir, user.uid, user.gid);
}

function userSpawnOptions(user: OsUser | undefined): { uid?: number; gid?: number } {
  return user ? { uid: user.uid, gid: user.gid } : {};
}

function pgEnv(user: OsUser | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  if (user) {
    env.HOME = user.home;
    env.USER = user.name;
    env.LOGNAME = user.name;
  }
  return env;
}

export function postgresIsInitialized(paths: PostgresPaths): boolean {
  return existsSync(join(paths.dataDir, 'PG_VERSION'));
}

/** initdb with password (SCRAM) authentication for postgres/postgres, as in the lesson. */
export async function initPostgres(
  stateDir: string,
  binDir: string,
  paths: PostgresPaths,
  user: OsUser | undefined,
): Promise<void> {
  if (user && paths.dir.startsWith(SHARED_PG_ROOT)) {
    mkdirSync(SHARED_PG_ROOT, { recursive: true, mode: 0o755 });
  }
  ensureOwnedDir(paths.dir, user, 0o700);
  if (!paths.dir.startsWith(stateDir)) writeFileSync(join(paths.dir, OWNER_MARKER), `${resolve(stateDir)}\n`);
  ensureOwnedDir(paths.socketDir, user, 0o700);
  rmSync(paths.dataDir, { recursive: true, force: true });
  const pwfile = join(paths.dir, 'initdb-pwfile');
  writeFileSync(pwfile, `${PG_PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  const fd = openSync(paths.logFile, 'a');
  try {
    const code = await new Promise<number>((resolvePromise, reject) => {
      const child = spawn(
        join(binDir, 'initdb'),
        [
          '-D',
          paths.dataDir,
          '-U',
          PG_USER,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          // A dev cluster: skipping the fsync of the fresh catalog saves seconds, later writes are durable.
          '--no-sync',
        ],
        { cwd: paths.dir, env: pgEnv(user), stdio: ['ignore', fd, fd], ...userSpawnOptions(user) },
      );
      child.on('error', reject);
      child.on('close', (c) => resolvePromise(c ?? 1));
    });
    if (code !== 0) {
      throw new LabError(
        'START_FAILED',
        `initdb failed (exit ${code}):\n${logTail(paths.logFile, 15)}`,
        'See the whole log with: lab logs postgres',
      );
    }
  } finally {
    closeSync(fd);
    rmSync(pwfile, { force: true });
  }
}

/**
 * A postmaster.pid left by a crash or a reboot makes postgres refuse to start when its pid now
 * belongs to another postgres-owned process. Remove it unless a postgres really runs on this data dir.
 */
function clearStalePostmasterPid(paths: PostgresPaths): void {
  const file = join(paths.dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    return;
  }
  const pid = Number(lines[0]);
  let cmd: string[] = [];
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    // not running
  }
  // A live postgres whose -D is this data dir: never start a second one on the same files.
  if (pid > 0 && /(^|\/)(postgres|postmaster)$/.test(cmd[0] ?? '') && cmd.includes(paths.dataDir)) {
    throw new LabError(
      'START_FAILED',
      `A PostgreSQL server that lab did not start (pid ${pid}) runs on ${paths.dataDir}.`,
      `Stop it (kill -INT ${pid}), then run up again.`,
    );
  }
  rmSync(file, { force: true });
}

/** `walLevel` other than logical only for tests of what a connector does without logical decoding. */
export function startPostgres(
  binDir: string,
  paths: PostgresPaths,
  port: number,
  user: OsUser | undefined,
  walLevel: 'logical' | 'replica' = 'logical',
): ProcessRecord {
  clearStalePostmasterPid(paths);
  // The socket dir may have been removed (e.g. a tmp cleaner); postgres needs it to exist.
  ensureOwnedDir(paths.socketDir, user, 0o700);
  return spawnDetached(
    join(binDir, 'postgres'),
    [
      '-D',
      paths.dataDir,
      '-p',
      String(port),
      '-k',
      paths.socketDir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `wal_level=${walLevel}`,
      '-c',
      'max_replication_slots=20',
      '-c',
      'max_wal_senders=20',
    ],
    { cwd: paths.dir, env: pgEnv(user), logFile: paths.logFile, ...userSpawnOptions(user) },
  );
}

/** `SELECT 1` as postgres/postgres; false when it fails or takes longer than `timeoutMs`. */
export async function postgresAnswers(port: number, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl(port), connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const res = await client.query<{ one: number }>('SELECT 1 AS one');
    return res.rows[0]?.one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function waitPostgresReady(
  port: number,
  rec: ProcessRecord,
  paths: PostgresPaths,
  timeoutMs: number,
): Promise<void> {
  await waitServiceReady(
    rec,
    {
      label: 'PostgreSQL',
      service: 'postgres',
      logFile: paths.logFile,
      answers: () => postgresAnswers(port, 1000),
      pauseMs: 100,
      notReady: `on 127.0.0.1:${port} did not answer SELECT 1`,
    },
    timeoutMs,
  );
}

/** Creates the lesson's databases that do not exist yet. */
export async function ensureDatabases(port: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgresUrl(port) });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const res = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
    const have = new Set(res.rows.map((r) => r.datname));
    const created: string[] = [];
    for (const db of LAB_DATABASES) {
      if (have.has(db)) continue;
      await client.query(`CREATE DATABASE ${db}`);
      created.push(db);
    }
    return created;
  } finally {
    await client.end().catch(() => undefined);
  }
}
