/**
 * Differential harness: plays one REST scenario, step by step, against the real Kafka Connect worker and
 * against our runtime, then compares status codes and JSON bodies. Only what must differ between two
 * workers is masked (worker ids, stack traces, versions, timestamps, and the names/paths each side was
 * given); every other difference is reported with the step, the JSON path, ours and real.
 */
import { mkdtempSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultBootstrapServers } from './real-connect';
import { startRuntimeProcess, uniqueGroupId } from './runtime-process';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SideName = 'real' | 'ours';

/** Per-side values substituted into requests as {{name}} and turned back into {{name}} in responses. */
export type Vars = Record<string, string>;

export interface Side {
  name: SideName;
  url: string;
  vars: Vars;
}

export interface HttpResult {
  status: number;
  /** Parsed JSON body, or undefined when the body was empty. Non-JSON text is kept as a string. */
  body: Json | undefined;
  contentType: string | null;
  location: string | null;
}

/**
 * How a step's bodies are compared.
 * exact: deep equality incl. object key order.  unordered: top-level array compared as a sorted set.
 * unordered-keys: top-level object keys sorted first (keys are per-side connector names, whose
 * java.util.HashMap order differs with the names themselves); nested order is still compared.
 * plugins: only plugins both sides have are compared; the rest is listed as a note.
 * loggers: only loggers both sides have are compared; the rest is listed as a note.
 */
export type CompareMode = 'exact' | 'unordered' | 'unordered-keys' | 'plugins' | 'loggers';

export interface Step {
  id: string;
  method: HttpMethod;
  /** Path with {{var}} templates and query string. */
  path: string;
  /** JSON body template; strings (keys and values) get {{var}} substitution. */
  body?: Json;
  /** Verbatim body text (after substitution), for malformed or oversized input. */
  rawBody?: string;
  /** Content-Type header for the body; default application/json when there is a body. */
  contentType?: string;
  /** Repeat the request (bounded) until this holds on that side, for async state transitions. */
  until?: (result: HttpResult, vars: Vars) => boolean;
  /** Bound for `until`, default 20 s. */
  waitMs?: number;
  compare?: CompareMode;
  /** JSON paths (as printed in differences, e.g. `$.version`, `$[*].version`) masked on both sides. */
  mask?: string[];
  /**
   * Applied to both sides' bodies before comparing, only where the real worker itself answers in more
   * than one way (documented in docs/rest-compatibility.md).
   */
  normalizeBody?: (body: Json) => Json;
  /** Send this many identical requests at once; the sorted statuses/bodies are compared. */
  concurrent?: number;
  /**
   * For concurrent steps: normalized answers the real worker is known to give besides those of this run
   * (it is not deterministic: 201+201+409, 201+409+409 and 201+201+201 were all seen).
   */
  allowedAnswers?: { status: number; body?: Json }[];
  note?: string;
}

export interface StepOutcome {
  step: string;
  request: { method: HttpMethod; path: string; body?: Json; rawBody?: string };
  status: number;
  body?: Json;
  location?: string;
  contentType?: string | null;
  /** false when `until` never held within the wait. */
  settled: boolean;
  attempts: number;
  /** Unmasked `trace` texts of the response (for diagnosis only; never compared). */
  traces?: string[];
  /** For concurrent steps: every response, sorted. */
  responses?: { status: number; body?: Json }[];
}

export interface Difference {
  step: string;
  path: string;
  ours: string;
  real: string;
}

const MASKED = (what: string): string => `<${what}>`;

// ---------------------------------------------------------------------------------------------------
// Templates and normalization

function substitute(text: string, vars: Vars): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
}

function substituteJson(value: Json, vars: Vars): Json {
  if (typeof value === 'string') return substitute(value, vars);
  if (Array.isArray(value)) return value.map((v) => substituteJson(v, vars));
  if (value && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[substitute(k, vars)] = substituteJson(v, vars);
    return out;
  }
  return value;
}

/** Replaces every per-side value by its {{name}} (longest values first, so prefixes do not win). */
export function unsubstitute(text: string, vars: Vars): string {
  const entries = Object.entries(vars)
    .filter(([, v]) => v.length > 0)
    .sort((a, b) => b[1].length - a[1].length);
  let out = text;
  for (const [name, value] of entries) out = out.split(value).join(`{{${name}}}`);
  return out;
}

