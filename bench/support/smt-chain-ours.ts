/**
 * Our side of `bench smt-chain`, run in its own Node process (as the real side runs in its own JVM):
 * bench/smt-chain.ts starts it from an esbuild bundle (what users run) or, with --tsx, from source.
 * Input on stdin, the same JSON the SmtHarness bench mode gets: {"config": connector config with the
 * chain, "records": [source records as JsonConverter envelopes], "n", "warmup", "rounds"}. Builds the
 * chain once, converts the records once (not timed), applies the chain `warmup` times, then `rounds`
 * timed rounds of `n` applications cycling through the records. Prints {"round_ns_per_record",
 * "records", "applied"} on stdout.
 */
import { readFileSync } from 'node:fs';
import type { ConnectRecord } from '../../runtime/api/records';
import { SourceRecord } from '../../runtime/api/records';
import { JsonConverter } from '../../runtime/converters/json-converter';
import { buildTransformationChain } from '../../runtime/transforms/chain';

export interface BenchRecord {
  topic: string;
  partition: number | null;
  timestamp: number | null;
  /** A JsonConverter envelope (schemas.enable=true). */
  value: string;
}

export interface OursInput {
  config: Record<string, string>;
  records: BenchRecord[];
  n: number;
  warmup: number;
  rounds: number;
}

export interface ChainBenchResult {
  round_ns_per_record: number[];
  records: number;
  applied: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- source records flow through one chain here
type AnyRecord = ConnectRecord<any>;

/** The record SmtHarness builds: value through a schemas.enable JsonConverter, no key, no headers. */
function sourceRecord(conv: JsonConverter, r: BenchRecord): SourceRecord {
  const value = conv.toConnectData(r.topic, null, Buffer.from(r.value, 'utf8'));
  return new SourceRecord(
    null,
    null,
    r.topic,
    r.partition,
    null,
    null,
    value.schema,
    value.value,
    r.timestamp,
  );
}

export function benchOurChain(input: OursInput): ChainBenchResult {
  const conv = new JsonConverter();
  conv.configure({ 'schemas.enable': 'true' }, false);
  const pool = input.records.map((r) => sourceRecord(conv, r));
  const chain = buildTransformationChain<AnyRecord>(input.config);
  const size = pool.length;
  let applied = 0;
  for (let i = 0; i < input.warmup; i++) if (chain.apply(pool[i % size]) !== null) applied++;
  const perRound: number[] = [];
  for (let r = 0; r < Math.max(1, input.rounds); r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < input.n; i++) if (chain.apply(pool[i % size]) !== null) applied++;
    perRound.push(Number(process.hrtime.bigint() - start) / input.n);
  }
  chain.close();
  return { round_ns_per_record: perRound, records: input.n, applied };
}

if (require.main === module) {
  const input = JSON.parse(readFileSync(0, 'utf8')) as OursInput;
  process.stdout.write(JSON.stringify(benchOurChain(input)));
}
