/**
 * `npm run --silent bench -- smt-chain [--records N] [--warmup N]`: the lesson's three-transform chain
 * (addTimestamp = InsertField$Value timestamp.field, maskSSN = MaskField$Value, route = RegexRouter
 * `(.*)` → `prod-$1`) over N schemaful source records of an `orders` table, ns/record: ours
 * (runtime/transforms buildTransformationChain, process.hrtime) beside the REAL Connect 4.4.0
 * transformations (test/compat/java/SmtHarness.java bench mode, System.nanoTime) in one run. Both sides
 * build the chain once, convert a pool of distinct records once (not timed), warm up, then time the
 * chain alone. Goal (issue 5): ratio ours/real ≤ 1.0. JSON on stdout only.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { ConnectRecord } from '../runtime/api/records';
import { JsonConverter } from '../runtime/converters/json-converter';
import { buildTransformationChain } from '../runtime/transforms/chain';

// The harness lives with the tests (test/support); bench's tsconfig does not reference the test project,
// so it is loaded at run time and typed here by what this file uses.
interface VectorRecord {
  kind: 'source';
  topic: string;
  partition: number | null;
  timestamp: number | null;
  key: string | null;
  value: string | null;
}
interface ChainStep {
  type: string;
  config: Record<string, string>;
}
interface SmtHarnessModule {
  benchRealChain(
    chain: ChainStep[],
    records: VectorRecord[],
    n: number,
    warmup: number,
  ): Promise<{ ns_per_record: number; records: number; applied: number }>;
  ourRecord(conv: JsonConverter, r: VectorRecord): AnyRecord;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- source records flow through one chain here
type AnyRecord = ConnectRecord<any>;

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

/** Ours: the chain built once, `warmup` applications, then `n` timed ones cycling through the pool. */
function benchOurs(pool: readonly AnyRecord[], n: number, warmup: number): number {
  const chain = buildTransformationChain<AnyRecord>(LESSON_CHAIN);
  const size = pool.length;
  let applied = 0;
  for (let i = 0; i < warmup; i++) if (chain.apply(pool[i % size]) !== null) applied++;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) if (chain.apply(pool[i % size]) !== null) applied++;
  const elapsed = Number(process.hrtime.bigint() - start);
  if (applied !== n + warmup) throw new Error(`our chain dropped ${n + warmup - applied} records`);
  chain.close();
  return elapsed / n;
}

export async function run(args: string[]): Promise<object> {
  const n = argValue(args, '--records', 1_000_000);
  const warmup = argValue(args, '--warmup', 200_000);
  const records = orderRecords(1000);
  const harness = (await import(join(__dirname, '..', 'test', 'support', 'smt-harness'))) as SmtHarnessModule;
  const conv = new JsonConverter();
  conv.configure({ 'schemas.enable': 'true' }, false);
  const pool = records.map((r) => harness.ourRecord(conv, r));
  const loadBefore = loadavg()[0];
  log(`ours: ${n} records (warm-up ${warmup})`);
  const ours = benchOurs(pool, n, warmup);
  log(`ours: ${round(ours)} ns/record; real worker's transformations (SmtHarness bench)`);
  const real = await harness.benchRealChain(chainSteps(LESSON_CHAIN), records, n, warmup);
  if (real.applied !== n + warmup)
    throw new Error(`the real chain dropped ${n + warmup - real.applied} records`);
  log(`real: ${round(real.ns_per_record)} ns/record`);
  return {
    benchmark: 'smt-chain',
    chain: 'addTimestamp (InsertField$Value), maskSSN (MaskField$Value), route (RegexRouter)',
    records: n,
    warmup,
    ours_ns_per_record: round(ours),
    real_ns_per_record: round(real.ns_per_record),
    ratio: round(ours / real.ns_per_record, 3),
    load: {
      loadavg_1m_before: round(loadBefore),
      loadavg_1m_after: round(loadavg()[0]),
      cpus: cpus().length,
    },
  };
}