function unsubstituteJson(value: Json, vars: Vars): Json {
  if (typeof value === 'string') return unsubstitute(value, vars);
  if (Array.isArray(value)) return value.map((v) => unsubstituteJson(v, vars));
  if (value && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[unsubstitute(k, vars)] = unsubstituteJson(v, vars);
    return out;
  }
  return value;
}

function pathMatches(pattern: string, path: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .replace(/[.+?^${}()|\\]/g, '\\$&')
        .replace(/\[\*\]/g, '\\[\\d+\\]')
        .replace(/\\\.\*/g, '\\.[^.\\[]+')
        .replace(/\[(\d+)\]/g, '\\[$1\\]') +
      '$',
  );
  return re.test(path);
}

function key(path: string, k: string): string {
  return /^[A-Za-z_][\w]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
}

/**
 * PluginDesc{..., version='4.4.0', encodedVersion=4.4.0, ...} inside error messages: versions masked,
 * and entries of plugins outside Apache Kafka's own packages dropped. The real worker in these tests
 * runs Apache Kafka's plugins only, while ours also bundles JDBC and Debezium, so its "available
 * connectors are: ..." lists are longer; the entries both have are still compared, in order (the same
 * rule as for GET /connector-plugins, where plugins only one side has are left out).
 */
function maskPluginDescVersions(text: string): string {
  return text
    .replace(/PluginDesc\{klass=class (?!org\.apache\.kafka\.)[^}]*\}(, )?/g, '')
    .replace(/\}, (?=$|\n)/g, '}')
    .replace(/version='[^']*', encodedVersion=[^,}]*/g, "version='<version>', encodedVersion=<version>");
}

/** Masks what must differ between two workers: worker ids, traces, logger timestamps, step masks. */
export function mask(value: Json, masks: string[] = [], path = '$'): Json {
  if (masks.some((m) => pathMatches(m, path))) return value === null ? null : MASKED('masked');
  if (typeof value === 'string') return maskPluginDescVersions(value);
  if (Array.isArray(value)) return value.map((v, i) => mask(v, masks, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    // ConfigKeyInfo/ConfigValueInfo of `connector.plugin.version`, `key.converter.plugin.version`, ...
    const pluginVersionKey = typeof value.name === 'string' && value.name.endsWith('plugin.version');
    for (const [k, v] of Object.entries(value)) {
      if (k === 'worker_id' && typeof v === 'string') out[k] = MASKED('worker_id');
      else if (k === 'version' && typeof v === 'string') out[k] = MASKED('version');
      else if (pluginVersionKey && (k === 'default_value' || k === 'value') && typeof v === 'string') {
        out[k] = MASKED('version');
      } else if (pluginVersionKey && k === 'recommended_values' && Array.isArray(v)) {
        out[k] = v.map(() => MASKED('version'));
      } else if (k === 'trace' && typeof v === 'string') out[k] = MASKED('trace');
      else if (k === 'last_modified' && typeof v === 'number') out[k] = MASKED('timestamp');
      else out[k] = mask(v, masks, key(path, k));
    }
    return out;
  }
  return value;
}

export function normalize(value: Json | undefined, vars: Vars, masks: string[] = []): Json | undefined {
  if (value === undefined) return undefined;
  return mask(unsubstituteJson(value, vars), masks);
}

// ---------------------------------------------------------------------------------------------------
// HTTP

export async function request(
  baseUrl: string,
  method: HttpMethod,
  path: string,
  body?: { text: string; contentType: string },
): Promise<HttpResult> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: body
      ? { 'content-type': body.contentType, accept: 'application/json' }
      : { accept: 'application/json' },
    body: body?.text,
    redirect: 'manual',
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  let parsed: Json | undefined;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      parsed = text;
    }
  }
  return {
    status: res.status,
    body: parsed,
    contentType: res.headers.get('content-type'),
    location: res.headers.get('location'),
  };
}

function stepBody(step: Step, vars: Vars): { text: string; contentType: string } | undefined {
  const contentType = step.contentType ?? 'application/json';
  if (step.rawBody !== undefined) return { text: substitute(step.rawBody, vars), contentType };
  if (step.body !== undefined) return { text: JSON.stringify(substituteJson(step.body, vars)), contentType };
  return undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function mediaType(contentType: string | null): string | null {
  return contentType ? (contentType.split(';')[0] ?? '').trim().toLowerCase() : null;
}

function collectTraces(value: Json | undefined, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectTraces(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'trace' && typeof v === 'string') out.push(v);
      else collectTraces(v, out);
    }
  }
  return out;
}

