/**
 * `npm run --silent bench -- smt-chain [--records N] [--warmup N] [--rounds N] [--tsx]`: the lesson's
 * three-transform chain (addTimestamp = InsertField$Value timestamp.field, maskSSN = MaskField$Value,
 * route = RegexRouter `(.*)` → `prod-$1`) over schemaful source records of an `orders` table,
 * ns/record: ours (runtime/transforms buildTransformationChain, bench/support/smt-chain-ours.ts) beside
 * the REAL Connect 4.4.0 transformations (test/compat/java/SmtHarness.java bench mode) in one run. Each
 * side runs in its own process (Node / JVM) from what ships: ours from an esbuild bundle built here with
 * the runtime bundle's options, minified as packaged (--tsx: from source through tsx instead); the real
 * side from the connect-transforms jar. Both get the same 1,000 distinct records and chain config,
 * build the chain once, convert the records once (not timed) and apply the chain `warmup` times (JIT
 * warm-up). Then `rounds` timed rounds of N records per side (process.hrtime / System.nanoTime),
 * interleaved (ours, real, real, ours, ...) so that both sides see the same machine load. Reported: the
 * median round of each side and their ratio. Goal (issue 5): ours/real ≤ 1.0. JSON on stdout only.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import type { BenchRecord } from './support/smt-chain-ours';

// The harness lives with the tests (test/support); bench's tsconfig does not reference the test project,
// so it is loaded at run time and typed here by what this file uses.
interface VectorRecord extends BenchRecord {
  kind: 'source';
  key: string | null;
}
interface ChainStep {
  type: string;
  config: Record<string, string>;
}
interface SmtHarnessModule {
  spawnHarnessJvm(args: string[]): ChildProcessWithoutNullStreams;
}

/** The lesson's "Transforms" example (../shared/reference/lesson-09-kafka-connect.md). */
export const LESSON_CHAIN: Record<string, string> = {
  transforms: 'addTimestamp,maskSSN,route',
  'transforms.addTimestamp.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
  'transforms.addTimestamp.timestamp.field': 'ingested_at',
  'transforms.maskSSN.type': 'org.apache.kafka.connect.transforms.MaskField$Value',
  'transforms.maskSSN.fields': 'ssn',
  'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter',
  'transforms.route.regex': '(.*)',
  'transforms.route.replacement': 'prod-$1',
};

/** The same chain as SmtHarness steps (type + the alias's own keys). */
function chainSteps(config: Record<string, string>): ChainStep[] {
  return config['transforms'].split(',').map((alias) => {
    const prefix = `transforms.${alias}.`;
    const own: Record<string, string> = {};
    for (const [k, v] of Object.entries(config))
      if (k.startsWith(prefix) && k !== `${prefix}type`) own[k.slice(prefix.length)] = v;
    return { type: config[`${prefix}type`], config: own };
  });
}

const ORDER_SCHEMA = {
  type: 'struct',
  name: 'orders',
  optional: false,
  fields: [
    { field: 'id', type: 'int32', optional: false },
    { field: 'customer', type: 'string', optional: true },
    { field: 'ssn', type: 'string', optional: true },
    { field: 'amount', type: 'double', optional: true },
    { field: 'status', type: 'string', optional: true },
  ],
};

/** `count` distinct `orders` rows as JsonConverter envelopes, the shape a JDBC source emits. */
function orderRecords(count: number): VectorRecord[] {
  const records: VectorRecord[] = [];
  for (let i = 0; i < count; i++) {
    const payload = {
      id: i,
      customer: `customer-${i % 97}`,
      ssn: `${100 + (i % 800)}-${10 + (i % 89)}-${1000 + i}`,
      amount: Math.round(i * 137.5) / 100,
      status: i % 3 === 0 ? 'NEW' : 'SHIPPED',
    };
    records.push({
      kind: 'source',
      topic: 'orders',
      partition: null,
      timestamp: 1_764_115_200_000 + i,
      key: null,
      value: JSON.stringify({ schema: ORDER_SCHEMA, payload }),
    });
  }
  return records;
}

