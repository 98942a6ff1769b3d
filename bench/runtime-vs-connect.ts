/**
 * `npm run --silent bench -- runtime-vs-connect [--lines N] [--connectors N]`: our runtime vs the real
 * Kafka Connect 4.4.0 worker (stock bin/connect-distributed.sh JVM flags), both in one run on the same
 * broker: start → /health healthy, RSS idle and with N FileStream connectors, FileStreamSource lines/s.
 * Goals (issue 3): start ≥ 20× faster, RSS ≤ 0.25×, lines/s ≥ the real worker's. JSON on stdout only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

// The helpers live with the tests (test/support); bench's tsconfig does not reference the test project,
// so they are loaded at run time and typed here by what this file uses.
interface Worker {
  url: string;
  pid: number;
  startupMs: number;
  stop: () => Promise<void>;
}
interface HttpAnswer {
  status: number;
  body: unknown;
}
interface RealConnectModule {
  startRealConnect: (o: {
    jvmProfile: 'stock' | 'fast';
    logTiming: boolean;
    startupTimeoutMs?: number;
  }) => Promise<Worker>;
}
interface DifferentialModule {
  startOurRuntime(o: { logTiming: boolean; bundle: boolean }): Promise<Worker>;
  request(
    url: string,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: { text: string; contentType: string },
  ): Promise<HttpAnswer>;
  createTopics(topics: string[]): Promise<void>;
  deleteTopics(topics: string[]): Promise<void>;
  waitTopicSize(topic: string, count: number, timeoutMs: number): Promise<number>;
  topicSize(topic: string): Promise<number>;
}
const support = join(__dirname, '..', 'test', 'support');
const load = async <T>(name: string): Promise<T> => (await import(join(support, name))) as T;

const log = (msg: string): void => {
  process.stderr.write(`runtime-vs-connect: ${msg}\n`);
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Resident set size of a process in MiB (VmRSS of /proc/<pid>/status). */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024, 1);
}