export async function playStep(side: Side, step: Step): Promise<StepOutcome> {
  const path = substitute(step.path, side.vars);
  const body = stepBody(step, side.vars);
  const requestRecord: StepOutcome['request'] = { method: step.method, path: step.path };
  if (step.body !== undefined) requestRecord.body = step.body;
  if (step.rawBody !== undefined) requestRecord.rawBody = step.rawBody;

  if (step.concurrent) {
    const all = await Promise.all(
      Array.from({ length: step.concurrent }, () => request(side.url, step.method, path, body)),
    );
    const responses = all
      .map((r) => ({ status: r.status, body: normalize(r.body, side.vars, step.mask) }))
      .sort((a, b) => a.status - b.status || JSON.stringify(a.body).localeCompare(JSON.stringify(b.body)));
    const first = responses[0] ?? { status: 0 };
    return {
      step: step.id,
      request: requestRecord,
      status: first.status,
      settled: true,
      attempts: 1,
      responses,
    };
  }

  const deadline = Date.now() + (step.waitMs ?? 20_000);
  let attempts = 0;
  let result: HttpResult;
  let settled = true;
  for (;;) {
    attempts++;
    result = await request(side.url, step.method, path, body);
    if (!step.until || step.until(result, side.vars)) break;
    if (Date.now() > deadline) {
      settled = false;
      break;
    }
    await sleep(200);
  }
  const outcome: StepOutcome = {
    step: step.id,
    request: requestRecord,
    status: result.status,
    settled,
    attempts,
    contentType: mediaType(result.contentType),
  };
  let normalized = normalize(result.body, side.vars, step.mask);
  if (normalized !== undefined && step.normalizeBody) normalized = step.normalizeBody(normalized);
  if (normalized !== undefined) outcome.body = normalized;
  const traces = collectTraces(result.body);
  if (traces.length > 0) outcome.traces = traces;
  if (result.location !== null) outcome.location = unsubstitute(result.location, side.vars);
  return outcome;
}

// ---------------------------------------------------------------------------------------------------
// Comparison

function show(value: Json | undefined): string {
  if (value === undefined) return '<absent>';
  const text = JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export function diffJson(
  ours: Json | undefined,
  real: Json | undefined,
  path = '$',
): Omit<Difference, 'step'>[] {
  if (ours === undefined || real === undefined) {
    return ours === real ? [] : [{ path, ours: show(ours), real: show(real) }];
  }
  if (Array.isArray(ours) && Array.isArray(real)) {
    const out: Omit<Difference, 'step'>[] = [];
    if (ours.length !== real.length)
      out.push({ path: `${path}.length`, ours: String(ours.length), real: String(real.length) });
    for (let i = 0; i < Math.min(ours.length, real.length); i++) {
      out.push(...diffJson(ours[i], real[i], `${path}[${i}]`));
    }
    for (let i = Math.min(ours.length, real.length); i < Math.max(ours.length, real.length); i++) {
      out.push({ path: `${path}[${i}]`, ours: show(ours[i]), real: show(real[i]) });
    }
    return out;
  }
  const isObj = (v: Json): v is { [key: string]: Json } =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(ours) && isObj(real)) {
    const out: Omit<Difference, 'step'>[] = [];
    const keys = [...new Set([...Object.keys(real), ...Object.keys(ours)])];
    for (const k of keys) out.push(...diffJson(ours[k], real[k], key(path, k)));
    const common = (o: { [key: string]: Json }, other: { [key: string]: Json }): string[] =>
      Object.keys(o).filter((k) => k in other);
    const ourOrder = common(ours, real);
    const realOrder = common(real, ours);
    if (ourOrder.join('\u0000') !== realOrder.join('\u0000')) {
      out.push({ path: `${path} (key order)`, ours: ourOrder.join(','), real: realOrder.join(',') });
    }
    return out;
  }
  if (ours === real) return [];
  return [{ path, ours: show(ours), real: show(real) }];
}

function sortedKeys(value: Json | undefined): Json | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