function argValue(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
const log = (msg: string): void => {
  process.stderr.write(`smt-chain: ${msg}\n`);
};

const OURS_ENTRY = join(__dirname, 'support', 'smt-chain-ours.ts');

/** Bundles OURS_ENTRY into `dir` with the runtime bundle's options (esbuild.mjs), minified as packaged. */
async function bundleOurs(dir: string): Promise<string> {
  const outfile = join(dir, 'smt-chain-ours.js');
  await build({
    entryPoints: [OURS_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    external: ['vscode', 'pg-native', 'cpu-features', '*.node'],
    logLevel: 'error',
  });
  return outfile;
}

/** One side's process, spoken to with the bench line protocol (see bench/support/smt-chain-ours.ts). */
class BenchSide {
  readonly #lines: AsyncIterator<string>;
  readonly #stderr: Buffer[] = [];

  constructor(
    readonly name: string,
    readonly child: ChildProcessWithoutNullStreams,
  ) {
    this.#lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    child.stderr.on('data', (b: Buffer) => this.#stderr.push(b));
  }

  async #next(): Promise<string> {
    const line = await this.#lines.next();
    if (line.done === true)
      throw new Error(
        `${this.name} side ended early: ${Buffer.concat(this.#stderr).toString('utf8').slice(-4000)}`,
      );
    return line.value;
  }

  /** Sends the input; resolves once the chain is built and warmed up. */
  async start(input: object): Promise<void> {
    this.child.stdin.write(`${JSON.stringify(input)}\n`);
    const line = await this.#next();
    if (line !== 'ready') throw new Error(`${this.name} side: expected "ready", got ${line.slice(0, 200)}`);
  }

  /** One timed round; ns/record. */
  async round(): Promise<number> {
    this.child.stdin.write('round\n');
    const line = await this.#next();
    const ns = Number(line);
    if (!Number.isFinite(ns)) throw new Error(`${this.name} side: not a figure: ${line.slice(0, 200)}`);
    return ns;
  }

  /** Ends the input; the number of applications that returned a record. */
  async finish(): Promise<number> {
    this.child.stdin.end();
    return (JSON.parse(await this.#next()) as { applied: number }).applied;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function run(args: string[]): Promise<object> {
  const n = argValue(args, '--records', 1_000_000);
  const warmup = argValue(args, '--warmup', 200_000);
  const rounds = Math.max(1, argValue(args, '--rounds', 5));
  const fromSource = args.includes('--tsx');
  const records = orderRecords(1000);
  const harness = (await import(join(__dirname, '..', 'test', 'support', 'smt-harness'))) as SmtHarnessModule;
  const dir = mkdtempSync(join(tmpdir(), 'kcl-bench-smt-chain-'));
  const sides: BenchSide[] = [];
  try {
    const oursArgs = fromSource ? ['--import', 'tsx', OURS_ENTRY] : [await bundleOurs(dir)];
    const loadBefore = loadavg()[0];
    log(
      `warm-up (${warmup} records): ours (${fromSource ? 'tsx' : 'bundle'}), then the real transformations`,
    );
    const ours = new BenchSide('our', spawn(process.execPath, oursArgs, { stdio: ['pipe', 'pipe', 'pipe'] }));
    sides.push(ours);
    await ours.start({ config: LESSON_CHAIN, records, n, warmup });
    const real = new BenchSide('real', harness.spawnHarnessJvm(['bench']));
    sides.push(real);
    await real.start({ chain: chainSteps(LESSON_CHAIN), records, n, warmup });
    const oursRounds: number[] = [];
    const realRounds: number[] = [];
    for (let r = 0; r < rounds; r++) {
      // ours, real, real, ours, ...: neither side always runs first.
      const order = r % 2 === 0 ? [ours, real] : [real, ours];
      for (const side of order) (side === ours ? oursRounds : realRounds).push(await side.round());
      log(`round ${r + 1}/${rounds}: ours ${round(oursRounds[r])}, real ${round(realRounds[r])} ns/record`);
    }
    const expected = warmup + rounds * n;
    const oursApplied = await ours.finish();
    const realApplied = await real.finish();
    if (oursApplied !== expected) throw new Error(`our chain dropped ${expected - oursApplied} records`);
    if (realApplied !== expected) throw new Error(`the real chain dropped ${expected - realApplied} records`);
    const oursMedian = median(oursRounds);
    const realMedian = median(realRounds);
    return {
      benchmark: 'smt-chain',
      chain: 'addTimestamp (InsertField$Value), maskSSN (MaskField$Value), route (RegexRouter)',
      ours_from: fromSource ? 'source through tsx' : 'esbuild bundle (minified, as packaged)',
      records: n,
      warmup,
      rounds,
      ours_ns_per_record: round(oursMedian),
      real_ns_per_record: round(realMedian),
      ratio: round(oursMedian / realMedian, 3),
      ours_rounds: oursRounds.map((x) => round(x)),
      real_rounds: realRounds.map((x) => round(x)),
      load: {
        loadavg_1m_before: round(loadBefore),
        loadavg_1m_after: round(loadavg()[0]),
        cpus: cpus().length,
      },
    };
  } finally {
    for (const side of sides) side.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