function argValue(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

export async function run(args: string[]): Promise<object> {
  const lines = argValue(args, '--lines', 200_000);
  const connectors = argValue(args, '--connectors', 10);
  // Ours runs as users get it: the production esbuild bundle (dist/runtime.js), not tsx.
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--quiet'], {
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('esbuild failed: cannot benchmark the runtime bundle');
  const { startRealConnect } = await load<RealConnectModule>('real-connect');
  const d = await load<DifferentialModule>('differential');
  const runId = Date.now().toString(36);
  const dir = mkdtempSync(join(tmpdir(), 'kcl-bench-rvc-'));
  const topics: string[] = [];

  const post = async (w: Worker, name: string, config: Record<string, string>): Promise<void> => {
    const res = await d.request(w.url, 'POST', '/connectors', {
      text: JSON.stringify({ name, config }),
      contentType: 'application/json',
    });
    if (res.status !== 201)
      throw new Error(`create ${name} on ${w.url}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const allRunning = async (w: Worker, names: string[], timeoutMs: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const res = await d.request(w.url, 'GET', '/connectors?expand=status');
      const body = (res.body ?? {}) as Record<
        string,
        { status?: { connector?: { state?: string }; tasks?: { state?: string }[] } }
      >;
      const ok = names.every((n) => {
        const s = body[n]?.status;
        return (
          s?.connector?.state === 'RUNNING' &&
          (s.tasks ?? []).length > 0 &&
          (s.tasks ?? []).every((t) => t.state === 'RUNNING')
        );
      });
      if (ok) return true;
      await sleep(250);
    }
    return false;
  };

  // Start one after the other: on 2 cores, concurrent starts would slow both.
  log('starting the real Connect worker (stock JVM flags)');
  // On a loaded machine the JVM can take minutes: KCL_REAL_CONNECT_STARTUP_MS allows more than 120 s.
  const startupTimeoutMs = Number(process.env.KCL_REAL_CONNECT_STARTUP_MS ?? 120_000);
  const real = await startRealConnect({ jvmProfile: 'stock', logTiming: false, startupTimeoutMs });
  log(`real healthy after ${real.startupMs} ms`);
  let ours: Worker | undefined;
  let oursFirstStartMs = 0;
  try {
    // The bundle was just rebuilt: its first start compiles it and writes V8's code cache (3 s
    // after start-up, runtime/boot/code-cache.ts); every later start, the one measured, uses it.
    const first = await d.startOurRuntime({ logTiming: false, bundle: true });
    oursFirstStartMs = first.startupMs;
    await sleep(4000);
    await first.stop();
    log(`ours first start (no code cache yet) ${oursFirstStartMs} ms`);
    ours = await d.startOurRuntime({ logTiming: false, bundle: true });
    log(`ours ready after ${ours.startupMs} ms`);
    const sides = { ours, real };

    await sleep(5000);
    const rssIdle = { ours: rssMiB(ours.pid), real: rssMiB(real.pid) };
    log(`idle RSS ours ${rssIdle.ours} MiB, real ${rssIdle.real} MiB`);

    // N FileStream connectors: half sources (small file), half sinks (reading the sources' topic).
    const small = join(dir, 'small.txt');
    writeFileSync(small, Array.from({ length: 100 }, (_, i) => `small line ${i}`).join('\n') + '\n');
    const withConnectors: Record<string, number> = {};
    const connectorsRunning: Record<string, boolean> = {};
    for (const [side, w] of Object.entries(sides)) {
      const topic = `kcl-bench-rvc-${runId}-${side}-many`;
      topics.push(topic);
      await d.createTopics([topic]);
      const names: string[] = [];
      for (let i = 0; i < connectors; i++) {
        const name = `kcl-bench-${runId}-${side}-${i}`;
        names.push(name);
        await post(
          w,
          name,
          i % 2 === 0
            ? { 'connector.class': 'FileStreamSource', file: small, topic }
            : { 'connector.class': 'FileStreamSink', file: join(dir, `${name}.out`), topics: topic },
        );
      }
      connectorsRunning[side] = await allRunning(w, names, 60_000);
      await sleep(5000);
      withConnectors[side] = rssMiB(w.pid);
      log(
        `${side}: RSS with ${connectors} connectors ${withConnectors[side]} MiB (all running: ${connectorsRunning[side]})`,
      );
      for (const name of names) await d.request(w.url, 'DELETE', `/connectors/${name}`);
    }

    // FileStreamSource throughput: time from POST until the topic holds every line, one side at a time.
    const big = join(dir, 'big.txt');
    writeFileSync(
      big,
      Array.from(
        { length: lines },
        (_, i) => `line ${String(i).padStart(7, '0')} of the throughput file`,
      ).join('\n') + '\n',
    );
    const throughput: Record<string, { seconds: number; linesPerSecond: number; delivered: number }> = {};
    for (const [side, w] of Object.entries(sides)) {
      const topic = `kcl-bench-rvc-${runId}-${side}-lines`;
      topics.push(topic);
      await d.createTopics([topic]);
      const started = performance.now();
      await post(w, `kcl-bench-${runId}-${side}-lines`, {
        'connector.class': 'FileStreamSource',
        file: big,
        topic,
      });
      const delivered = await d.waitTopicSize(topic, lines, 300_000);
      const seconds = (performance.now() - started) / 1000;
      throughput[side] = {
        seconds: round(seconds),
        linesPerSecond: Math.round(delivered / seconds),
        delivered,
      };
      log(`${side}: ${delivered} lines in ${round(seconds)} s`);
      await d.request(w.url, 'DELETE', `/connectors/kcl-bench-${runId}-${side}-lines`);
    }

    const ourThroughput = throughput.ours ?? { linesPerSecond: 0 };
    const realThroughput = throughput.real ?? { linesPerSecond: 1 };
    return {
      benchmark: 'runtime-vs-connect',
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        // Other JVMs/tests on a 2-core machine slow the JVM start the most: keep the load with the figures.
        loadavgAtEnd: loadavg().map((l) => round(l)),
        node: process.version,
        java: spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0] ?? '',
      },
      real: 'Apache Kafka Connect 4.4.0, distributed, bin/connect-distributed.sh JVM flags (-Xms256M -Xmx2G G1)',
      startupToHealthyMs: {
        ours: ours.startupMs,
        real: real.startupMs,
        realOverOurs: round(real.startupMs / ours.startupMs),
        goal: 'realOverOurs >= 20',
        oursFirstStartNoCodeCache: oursFirstStartMs,
        realOverOursFirstStart: round(real.startupMs / oursFirstStartMs),
      },
      rssIdleMiB: {
        ...rssIdle,
        oursOverReal: round(rssIdle.ours / rssIdle.real),
        goal: 'oursOverReal <= 0.25',
      },
      rssWithConnectorsMiB: {
        connectors,
        ours: withConnectors.ours,
        real: withConnectors.real,
        oursOverReal: round((withConnectors.ours ?? 0) / (withConnectors.real ?? 1)),
        allRunning: connectorsRunning,
        goal: 'oursOverReal <= 0.25',
      },
      fileStreamSource: {
        lines,
        ours: throughput.ours,
        real: throughput.real,
        oursOverReal: round(ourThroughput.linesPerSecond / realThroughput.linesPerSecond),
        goal: 'oursOverReal >= 1',
      },
    };
  } finally {
    await Promise.all([ours?.stop(), real.stop()]);
    if (topics.length) await d.deleteTopics(topics);
  }
}