function sortedArray(value: Json | undefined): Json | undefined {
  if (!Array.isArray(value)) return value;
  return [...value].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Plugins keyed by `class (type)`: a converter class is listed once as converter, once as header_converter. */
function byKey(list: Json | undefined): Map<string, Json> {
  const out = new Map<string, Json>();
  if (Array.isArray(list)) {
    for (const item of list) {
      if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.class === 'string') {
        out.set(`${item.class} (${JSON.stringify(item.type)})`, item);
      }
    }
  }
  return out;
}

export interface Comparison {
  differences: Difference[];
  /** Informational: e.g. plugins or loggers only one side has. */
  notes: string[];
}

export function compareOutcome(step: Step, ours: StepOutcome, real: StepOutcome): Comparison {
  const differences: Difference[] = [];
  const notes: string[] = [];
  const add = (list: Omit<Difference, 'step'>[]): void => {
    for (const d of list) differences.push({ step: step.id, ...d });
  };
  if (ours.settled !== real.settled) {
    add([
      {
        path: '(wait)',
        ours: ours.settled ? 'settled' : 'never settled',
        real: real.settled ? 'settled' : 'never settled',
      },
    ]);
  }
  if (step.concurrent) {
    // Real Connect itself is not deterministic here (two of three concurrent creates may both get 201),
    // so every distinct answer of ours must be one the real worker also gave, and one create must win.
    const distinct = (list: StepOutcome['responses']): string[] => [
      ...new Set((list ?? []).map((r) => JSON.stringify({ status: r.status, body: r.body }))),
    ];
    const realAnswers = [...new Set([...distinct(real.responses), ...distinct(step.allowedAnswers)])];
    for (const answer of distinct(ours.responses)) {
      if (!realAnswers.includes(answer))
        add([{ path: '$responses (answer)', ours: answer, real: realAnswers.join(' | ') }]);
    }
    if (!(ours.responses ?? []).some((r) => r.status === 201)) {
      add([{ path: '$responses (a create wins)', ours: 'no 201', real: 'at least one 201' }]);
    }
    return { differences, notes };
  }
  if (ours.status !== real.status)
    add([{ path: '(status)', ours: String(ours.status), real: String(real.status) }]);
  if ((ours.location ?? null) !== (real.location ?? null)) {
    add([
      {
        path: '(Location header)',
        ours: String(ours.location ?? '<absent>'),
        real: String(real.location ?? '<absent>'),
      },
    ]);
  }
  if (real.body !== undefined && ours.body !== undefined && ours.contentType !== real.contentType) {
    add([{ path: '(Content-Type)', ours: String(ours.contentType), real: String(real.contentType) }]);
  }
  const mode = step.compare ?? 'exact';
  if (mode === 'exact') add(diffJson(ours.body, real.body));
  else if (mode === 'unordered') add(diffJson(sortedArray(ours.body), sortedArray(real.body)));
  else if (mode === 'unordered-keys') add(diffJson(sortedKeys(ours.body), sortedKeys(real.body)));
  else if (mode === 'plugins') {
    const o = byKey(ours.body);
    const r = byKey(real.body);
    const onlyReal = [...r.keys()].filter((c) => !o.has(c));
    const onlyOurs = [...o.keys()].filter((c) => !r.has(c));
    if (onlyReal.length) notes.push(`${step.id}: plugins only the real worker has: ${onlyReal.join(', ')}`);
    if (onlyOurs.length) notes.push(`${step.id}: plugins only our runtime has: ${onlyOurs.join(', ')}`);
    const commonClasses = [...r.keys()].filter((c) => o.has(c));
    for (const c of commonClasses) add(diffJson(o.get(c), r.get(c), `$[class=${c}]`));
    // Relative order of the common plugins matters too (Connect sorts them).
    const ourOrder = [...o.keys()].filter((c) => r.has(c));
    if (ourOrder.join(',') !== commonClasses.join(',')) {
      add([{ path: '$ (plugin order)', ours: ourOrder.join(','), real: commonClasses.join(',') }]);
    }
  } else {
    const isObj = (v: Json | undefined): v is { [key: string]: Json } =>
      v !== undefined && v !== null && typeof v === 'object' && !Array.isArray(v);
    if (!isObj(ours.body) || !isObj(real.body)) add(diffJson(ours.body, real.body));
    else {
      const o = ours.body;
      const r = real.body;
      const common = Object.keys(r).filter((k) => k in o);
      const onlyReal = Object.keys(r).filter((k) => !(k in o));
      const onlyOurs = Object.keys(o).filter((k) => !(k in r));
      notes.push(
        `${step.id}: ${common.length} loggers compared; ${onlyReal.length} only on the real worker, ${onlyOurs.length} only on ours` +
          (onlyOurs.length ? ` (${onlyOurs.slice(0, 20).join(', ')})` : ''),
      );
      for (const k of common) add(diffJson(o[k], r[k], key('$', k)));
      if (common.length === 0)
        add([{ path: '$ (common loggers)', ours: '0', real: String(Object.keys(r).length) }]);
    }
  }
  return { differences, notes };
}

