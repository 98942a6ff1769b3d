import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../errors';
import { cacheRoot, productRoot } from '../paths';
import type { ProgressSink } from '../types';

export const KAFKA_VERSION = '4.4.0';
const COMPLETE_MARKER = '.complete';

function hasBrokerJar(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => /^kafka_2\.13-.*\.jar$/.test(f));
}

function cachedDir(env: NodeJS.ProcessEnv): string {
  return join(cacheRoot(env), `kafka-${KAFKA_VERSION}`);
}

/** True when `up` will have to run Maven (so mvn becomes a prerequisite). */
export function kafkaJarsNeedResolution(env: NodeJS.ProcessEnv): boolean {
  if (env.KAFKA_HOME) return false;
  return !existsSync(join(cachedDir(env), COMPLETE_MARKER));
}

/** With KAFKA_HOME set, its libs dir (checked before anything starts); undefined without it. */
export function checkKafkaHome(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.KAFKA_HOME) return undefined;
  const dir = join(env.KAFKA_HOME, 'libs');
  if (!hasBrokerJar(dir)) {
    throw new LabError(
      'MISSING_PREREQUISITE',
      `KAFKA_HOME is set to ${env.KAFKA_HOME} but ${dir} has no kafka_2.13-*.jar.`,
      'Point KAFKA_HOME at an unpacked Apache Kafka 4.x download, or unset it to let lab fetch the jars with Maven.',
    );
  }
  return dir;
}

export interface KafkaJars {
  dir: string;
  /** Milliseconds Maven took, when it ran during this call. */
  resolvedMs?: number;
}

/** Runs a command (Maven) to its end, stdout and stderr collected together. */
export function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The folder of Kafka jars: $KAFKA_HOME/libs when set, else the cache folder filled once by
 * `mvn dependency:copy-dependencies` on lab-deps/kafka/pom.xml. The copy goes to a temp folder
 * renamed into place, so an interrupted download is redone instead of half-used.
 */
export async function resolveKafkaJars(
  env: NodeJS.ProcessEnv,
  mvn: string | undefined,
  progress: ProgressSink,
): Promise<KafkaJars> {
  if (env.KAFKA_HOME) return { dir: checkKafkaHome(env) ?? '' };
  const dir = cachedDir(env);
  if (existsSync(join(dir, COMPLETE_MARKER))) return { dir };
  if (!mvn) {
    throw new LabError(
      'MISSING_PREREQUISITE',
      'mvn is needed to download the Kafka jars.',
      'apt-get install -y maven',
    );
  }
  const pom = join(productRoot(), 'lab-deps', 'kafka', 'pom.xml');
  if (!existsSync(pom)) {
    throw new LabError(
      'JAR_RESOLUTION_FAILED',
      `${pom} is missing.`,
      'Reinstall kafka-connect-lab or set KAFKA_HOME.',
    );
  }
  const started = Date.now();
  progress(`kafka: resolving Apache Kafka ${KAFKA_VERSION} jars with Maven into ${dir} (once)`);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const { code, output } = await run(
    mvn,
    [
      '-q',
      '-B',
      '-f',
      pom,
      `-Dkafka.version=${KAFKA_VERSION}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${tmp}`,
    ],
    tmp,
  );
  if (code !== 0 || !hasBrokerJar(tmp)) {
    rmSync(tmp, { recursive: true, force: true });
    const tail = output.trim().split('\n').slice(-15).join('\n');
    throw new LabError(
      'JAR_RESOLUTION_FAILED',
      `Maven could not resolve the Kafka ${KAFKA_VERSION} jars (exit ${code}):\n${tail}`,
      `Check network access to Maven Central, then run: mvn -B -f ${pom} dependency:copy-dependencies -DoutputDirectory=${dir}`,
    );
  }
  writeFileSync(join(tmp, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  const resolvedMs = Date.now() - started;
  progress(`kafka: jars ready in ${resolvedMs} ms`);
  return { dir, resolvedMs };
}
