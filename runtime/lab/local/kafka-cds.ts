/**
 * Class-data sharing for the broker JVM: the first start records the classes it loads
 * (-XX:ArchiveClassesAtExit, written when the JVM exits on `down`), later starts map them
 * (-XX:SharedArchiveFile), which saves 1-2 s of a 6 s start on a small machine. An archive only
 * fits one java binary and one jar folder, so a key file names both; a stale archive is
 * replaced, and an archive the JVM cannot use is ignored by it (-Xshare:auto).
 */
import {
  copyFileSync,
  existsSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cacheRoot } from '../paths';

function key(java: string, jarsDir: string): string {
  let real = java;
  try {
    real = realpathSync(java);
  } catch {
    // keep the given path
  }
  return `${real}\n${jarsDir}\n`;
}

function cachedArchive(env: NodeJS.ProcessEnv, k: string): string {
  const h = createHash('sha256').update(k).digest('hex').slice(0, 16);
  return join(cacheRoot(env), 'cds', `kafka-${h}.jsa`);
}

function readKey(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** JVM flags for this start: use the state dir's archive, else the shared one, else record one. */
export function cdsArgs(env: NodeJS.ProcessEnv, kafkaDir: string, java: string, jarsDir: string): string[] {
  if (env.KCL_KAFKA_CDS === '0') return [];
  const k = key(java, jarsDir);
  const own = join(kafkaDir, 'cds.jsa');
  const ownKey = join(kafkaDir, 'cds.key');
  const quiet = '-Xlog:cds=off,cds+dynamic=off';
  if (existsSync(own) && readKey(ownKey) === k) return [quiet, `-XX:SharedArchiveFile=${own}`];
  const shared = cachedArchive(env, k);
  if (existsSync(shared)) return [quiet, `-XX:SharedArchiveFile=${shared}`];
  rmSync(own, { force: true });
  writeFileSync(ownKey, k);
  return [quiet, `-XX:ArchiveClassesAtExit=${own}`];
}

/** After a clean stop: offer the state dir's archive to other state dirs (atomic rename). */
export function shareCdsArchive(env: NodeJS.ProcessEnv, kafkaDir: string): void {
  if (env.KCL_KAFKA_CDS === '0') return;
  const own = join(kafkaDir, 'cds.jsa');
  const k = readKey(join(kafkaDir, 'cds.key'));
  if (!k || !existsSync(own)) return;
  const shared = cachedArchive(env, k);
  if (existsSync(shared)) return;
  try {
    mkdirSync(join(shared, '..'), { recursive: true });
    const tmp = `${shared}.${process.pid}.tmp`;
    copyFileSync(own, tmp);
    renameSync(tmp, shared);
  } catch {
    // only an optimisation
  }
}