export function formatDifferences(differences: Difference[]): string {
  return differences.map((d) => `[${d.step}] ${d.path}\n    ours: ${d.ours}\n    real: ${d.real}`).join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Scenario runner

export interface ScenarioRun {
  real?: StepOutcome[];
  ours?: StepOutcome[];
  differences: Difference[];
  notes: string[];
}

/**
 * Plays every step on every given side (the sides concurrently, steps in order) and compares when both
 * sides are given. A side that throws (e.g. connection refused) records status 0 with the error text,
 * so one broken endpoint does not hide the rest of the scenario.
 */
export async function runScenario(
  steps: Step[],
  sides: { real?: Side; ours?: Side },
  onStep?: (step: Step, outcomes: { real?: StepOutcome; ours?: StepOutcome }) => void,
): Promise<ScenarioRun> {
  const run: ScenarioRun = { differences: [], notes: [] };
  if (sides.real) run.real = [];
  if (sides.ours) run.ours = [];
  const safePlay = async (side: Side | undefined, step: Step): Promise<StepOutcome | undefined> => {
    if (!side) return undefined;
    try {
      return await playStep(side, step);
    } catch (e) {
      return {
        step: step.id,
        request: { method: step.method, path: step.path },
        status: 0,
        body: `request failed: ${String(e)}`,
        settled: false,
        attempts: 1,
      };
    }
  };
  for (const step of steps) {
    const [real, ours] = await Promise.all([safePlay(sides.real, step), safePlay(sides.ours, step)]);
    if (real) run.real?.push(real);
    if (ours) run.ours?.push(ours);
    onStep?.(step, { real, ours });
    if (real && ours) {
      const c = compareOutcome(step, ours, real);
      run.differences.push(...c.differences);
      run.notes.push(...c.notes);
    }
  }
  return run;
}

// ---------------------------------------------------------------------------------------------------
// Our runtime as a child process (test/support/runtime-process.ts), with what the differential,
// reliability and bench code need on top: pid, start timing, a state dir, kill -9.

export interface OurRuntime {
  url: string;
  pid: number;
  stateDir: string;
  groupId: string;
  /** Milliseconds from spawn until the CLI printed {"rest":...} (it does so once /health is healthy). */
  startupMs: number;
  stderr: () => string;
  stop: () => Promise<void>;
  /** kill -9, for the reliability tests. */
  kill9: () => Promise<void>;
}

export interface OurRuntimeOptions {
  bootstrapServers?: string;
  restPort?: number;
  stateDir?: string;
  groupId?: string;
  /** Same default as the real worker here (1 s) so both commit at the same pace. */
  offsetFlushIntervalMs?: number;
  startupTimeoutMs?: number;
  logTiming?: boolean;
  /** Run the esbuild bundle (dist/runtime.js), as the extension does, instead of tsx. */
  bundle?: boolean;
}

export async function startOurRuntime(options: OurRuntimeOptions = {}): Promise<OurRuntime> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'kcl-our-runtime-'));
  const started = performance.now();
  const proc = await startRuntimeProcess({
    bootstrapServers: options.bootstrapServers ?? defaultBootstrapServers(),
    groupId: options.groupId ?? uniqueGroupId('kcl-ours'),
    offsetFlushIntervalMs: options.offsetFlushIntervalMs ?? 1000,
    extraArgs: ['--state-dir', stateDir],
    ...(options.bundle !== undefined ? { bundle: options.bundle } : {}),
    ...(options.restPort !== undefined ? { restPort: options.restPort } : {}),
    ...(options.startupTimeoutMs !== undefined ? { startTimeoutMs: options.startupTimeoutMs } : {}),
  });
  const startupMs = Math.round(performance.now() - started);
  if (options.logTiming ?? true)
    process.stderr.write(`our runtime ${proc.url} ready after ${startupMs} ms\n`);
  const pid = proc.child.pid;
  if (pid === undefined) throw new Error('runtime did not start');
  return {
    url: proc.url,
    pid,
    stateDir,
    groupId: proc.groupId,
    startupMs,
    stderr: () => proc.stderr(),
    stop: async () => {
      await proc.stop();
    },
    kill9: () => proc.kill(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Topic contents, for the FileStream differential and the reliability tests

export interface TopicRecord {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: [string, Buffer][];
}

export function kafka(): Kafka {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  return new Kafka({
    clientId: `kcl-differential-${process.pid}`,
    brokers: [defaultBootstrapServers()],
    logLevel: logLevel.WARN,
  });
}

/** Creates single-partition topics so record order is comparable across two producers. */
export async function createTopics(topics: string[], partitions = 1): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: partitions })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(topics: string[]): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics });
  } catch {
    // best effort cleanup of unique names
  } finally {
    await admin.disconnect();
  }
}

