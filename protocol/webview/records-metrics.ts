/**
 * The Records panel's metrics strip: the figures (sent host → webview as `metrics`) and the pure
 * arithmetic behind them — rates from two samples, consumer lag from committed vs end offsets,
 * record counts from log start/end offsets, task counts from a Connect status. No I/O here: the
 * host's sampler (src/webviews/records/records-metrics.ts) feeds it what kafkajs and the Connect
 * REST API return. Offsets are int64 decimal text, so they are added as BigInt.
 */
import type { ConnectorMetrics } from '../connect-rest/metrics';

/** One partition's log start (`low`) and end (`high`) offsets, as kafkajs fetchTopicOffsets gives. */
export interface PartitionRange {
  partition: number;
  low: string;
  high: string;
}

/** One partition's committed offset for a group; "-1" (kafkajs) or "" means none committed. */
export interface CommittedOffset {
  partition: number;
  offset: string;
}

export interface LagFigures {
  group: string;
  /** Records the group has not consumed yet, over every partition it has committed on. */
  total: number;
  /** Partitions with a committed offset (the rest are not counted). */
  partitions: number;
}

export interface TaskFigures {
  connectorState: string;
  total: number;
  running: number;
  failed: number;
  paused: number;
}

/**
 * The connector's own figures from our runtime's metrics endpoint (Connect's task metrics summed over
 * its tasks): records written to Kafka (source) or put to the sink per second and in total, the
 * average poll()/put() batch time, and the task-error-metrics counts.
 */
export interface WorkerFigures {
  type: 'source' | 'sink';
  /** source-record-write-rate or sink-record-send-rate, Σ over tasks (Kafka's 2 × 30 s window). */
  rate: number;
  /** source-record-write-total or sink-record-send-total, Σ over tasks. */
  total: number;
  /** poll-batch-avg-time-ms or put-batch-avg-time-ms, mean over tasks that have one. */
  batchMs?: number;
  /** total-record-errors, Σ over tasks. */
  errors: number;
  /** total-records-skipped, Σ over tasks. */
  skipped: number;
  /** deadletterqueue-produce-requests, Σ over tasks. */
  dlqSent: number;
  tasks: number;
}

/** What the strip shows; every figure is optional and the strip hides what is absent. */
export interface MetricsView {
  /** Epoch ms when the host took the sample. */
  at: number;
  topic: string;
  /** Records currently in the topic (sum of end − start offsets). */
  topicRecords?: number;
  /** Records appended to the topic per second since the previous sample (end-offset growth). */
  produceRate?: number;
  /** Records this panel received per second since the previous sample. */
  receiveRate?: number;
  lag?: LagFigures;
  dlq?: { topic: string; records: number };
  tasks?: TaskFigures;
  /** From the runtime's metrics endpoint; absent against clusters without it (real Connect: 404). */
  worker?: WorkerFigures;
  /** Figures that could not be read this time, with why (shown as a tooltip, not an error). */
  unavailable?: string[];
}

const big = (s: string): bigint => (/^-?\d+$/.test(s) ? BigInt(s) : 0n);

/** Records held in the log: Σ(high − low), never negative. */
export function recordCount(ranges: readonly PartitionRange[]): number {
  let n = 0n;
  for (const r of ranges) {
    const d = big(r.high) - big(r.low);
    if (d > 0n) n += d;
  }
  return Number(n);
}

/** Σ high: the total ever appended (grows with every produced record, compaction or not). */
export function endOffsetSum(ranges: readonly PartitionRange[]): bigint {
  let n = 0n;
  for (const r of ranges) n += big(r.high);
  return n;
}

/**
 * Per-second rate between two samples of a monotonic counter. undefined when there is no earlier
 * sample or no time passed; a counter that went backwards (topic recreated, panel restarted)
 * gives 0 rather than a negative rate.
 */
export function ratePerSecond(
  prev: { at: number; count: bigint | number } | undefined,
  now: { at: number; count: bigint | number },
): number | undefined {
  if (!prev) return undefined;
  const ms = now.at - prev.at;
  if (!(ms > 0)) return undefined;
  const d = Number(BigInt(now.count) - BigInt(prev.count));
  return d <= 0 ? 0 : (d * 1000) / ms;
}

/**
 * A group's lag on one topic: Σ max(0, high − committed) over the partitions the group has
 * committed on. Partitions without a committed offset are left out (a sink that has not
 * committed yet has no lag to report); undefined when it has committed on none.
 */
export function topicLag(
  ends: readonly PartitionRange[],
  committed: readonly CommittedOffset[],
): { total: bigint; partitions: number } | undefined {
  const high = new Map(ends.map((e) => [e.partition, big(e.high)]));
  let total = 0n;
  let partitions = 0;
  for (const c of committed) {
    if (!/^\d+$/.test(c.offset)) continue;
    const end = high.get(c.partition);
    if (end === undefined) continue;
    partitions++;
    const d = end - BigInt(c.offset);
    if (d > 0n) total += d;
  }
  return partitions === 0 ? undefined : { total, partitions };
}

/** Connect names a sink connector's consumer group `connect-<connector name>`. */
export function sinkGroupOf(connector: string): string {
  return `connect-${connector}`;
}

/** Task counts from a GET /connectors/{name}/status body. */
export function taskFigures(status: {
  connector: { state: string };
  tasks: ReadonlyArray<{ state: string }>;
}): TaskFigures {
  const count = (s: string) => status.tasks.filter((t) => t.state === s).length;
  return {
    connectorState: status.connector.state,
    total: status.tasks.length,
    running: count('RUNNING'),
    failed: count('FAILED'),
    paused: count('PAUSED'),
  };
}

/** Sums a GET /kcl/connectors/{name}/metrics body into the strip's figures (undefined: not a source/sink). */
export function workerFigures(m: ConnectorMetrics): WorkerFigures | undefined {
  if (m.type !== 'source' && m.type !== 'sink') return undefined;
  const group = m.type === 'source' ? 'source-task-metrics' : 'sink-task-metrics';
  const [rateKey, totalKey, batchKey] =
    m.type === 'source'
      ? ['source-record-write-rate', 'source-record-write-total', 'poll-batch-avg-time-ms']
      : ['sink-record-send-rate', 'sink-record-send-total', 'put-batch-avg-time-ms'];
  const value = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const f: WorkerFigures = { type: m.type, rate: 0, total: 0, errors: 0, skipped: 0, dlqSent: 0, tasks: 0 };
  let batchSum = 0;
  let batches = 0;
  for (const t of m.tasks) {
    const g = t[group] ?? {};
    const e = t['task-error-metrics'] ?? {};
    f.tasks++;
    f.rate += value(g[rateKey]);
    f.total += value(g[totalKey]);
    f.errors += value(e['total-record-errors']);
    f.skipped += value(e['total-records-skipped']);
    f.dlqSent += value(e['deadletterqueue-produce-requests']);
    const b = g[batchKey];
    if (typeof b === 'number' && Number.isFinite(b)) {
      batchSum += b;
      batches++;
    }
  }
  if (batches > 0) f.batchMs = batchSum / batches;
  return f;
}

/** Poll interval after `failures` consecutive failed samples: base, doubled each time, capped. */
export function backoffMs(baseMs: number, failures: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures, 20));
}

/** Compact figure for the strip: 1234 → "1,234", 12.345 → "12.3", 1.2e6 → "1.2M". */
export function formatFigure(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return a >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}
