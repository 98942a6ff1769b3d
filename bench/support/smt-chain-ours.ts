/**
 * Our side of `bench smt-chain`, run in its own Node process (as the real side runs in its own JVM):
 * bench/smt-chain.ts starts it from an esbuild bundle (what users run) or, with --tsx, from source.
 * The line protocol of SmtHarness's bench mode, so that the caller interleaves the two sides' rounds:
 * the first stdin line is {"config": connector config with the chain, "records": [source records as
 * JsonConverter envelopes], "n", "warmup"}; builds the chain once, converts the records once (not
 * timed), applies the chain `warmup` times and prints "ready". Each further line "round" applies the
 * chain `n` times cycling through the records, timed with process.hrtime, and prints the ns/record.
 * At the end of stdin prints {"applied": applications that returned a record}.
 */
import { createInterface } from 'node:readline';
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

/** The chain and its records, warmed up; round() times `n` applications and returns ns/record. */
export function prepareOurChain(input: OursInput): { round(): number; applied(): number } {
  const conv = new JsonConverter();
  conv.configure({ 'schemas.enable': 'true' }, false);
  const pool = input.records.map((r) => sourceRecord(conv, r));
  const chain = buildTransformationChain<AnyRecord>(input.config);
  const size = pool.length;
  let applied = 0;
  for (let i = 0; i < input.warmup; i++) if (chain.apply(pool[i % size]) !== null) applied++;
  return {
    round(): number {
      const start = process.hrtime.bigint();
      for (let i = 0; i < input.n; i++) if (chain.apply(pool[i % size]) !== null) applied++;
      return Number(process.hrtime.bigint() - start) / input.n;
    },
    applied: () => applied,
  };
}

if (require.main === module) {
  let bench: ReturnType<typeof prepareOurChain> | null = null;
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (bench === null) {
      bench = prepareOurChain(JSON.parse(line) as OursInput);
      process.stdout.write('ready\n');
    } else if (line === 'round') {
      process.stdout.write(`${bench.round()}\n`);
    }
  });
  lines.on('close', () => {
    process.stdout.write(`${JSON.stringify({ applied: bench?.applied() ?? 0 })}\n`);
  });
}
