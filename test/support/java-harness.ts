/**
 * Runs small Java programs from test/compat/java against the real Kafka Connect jars, for
 * differential tests. Jars: KCL_REAL_CONNECT_JARS, else the dev cache
 * (~/.cache/kafka-connect-lab/dev-connect) when it holds connect-json, else resolved once with
 * mvn from lab-deps/connect/pom.xml into ~/.cache/kafka-connect-lab/connect-4.4.0. The harness class
 * is compiled once into ~/.cache/kafka-connect-lab/java-harness/<hash of its source>.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const REPO = resolve(__dirname, '..', '..');
const JAVA_SOURCES = join(REPO, 'test', 'compat', 'java');
const CACHE = join(homedir(), '.cache', 'kafka-connect-lab');

function hasConnectJson(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('connect-json-') && f.endsWith('.jar'));
}

/** The directory of Connect jars (see the module comment for the search order). */
export async function resolveHarnessJars(): Promise<string> {
  const override = process.env.KCL_REAL_CONNECT_JARS;
  if (override) return override;
  const dev = join(CACHE, 'dev-connect');
  if (hasConnectJson(dev)) return dev;
  const dir = join(CACHE, 'connect-4.4.0');
  if (existsSync(join(dir, '.resolved')) && hasConnectJson(dir)) return dir;
  mkdirSync(dir, { recursive: true });
  await execFileAsync('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${dir}`], {
    cwd: join(REPO, 'lab-deps', 'connect'),
    maxBuffer: 16 * 1024 * 1024,
  });
  if (!hasConnectJson(dir)) throw new Error(`mvn did not produce connect-json in ${dir}`);
  writeFileSync(join(dir, '.resolved'), new Date().toISOString());
  return dir;
}

/**
 * Compiles test/compat/java/<mainClass>.java (once per content hash) and returns the classes
 * directory. Only that file: other harnesses in the folder belong to other tests.
 */
export async function compileHarness(jars: string, mainClass: string): Promise<string> {
  const sources = [`${mainClass}.java`];
  const hash = createHash('sha256');
  for (const f of sources) hash.update(f).update(readFileSync(join(JAVA_SOURCES, f)));
  const out = join(CACHE, 'java-harness', hash.digest('hex').slice(0, 16));
  if (existsSync(join(out, '.compiled'))) return out;
  mkdirSync(out, { recursive: true });
  await execFileAsync(
    'javac',
    ['-nowarn', '-cp', `${jars}/*`, '-d', out, ...sources.map((f) => join(JAVA_SOURCES, f))],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  writeFileSync(join(out, '.compiled'), new Date().toISOString());
  return out;
}

/**
 * Runs `mainClass` once, writing one JSON line per input and collecting one output line per input.
 * A single JVM serves the whole batch. `javaBinary` selects another JDK (classes target the javac on PATH).
 */
export async function runJavaHarness(
  mainClass: string,
  inputs: readonly unknown[],
  stringify: (v: unknown) => string,
  javaBinary = 'java',
): Promise<string[]> {
  const jars = await resolveHarnessJars();
  const classes = await compileHarness(jars, mainClass);
  const child = spawn(
    javaBinary,
    ['-Xshare:auto', '-XX:TieredStopAtLevel=1', '-cp', `${classes}:${jars}/*`, mainClass],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => stdout.push(b));
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  const exited = new Promise<number | null>((ok, fail) => {
    child.once('error', fail);
    child.once('close', ok);
  });
  child.stdin.end(inputs.map((i) => `${stringify(i)}\n`).join(''));
  const code = await exited;
  if (code !== 0) throw new Error(`${mainClass} exited with ${code}: ${Buffer.concat(stderr).toString()}`);
  const lines = Buffer.concat(stdout)
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '');
  if (lines.length !== inputs.length)
    throw new Error(
      `${mainClass} answered ${lines.length} of ${inputs.length} vectors: ${Buffer.concat(stderr).toString()}`,
    );
  return lines;
}

/** Other installed JDKs (e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java), newest first. */
export function otherJavaBinaries(): string[] {
  const root = '/usr/lib/jvm';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((d) => join(root, d, 'bin', 'java'))
    .filter((p) => existsSync(p) && !/(^|[^0-9])17([^0-9]|$)/.test(p))
    .sort()
    .reverse();
}
