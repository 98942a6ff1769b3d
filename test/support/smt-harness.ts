/**
 * Differential harness for SMTs and predicates: the same vectors run through the REAL Connect 4.4
 * transformations (test/compat/java/SmtHarness.java, one JVM for all vectors, records passed as
 * JsonConverter envelopes) and through ours, producing the same result shape for comparison.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConnectHeaders } from '../../runtime/api/headers';
import { SinkRecord, SourceRecord } from '../../runtime/api/records';
import type { ConnectRecord } from '../../runtime/api/records';
import { JsonConverter } from '../../runtime/converters/json-converter';
import { findSmtPlugin } from '../../runtime/transforms/plugins';
import type { Predicate, Transformation } from '../../runtime/transforms/transformation';

export interface ChainStep {
  type: string;
  config: Record<string, string | null>;
  predicate?: { type: string; config: Record<string, string | null> };
  negate?: boolean;
}

export interface VectorRecord {
  kind: 'sink' | 'source';
  topic: string;
  partition?: number | null;
  offset?: number;
  timestamp?: number | null;
  /** JsonConverter envelope text (schemas.enable=true), or null for a Kafka null. */
  key: string | null;
  value: string | null;
  headers?: [string, string | null][];
}

export interface Vector {
  id: string;
  chain: ChainStep[];
  record: VectorRecord;
}

export interface JavaError {
  class: string;
  message: string | null;
}

export interface VectorResult {
  id: string;
  configError?: JavaError;
  error?: JavaError;
  dropped?: boolean;
  topic?: string;
  partition?: number | null;
  timestamp?: number | null;
  key?: string | null;
  value?: string | null;
  headers?: [string, string | null][];
}

export interface ConfigKeyDump {
  name: string;
  type: string;
  required: boolean;
  default?: string | null;
  importance: string;
  documentation: string | null;
  validator: string | null;
}

export interface HarnessOutput {
  defs: Record<string, { keys?: ConfigKeyDump[]; error?: string }>;
  results: VectorResult[];
}

const SOURCE = resolve(__dirname, '../compat/java/SmtHarness.java');

/**
 * The real Connect jars: KCL_DEV_CONNECT_JARS, else a developer's ~/.cache/kafka-connect-lab/dev-connect,
 * else connect-4.4.0, which .ci/setup resolves (test/support/prepare-jars.ts) on every machine.
 */
export function devConnectJarDir(): string {
  if (process.env.KCL_DEV_CONNECT_JARS) return process.env.KCL_DEV_CONNECT_JARS;
  const cache = join(homedir(), '.cache', 'kafka-connect-lab');
  const dev = join(cache, 'dev-connect');
  return existsSync(join(dev, 'connect-transforms-4.4.0.jar')) ? dev : join(cache, 'connect-4.4.0');
}

/** The classpath of the real Connect jars, or null when they (or javac) are not available. */
export function realConnectClasspath(): string | null {
  const dir = devConnectJarDir();
  if (!existsSync(join(dir, 'connect-transforms-4.4.0.jar'))) return null;
  if (spawnSync('javac', ['-version']).status !== 0) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jar'))
    .sort()
    .map((f) => join(dir, f))
    .join(':');
}

/** Compiles SmtHarness.java once per source/classpath (cached in the temp dir); returns the class dir. */
function compileHarness(classpath: string): string {
  const hash = createHash('sha256').update(readFileSync(SOURCE)).update(classpath).digest('hex').slice(0, 16);
  const out = join(tmpdir(), `kcl-smt-harness-${hash}`);
  if (existsSync(join(out, 'SmtHarness.class'))) return out;
  mkdirSync(out, { recursive: true });
  const r = spawnSync('javac', ['-nowarn', '-d', out, '-cp', classpath, SOURCE], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`javac failed: ${r.stderr}`);
  return out;
}

/** Runs the real transformations over the vectors (and dumps the ConfigDefs of `defs`) in one JVM. */
export async function runRealSmts(
  vectors: readonly Vector[],
  defs: readonly string[] = [],
): Promise<HarnessOutput> {
  return JSON.parse(await runHarnessJvm([], JSON.stringify({ defs, vectors }))) as HarnessOutput;
}

