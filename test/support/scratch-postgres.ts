/**
 * A throwaway PostgreSQL server beside the lab's, for the "wal_level not logical" tests: started with
 * wal_level=replica (no logical decoding) or logical, restartable with the other level on the same
 * data dir and port. Same binaries, initdb, start-up and credentials as the lab's local provider
 * (postgres/postgres), its own data dir under /tmp and a free port on 127.0.0.1; stop() ends it (fast
 * shutdown) and deletes the data.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  initPostgres,
  postgresDirFor,
  postgresPaths,
  startPostgres,
  waitPostgresReady,
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

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

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
  let pid: number | null = null;
  const shutdown = async (): Promise<void> => {
    if (pid === null) return;
    if (alive(pid)) process.kill(pid, 'SIGINT'); // fast shutdown
    for (let i = 0; i < 300 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    pid = null;
  };
  const start = async (level: WalLevel): Promise<void> => {
    const rec = startPostgres(binDir, paths, port, user, level);
    pid = rec.pid;
    try {
      await waitPostgresReady(port, rec, paths, 60_000);
    } catch (e) {
      await shutdown();
      throw e;
    }
    handle.walLevel = level;
  };
  const handle: ScratchPostgres = {
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
    await handle.stop();
    throw e;
  }
  return handle;
}
