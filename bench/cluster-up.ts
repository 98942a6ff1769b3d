/**
 * How long `lab up` takes with the local provider (default) or the Docker provider:
 * - cold: a fresh state dir (KRaft format + initdb + the lesson's databases), jars already cached;
 *   with docker: new containers and empty named volumes, images already present (no pull);
 * - warm: `up` of an existing state dir after `down` (the everyday case; goal < 10 s); with docker:
 *   containers re-created on the kept volumes.
 * The Maven jar resolution is timed separately when it had to run (local only).
 *
 *   npm run --silent bench -- cluster-up [--provider local|docker] [--runs N] [--with-connect]
 */
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { down, up } from '../runtime/lab/index';
import { checkPrerequisites } from '../runtime/lab/prerequisites';
import { KAFKA_VERSION, kafkaJarsNeedResolution, resolveKafkaJars } from '../runtime/lab/local/kafka-jars';

function progress(line: string): void {
  process.stderr.write(`[cluster-up] ${line}\n`);
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [Math.round(performance.now() - t0), v];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : Math.round(((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2);
}

export async function run(args: string[]): Promise<object> {
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 1;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive integer');
  const connect = args.includes('--with-connect');
  const providerArg = args.indexOf('--provider');
  const provider = providerArg >= 0 ? args[providerArg + 1] : 'local';
  if (provider !== 'local' && provider !== 'docker') throw new Error('--provider needs local or docker');
  const env = process.env;

  let jarResolutionMs: number | null = null;
  if (provider === 'local' && kafkaJarsNeedResolution(env)) {
    const tools = checkPrerequisites(env, true);
    [jarResolutionMs] = await timed(() => resolveKafkaJars(env, tools.mvn, progress));
  }

  const stateDir = mkdtempSync(join(tmpdir(), 'kcl-bench-cluster-up-'));
  chmodSync(stateDir, 0o755);
  const opts = { stateDir, connect, provider, onProgress: progress } as const;
  try {
    progress(`cold up in ${stateDir}`);
    const [coldUpMs] = await timed(() => up(opts));
    const [firstDownMs] = await timed(() => down(opts));
    const warm: number[] = [];
    const downs: number[] = [];
    for (let i = 0; i < runs; i++) {
      progress(`warm up ${i + 1}/${runs}`);
      const [ms] = await timed(() => up(opts));
      warm.push(ms);
      const [d] = await timed(() => down(opts));
      downs.push(d);
    }
    return {
      benchmark: 'cluster-up',
      provider,
      kafkaVersion: KAFKA_VERSION,
      connect,
      jarResolutionMs,
      coldUpMs,
      warmUpMs: median(warm),
      warmUpRunsMs: warm,
      downMs: median([firstDownMs, ...downs]),
      warmGoalMs: 10000,
      machine: { cpus: cpus().length, loadavg1m: Number(loadavg()[0]?.toFixed(2)) },
    };
  } finally {
    await down({ ...opts, purge: true }).catch(() => undefined);
    if (existsSync(stateDir)) rmSync(stateDir, { recursive: true, force: true });
  }
}
