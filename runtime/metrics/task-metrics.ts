/**
 * Per-task metric groups with the names and meanings Connect exposes over JMX
 * (kafka.connect:type=<group>,connector=<c>,task=<t>): connector-task-metrics (status, running/pause
 * ratio, offset commit success/failure share and time, batch size), source-task-metrics or
 * sink-task-metrics (records polled/written, read/sent, put and poll batch times, active records,
 * partition count, offset commit completions). Rates are Kafka's windowed Rate (2 × 30 s samples),
 * totals CumulativeSum, max/avg windowed. The task-error-metrics group is the operator's
 * ErrorHandlingMetrics; the worker adds it to the snapshot.
 */
import type { MetricGroupValues } from '../../protocol/connect-rest/metrics';
import type { MetricConfig } from './sampled-stats';
import { BooleanFrequencies, DEFAULT_METRIC_CONFIG, MaxAvg, RateTotal, ValueMaxAvg } from './sampled-stats';

const num = (n: number): number | null => (Number.isFinite(n) ? n : null);

type TrackedState = 'unassigned' | 'running' | 'paused' | 'failed' | 'destroyed' | 'restarting';

/** Connect's StateTracker: time spent in each state since the task was created. */
class StateTracker {
  private readonly totals = new Map<TrackedState, number>();
  private since: number;
  state: TrackedState = 'unassigned';

  constructor(now: number) {
    this.since = now;
  }

  change(state: TrackedState, now: number): void {
    this.totals.set(this.state, (this.totals.get(this.state) ?? 0) + (now - this.since));
    this.state = state;
    this.since = now;
  }

  ratio(state: TrackedState, now: number): number {
    const current = now - this.since;
    let total = current;
    for (const v of this.totals.values()) total += v;
    const desired = (this.totals.get(state) ?? 0) + (this.state === state ? current : 0);
    return total === 0 ? 0 : desired / total;
  }
}

/** connector-task-metrics (WorkerTask.TaskMetricsGroup). */
export class TaskMetrics {
  protected readonly config: MetricConfig;
  protected readonly now: () => number;
  private readonly states: StateTracker;
  private readonly commitTime: MaxAvg;
  private readonly batchSize: MaxAvg;
  private readonly commits: BooleanFrequencies;

  constructor(config: MetricConfig = DEFAULT_METRIC_CONFIG, now: () => number = Date.now) {
    this.config = config;
    this.now = now;
    this.states = new StateTracker(now());
    this.commitTime = new MaxAvg(config);
    this.batchSize = new MaxAvg(config);
    this.commits = new BooleanFrequencies(config);
  }

  /** From the task's status listener: RUNNING, PAUSED, FAILED, UNASSIGNED, RESTARTING, DESTROYED. */
  recordState(state: string): void {
    const s = state.toLowerCase() as TrackedState;
    if (s !== this.states.state) this.states.change(s, this.now());
  }

  /** recordCommitSuccess / recordCommitFailure: the time only counts for successful commits. */
  recordCommit(durationMs: number, success: boolean): void {
    const now = this.now();
    if (success) this.commitTime.record(durationMs, now);
    this.commits.record(success ? 1 : 0, now);
  }

  /** recordBatch: records in a poll batch (source) or handed to put() (sink). */
  recordBatch(size: number): void {
    this.batchSize.record(size, this.now());
  }

  snapshot(): Record<string, MetricGroupValues> {
    const now = this.now();
    const [success, failure] = this.commits.shares(now);
    return {
      'connector-task-metrics': {
        status: this.states.state,
        'running-ratio': this.states.ratio('running', now),
        'pause-ratio': this.states.ratio('paused', now),
        'offset-commit-success-percentage': success,
        'offset-commit-failure-percentage': failure,
        'offset-commit-max-time-ms': num(this.commitTime.max.measure(now)),
        'offset-commit-avg-time-ms': num(this.commitTime.avg.measure(now)),
        'batch-size-max': num(this.batchSize.max.measure(now)),
        'batch-size-avg': num(this.batchSize.avg.measure(now)),
      },
    };
  }
}

