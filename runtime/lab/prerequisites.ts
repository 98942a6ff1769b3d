import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { LabError } from './errors';

export const INSTALL_HINTS = {
  java: 'apt-get install -y openjdk-17-jre-headless',
  mvn: 'apt-get install -y maven',
  postgres: 'apt-get install -y postgresql',
} as const;

export type Prerequisite = keyof typeof INSTALL_HINTS;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

export function findJava(env: NodeJS.ProcessEnv): string | undefined {
  if (env.JAVA_HOME) {
    const java = join(env.JAVA_HOME, 'bin', 'java');
    if (isExecutable(java)) return java;
  }
  return findOnPath('java', env);
}

export function findMaven(env: NodeJS.ProcessEnv): string | undefined {
  return findOnPath('mvn', env);
}

function versionKey(name: string): number[] {
  return name
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number);
}

function compareVersionsDesc(a: string, b: string): number {
  const va = versionKey(a);
  const vb = versionKey(b);
  for (let i = 0; i < Math.max(va.length, vb.length); i++) {
    const d = (vb[i] ?? -1) - (va[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The directory holding initdb and postgres: PATH first (both must be there), then the Debian
 * layout /usr/lib/postgresql/<version>/bin, newest version first. KCL_POSTGRES_LIB_ROOT replaces
 * /usr/lib/postgresql (tests use it to simulate a machine without PostgreSQL).
 */
export function findPostgresBinDir(env: NodeJS.ProcessEnv): string | undefined {
  const initdb = findOnPath('initdb', env);
  const postgres = findOnPath('postgres', env);
  if (initdb && postgres) {
    const dir = pathDir(initdb, postgres);
    if (dir) return dir;
  }
  const root = env.KCL_POSTGRES_LIB_ROOT ?? '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort(compareVersionsDesc);
  for (const v of versions) {
    const bin = join(root, v, 'bin');
    if (isExecutable(join(bin, 'initdb')) && isExecutable(join(bin, 'postgres'))) return bin;
  }
  return undefined;
}

function pathDir(initdb: string, postgres: string): string | undefined {
  const a = initdb.slice(0, initdb.lastIndexOf('/'));
  const b = postgres.slice(0, postgres.lastIndexOf('/'));
  return a === b ? a : undefined;
}

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export function lookupOsUser(name: string): OsUser | undefined {
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return undefined;
  }
  for (const line of passwd.split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f.length >= 7) {
      return { name, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '/' };
    }
  }
  return undefined;
}

export interface Toolchain {
  java: string;
  /** Present only when it was needed (jars not cached yet). */
  mvn?: string;
  postgresBin: string;
  /** Set when we are root: initdb and postgres refuse to run as root. */
  postgresUser?: OsUser;
}

/** Finds everything `up` needs and reports all that is missing in one error. */
export function checkPrerequisites(env: NodeJS.ProcessEnv, needMaven: boolean): Toolchain {
  const missing: string[] = [];
  const hints: string[] = [];
  const java = findJava(env);
  if (!java) {
    missing.push('java (a Java 17+ runtime, looked in $JAVA_HOME/bin and PATH)');
    hints.push(INSTALL_HINTS.java);
  }
  const mvn = needMaven ? findMaven(env) : undefined;
  if (needMaven && !mvn) {
    missing.push('mvn (Maven, needed once to download the Kafka jars; or set KAFKA_HOME to a Kafka install)');
    hints.push(INSTALL_HINTS.mvn);
  }
  const postgresBin = findPostgresBinDir(env);
  if (!postgresBin) {
    missing.push(
      `PostgreSQL server binaries (initdb, postgres; looked in PATH and ${env.KCL_POSTGRES_LIB_ROOT ?? '/usr/lib/postgresql'}/*/bin)`,
    );
    hints.push(INSTALL_HINTS.postgres);
  }
  let postgresUser: OsUser | undefined;
  if (process.getuid?.() === 0 && postgresBin) {
    postgresUser = lookupOsUser('postgres');
    if (!postgresUser) {
      missing.push('the `postgres` OS user (PostgreSQL refuses to run as root)');
      hints.push(INSTALL_HINTS.postgres);
    }
  }
  if (missing.length > 0 || !java || !postgresBin) {
    throw new LabError(
      'MISSING_PREREQUISITE',
      `Missing prerequisite${missing.length > 1 ? 's' : ''}: ${missing.join('; ')}.`,
      `Install with: ${[...new Set(hints)].join(' && ')}`,
    );
  }
  return { java, postgresBin, ...(mvn ? { mvn } : {}), ...(postgresUser ? { postgresUser } : {}) };
}