/** The SmtHarness JVM with `args` (stdin, stdout and stderr piped). */
export function spawnHarnessJvm(args: string[]): ChildProcessWithoutNullStreams {
  const classpath = realConnectClasspath();
  if (classpath === null) throw new Error('real Connect jars or javac not available');
  const classes = compileHarness(classpath);
  // UTC: Cast formats dates in the JVM default zone; the runtime uses UTC.
  return spawn(
    'java',
    ['-Duser.timezone=UTC', '-Xshare:auto', '-cp', `${classes}:${classpath}`, 'SmtHarness', ...args],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

/** One SmtHarness JVM run with `args`, `input` on stdin; returns its stdout. */
async function runHarnessJvm(args: string[], input: string): Promise<string> {
  const child = spawnHarnessJvm(args);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const done = new Promise<number>((res, rej) => {
    child.on('error', rej);
    child.on('close', (code) => res(code ?? -1));
  });
  child.stdin.end(input);
  const code = await done;
  if (code !== 0)
    throw new Error(`SmtHarness exited ${code}: ${Buffer.concat(err).toString('utf8').slice(-4000)}`);
  return Buffer.concat(out).toString('utf8');
}

/** The Java class name our error stands for (instance or static javaClassName, as the runtime reports). */
export function javaErrorClass(e: unknown): string {
  const own = (e as { javaClassName?: unknown } | null)?.javaClassName;
  if (typeof own === 'string') return own;
  const stat = (e as { constructor?: { javaClassName?: unknown } } | null)?.constructor?.javaClassName;
  if (typeof stat === 'string') return stat;
  return `JS:${(e as Error)?.name ?? typeof e}`;
}

function errorOf(e: unknown): JavaError {
  const message = e instanceof Error ? e.message : String(e);
  return { class: javaErrorClass(e), message: message === '' ? null : message };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- records of either kind flow through one chain here
type AnyRecord = ConnectRecord<any>;

/** A vector's record as ours: key, value and headers through `conv` (a schemas.enable JsonConverter). */
export function ourRecord(conv: JsonConverter, r: VectorRecord): AnyRecord {
  const toConnect = (text: string | null) =>
    conv.toConnectData(r.topic, null, text === null ? null : Buffer.from(text, 'utf8'));
  const key = toConnect(r.key);
  const value = toConnect(r.value);
  const headers = new ConnectHeaders();
  for (const [k, h] of r.headers ?? []) headers.add(k, toConnect(h));
  const ts = r.timestamp ?? null;
  return r.kind === 'source'
    ? new SourceRecord(
        null,
        null,
        r.topic,
        r.partition ?? null,
        key.schema,
        key.value,
        value.schema,
        value.value,
        ts,
        headers,
      )
    : new SinkRecord(
        r.topic,
        r.partition ?? 0,
        key.schema,
        key.value,
        value.schema,
        value.value,
        r.offset ?? 0,
        ts,
        ts === null ? 'NO_TIMESTAMP_TYPE' : 'CREATE_TIME',
        headers,
      );
}

/** Runs our transformations over the vectors, same semantics and result shape as SmtHarness.java. */
export function runOurSmts(vectors: readonly Vector[]): VectorResult[] {
  const conv = new JsonConverter();
  conv.configure({ 'schemas.enable': 'true' }, false);
  const fromConnect = (topic: string, schema: AnyRecord['keySchema'], value: unknown): string | null => {
    const b = conv.fromConnectData(topic, null, schema, value);
    return b === null ? null : b.toString('utf8');
  };
  return vectors.map((v) => {
    const result: VectorResult = { id: v.id };
    const stages: { t: Transformation<AnyRecord>; p: Predicate<AnyRecord> | null; negate: boolean }[] = [];
    try {
      for (const step of v.chain) {
        const plugin = findSmtPlugin(step.type, 'transformation');
        if (plugin === undefined) throw new Error(`no plugin ${step.type}`);
        const t = plugin.factory<AnyRecord>();
        t.configure(step.config);
        let p: Predicate<AnyRecord> | null = null;
        if (step.predicate !== undefined) {
          const pp = findSmtPlugin(step.predicate.type, 'predicate');
          if (pp === undefined) throw new Error(`no predicate ${step.predicate.type}`);
          p = pp.factory<AnyRecord>();
          p.configure(step.predicate.config);
        }
        stages.push({ t, p, negate: step.negate ?? false });
      }
    } catch (e) {
      result.configError = errorOf(e);
      return result;
    }
    try {
      let rec: AnyRecord | null = ourRecord(conv, v.record);
      for (const s of stages) {
        if (rec === null) break;
        if (s.p === null || s.negate !== s.p.test(rec)) rec = s.t.apply(rec);
      }
      if (rec === null) {
        result.dropped = true;
        return result;
      }
      result.topic = rec.topic;
      result.partition = rec.kafkaPartition;
      result.timestamp = rec.timestamp;
      result.key = fromConnect(rec.topic, rec.keySchema, rec.key);
      result.value = fromConnect(rec.topic, rec.valueSchema, rec.value);
      result.headers = [...rec.headers].map((h) => [h.key, fromConnect(rec?.topic ?? '', h.schema, h.value)]);
    } catch (e) {
      result.error = errorOf(e);
    }
    return result;
  });
}

/**
 * Canonical JSON text for comparison: object keys sorted (schemaless maps come out of a Java HashMap
 * in hash order, ours in insertion order — the same map), number and string tokens kept verbatim.
 */
export function canonicalJson(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
  };
  const value = (): string => {
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      const entries: [string, string][] = [];
      ws();
      if (text.charAt(i) === '}') {
        i++;
        return '{}';
      }
      for (;;) {
        ws();
        const k = str();
        ws();
        i++; // ':'
        entries.push([k, value()]);
        ws();
        if (text.charAt(i++) === '}') break;
      }
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return `{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`;
    }
    if (c === '[') {
      i++;
      const items: string[] = [];
      ws();
      if (text.charAt(i) === ']') {
        i++;
        return '[]';
      }
      for (;;) {
        items.push(value());
        ws();
        if (text.charAt(i++) === ']') break;
      }
      return `[${items.join(',')}]`;
    }
    if (c === '"') return str();
    const m = /^(-?[0-9.eE+-]+|true|false|null)/.exec(text.slice(i));
    if (!m) throw new Error(`bad JSON at ${i}: ${text}`);
    i += m[0].length;
    return m[0];
  };
  const str = (): string => {
    const start = i;
    i++;
    while (text.charAt(i) !== '"') i += text.charAt(i) === '\\' ? 2 : 1;
    i++;
    return text.slice(start, i);
  };
  return value();
}

/** A result with its JSON texts canonicalised, for deepStrictEqual. */
export function canonicalResult(r: VectorResult): VectorResult {
  const out: VectorResult = { ...r };
  if (r.key !== undefined) out.key = canonicalJson(r.key);
  if (r.value !== undefined) out.value = canonicalJson(r.value);
  if (r.headers !== undefined) out.headers = r.headers.map(([k, v]) => [k, canonicalJson(v)]);
  return out;
}