/** source-task-metrics (AbstractWorkerSourceTask.SourceTaskMetricsGroup). */
export class SourceTaskMetrics extends TaskMetrics {
  private readonly poll = new RateTotal(this.config);
  private readonly write = new RateTotal(this.config);
  private readonly pollTime = new MaxAvg(this.config);
  private readonly active = new ValueMaxAvg(this.config);
  private activeRecords = 0;

  /** poll() returned `batchSize` records after `durationMs`. */
  recordPoll(batchSize: number, durationMs: number): void {
    const now = this.now();
    this.poll.record(batchSize, now);
    this.pollTime.record(durationMs, now);
    this.activeRecords += batchSize;
    this.active.record(this.activeRecords, now);
  }

  /** A poll batch finished: `recordCount` records handled, `skippedCount` of them not written. */
  recordWrite(recordCount: number, skippedCount: number): void {
    const now = this.now();
    this.write.record(recordCount - skippedCount, now);
    this.activeRecords = Math.max(0, this.activeRecords - recordCount);
    this.active.record(this.activeRecords, now);
  }

  override snapshot(): Record<string, MetricGroupValues> {
    const now = this.now();
    return {
      ...super.snapshot(),
      'source-task-metrics': {
        'source-record-poll-rate': this.poll.rate.measure(now),
        'source-record-poll-total': this.poll.total,
        'source-record-write-rate': this.write.rate.measure(now),
        'source-record-write-total': this.write.total,
        'poll-batch-max-time-ms': num(this.pollTime.max.measure(now)),
        'poll-batch-avg-time-ms': num(this.pollTime.avg.measure(now)),
        'source-record-active-count': this.active.last,
        'source-record-active-count-max': num(this.active.max.measure(now)),
        'source-record-active-count-avg': num(this.active.avg.measure(now)),
      },
    };
  }
}

/** sink-task-metrics (WorkerSinkTask.SinkTaskMetricsGroup). */
export class SinkTaskMetrics extends TaskMetrics {
  private readonly read = new RateTotal(this.config);
  private readonly send = new RateTotal(this.config);
  private readonly putTime = new MaxAvg(this.config);
  private readonly active = new ValueMaxAvg(this.config);
  private readonly commitCompletion = new RateTotal(this.config);
  private readonly commitSkip = new RateTotal(this.config);
  private partitions = 0;
  private commitSeqNo = 0;

  /** Records the consumer returned. */
  recordRead(batchSize: number): void {
    this.read.record(batchSize, this.now());
  }

  /** Records handed to put() (after conversion and transformations), and put()'s duration. */
  recordPut(batchSize: number, durationMs: number): void {
    const now = this.now();
    this.recordBatch(batchSize);
    this.send.record(batchSize, now);
    this.putTime.record(durationMs, now);
  }

  recordPartitionCount(n: number): void {
    this.partitions = n;
  }

  /** Records consumed but not yet committed (Σ consumed − committed over the partitions). */
  recordActiveCount(n: number): void {
    this.active.record(n, this.now());
  }

  /** An offset commit attempt (its sequence number) and, once acknowledged, its completion. */
  recordOffsetCommit(success: boolean, durationMs: number): void {
    this.commitSeqNo++;
    if (success) this.commitCompletion.record(1, this.now());
    this.recordCommit(durationMs, success);
  }

  override snapshot(): Record<string, MetricGroupValues> {
    const now = this.now();
    return {
      ...super.snapshot(),
      'sink-task-metrics': {
        'sink-record-read-rate': this.read.rate.measure(now),
        'sink-record-read-total': this.read.total,
        'sink-record-send-rate': this.send.rate.measure(now),
        'sink-record-send-total': this.send.total,
        'sink-record-active-count': this.active.last,
        'sink-record-active-count-max': num(this.active.max.measure(now)),
        'sink-record-active-count-avg': num(this.active.avg.measure(now)),
        'partition-count': this.partitions,
        'offset-commit-seq-no': this.commitSeqNo,
        'offset-commit-completion-rate': this.commitCompletion.rate.measure(now),
        'offset-commit-completion-total': this.commitCompletion.total,
        'offset-commit-skip-rate': this.commitSkip.rate.measure(now),
        'offset-commit-skip-total': this.commitSkip.total,
        'put-batch-max-time-ms': num(this.putTime.max.measure(now)),
        'put-batch-avg-time-ms': num(this.putTime.avg.measure(now)),
      },
    };
  }
}