/** Number of records in the topic (sum of high watermarks; the topics here are never compacted). */
export async function topicSize(topic: string): Promise<number> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Polls until the topic holds at least `count` records or the wait is over; returns the last size. */
export async function waitTopicSize(topic: string, count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let size = 0;
  while (Date.now() < deadline) {
    try {
      size = await topicSize(topic);
    } catch {
      size = 0; // topic not there yet
    }
    if (size >= count) return size;
    await sleep(500);
  }
  return size;
}

/** Reads every record of a single-partition topic, from the beginning up to the current end. */
export async function readTopic(topic: string, timeoutMs = 120_000): Promise<TopicRecord[]> {
  const end = await topicSize(topic);
  const records: TopicRecord[] = [];
  if (end === 0) return records;
  const consumer = kafka().consumer({
    groupId: `kcl-reader-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`read ${records.length} of ${end} records of ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) {
              const headers: [string, Buffer][] = [];
              for (const [name, value] of Object.entries(m.headers ?? {})) {
                const list = Array.isArray(value) ? value : [value];
                for (const v of list) headers.push([name, Buffer.from(v ?? '')]);
              }
              records.push({ offset: m.offset, key: m.key, value: m.value, headers });
            }
            if (records.length >= end) {
              clearTimeout(timer);
              ok();
            }
            await Promise.resolve();
          },
        })
        .catch(fail);
    });
  } finally {
    await consumer.disconnect();
  }
  return records.slice(0, end);
}

/** Differences between two record lists (key, value bytes, headers; offsets and timestamps ignored). */
export function diffRecords(ours: TopicRecord[], real: TopicRecord[], limit = 10): string[] {
  const out: string[] = [];
  if (ours.length !== real.length) out.push(`record count: ours ${ours.length}, real ${real.length}`);
  const show = (b: Buffer | null): string => (b === null ? 'null' : JSON.stringify(b.toString('utf8')));
  const headersText = (h: [string, Buffer][]): string =>
    JSON.stringify(h.map(([k, v]) => [k, v.toString('base64')]));
  let shown = 0;
  let total = 0;
  for (let i = 0; i < Math.min(ours.length, real.length); i++) {
    const o = ours[i];
    const r = real[i];
    const problems: string[] = [];
    if (!(o.key === null ? r.key === null : r.key !== null && o.key.equals(r.key))) {
      problems.push(`key ours ${show(o.key)} real ${show(r.key)}`);
    }
    if (!(o.value === null ? r.value === null : r.value !== null && o.value.equals(r.value))) {
      problems.push(`value ours ${show(o.value)} real ${show(r.value)}`);
    }
    if (headersText(o.headers) !== headersText(r.headers)) {
      problems.push(`headers ours ${headersText(o.headers)} real ${headersText(r.headers)}`);
    }
    if (problems.length > 0) {
      total++;
      if (shown++ < limit) out.push(`record ${i}: ${problems.join('; ')}`);
    }
  }
  if (total > limit) out.push(`… ${total - limit} more differing records`);
  return out;
}
