/**
 * A throwaway PostgreSQL server beside the lab's, for the "wal_level not logical" tests: started with
 * wal_level=replica (no logical decoding) or logical, restartable with the other level on the same
 * data dir and port. Same binaries, initdb and credentials as the lab's (postgres/postgres), its own
 * data dir under /tmp and a free port on 127.0.0.1; stop() ends it (fast shutdown) and deletes the data.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  initPostgres,
  postgresAnswers,
  postgresDirFor,
  postgresPaths,
} from '../../runtime/lab/local/postgres';
import { findPostgresBinDir, lookupOsUser } from '../../runtime/lab/prerequisites';
import { freeTcpPort } from './runtime-process';

export type WalLevel = 'replica' | 'logical';

export interface ScratchPostgres {
  /** postgres://postgres:postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  walLevel: WalLevel;
  /** Fast shutdown, then the same data dir and port again with `walLevel`. */
  restart(walLevel: WalLevel): Promise<void>;
  stop(): Promise<void>;
}

export async function startScratchPostgres(walLevel: WalLevel): Promise<ScratchPostgres> {
  const binDir = findPostgresBinDir(process.env);
  if (!binDir) throw new Error('PostgreSQL binaries (initdb, postgres) not found');
  const user = process.getuid?.() === 0 ? lookupOsUser('postgres') : undefined;
  const stateDir = mkdtempSync(join(tmpdir(), 'kcl-pg-scratch-'));
  chmodSync(stateDir, 0o755); // the postgres OS user must reach its data dir inside
  const paths = postgresPaths(stateDir, postgresDirFor(stateDir, user));
  mkdirSync(join(stateDir, 'logs'), { recursive: true });
  await initPostgres(stateDir, binDir, paths, user);
  const port = await freeTcpPort();
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const shutdown = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  };
  const start = async (level: WalLevel): Promise<void> => {
    const proc = spawn(
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
      ].concat(['-c', `wal_level=${level}`, '-c', 'max_replication_slots=4', '-c', 'max_wal_senders=4']),
      {
        cwd: paths.dir,
        stdio: 'ignore',
        env: {
          ...process.env,
          LC_ALL: 'C',
          LANG: 'C',
          ...(user ? { HOME: user.home, USER: user.name } : {}),
        },
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
      },
    );
    child = proc;
    exited = new Promise<void>((res) => proc.once('exit', () => res()));
    const deadline = Date.now() + 60_000;
    while (!(await postgresAnswers(port, 1000))) {
      if (proc.exitCode !== null || Date.now() > deadline) {
        await shutdown();
        throw new Error(`PostgreSQL (wal_level=${level}) did not start on 127.0.0.1:${port}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    pgHandle.walLevel = level;
  };
  const pgHandle: ScratchPostgres = {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    walLevel,
    restart: async (level) => {
      await shutdown();
      await start(level);
    },
    stop: async () => {
      await shutdown();
      rmSync(paths.dir, { recursive: true, force: true });
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
  try {
    await start(walLevel);
  } catch (e) {
    await pgHandle.stop();
    throw e;
  }
  return pgHandle;
}
