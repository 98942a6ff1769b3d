/**
 * WorkerSinkTask: consumer group `connect-<connector>` → convert → transformation chain → put();
 * consumer offsets are committed only after preCommit()/flush() succeeded for what was put.
 */
import type { Consumer, EachBatchPayload, IHeaders, Kafka } from 'kafkajs';
import type { SinkOffsets, SinkTask, TopicPartition } from '../api/connector';
import { ConnectHeaders } from '../api/headers';
import { SinkRecord } from '../api/records';
import { RetriableException } from '../data/errors';
import type { StatusBackingStore } from '../storage/status-backing-store';
import type {
  Converter as WorkerConverter,
  HeaderConverter as WorkerHeaderConverter,
} from '../converters/converter';
import { ProcessingContext, consumedRecordFromKafkajs } from '../errors/tolerance/index';
import type { ConsumedRecord, RetryWithToleranceOperator } from '../errors/tolerance/index';
import { isRetriableConsumerError, retryBackoffMs } from '../kafka/retriable';
import { errantRecordReporterEnabled, workerErrantRecordReporter } from './errant-record-reporter';
import { InternalSinkRecord } from './internal-sink-record';
import { Gate } from './status-listener';
import type { StatusListener } from './status-listener';
import type { TransformationChain } from './transformation-chain';
import type { SinkTaskMetrics } from '../metrics/task-metrics';

export interface SinkTaskDeps {
  connector: string;
  taskId: number;
  task: SinkTask;
  taskConfig: Record<string, string>;
  kafka: Kafka;
  keyConverter: WorkerConverter;
  valueConverter: WorkerConverter;
  headerConverter: WorkerHeaderConverter;
  transformations: TransformationChain<SinkRecord>;
  /** The task's RetryWithToleranceOperator (errors.tolerance, DLQ and log reporters). */
  operator: RetryWithToleranceOperator<ConsumedRecord>;
  /** Java class names of the converters, for the error context (`__connect.errors.class.name`). */
  converterClasses: { key: string; value: string; header: string };
  statuses: StatusBackingStore;
  listener: StatusListener;
  offsetFlushIntervalMs: number;
  log: (line: string) => void;
  /** sink-task-metrics and connector-task-metrics (our metrics endpoint). */
  metrics?: SinkTaskMetrics;
}

export function sinkGroupId(connector: string): string {
  return `connect-${connector}`;
}

const tpKey = (topic: string, partition: number): string => `${topic}-${partition}`;

export class WorkerSinkTask {
  private readonly gate = new Gate();
  private consumer: Consumer | null = null;
  private stopping = false;
  private failed = false;
  /** Next offset to consume per partition, for what put() has accepted. */
  private current: SinkOffsets = new Map();
  private lastCommitted = new Map<string, bigint>();
  private firstConsumed = new Map<string, bigint>();
  private lastCommit = Date.now();
  private commitRequested = false;
  private started: Promise<void> | null = null;
  private assignment: TopicPartition[] = [];
  /** SinkTaskContext.timeout(ms): bounds the next poll only (-1: not set). */
  private requestedTimeoutMs = -1;
  /** Partitions the task paused itself (SinkTaskContext.pause): resumeAll() leaves them paused. */
  private readonly taskPaused = new Map<string, TopicPartition>();
  /** put() threw RetriableException: every partition is paused until the batch is accepted. */
  private pausedForRedelivery = false;
  /** The next empty poll (WorkerSinkTask.poll returning no records → put([])). */
  private pollTimer: NodeJS.Timeout | null = null;

  constructor(private readonly d: SinkTaskDeps) {}

  start(paused: boolean): void {
    if (paused) this.gate.close();
    this.started = this.run();
  }

  private topicsToSubscribe(): (string | RegExp)[] {
    const cfg = this.d.taskConfig;
    if (cfg['topics.regex'] && cfg['topics.regex'].trim() !== '')
      return [new RegExp(`^(?:${cfg['topics.regex']})$`)];
    return (cfg['topics'] ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
  }

  private async run(): Promise<void> {
    const { task, connector, taskId } = this.d;
    try {
      task.initialize({
        configs: () => ({ ...this.d.taskConfig }),
        assignment: () => [...this.assignment],
        offset: (offsets) => {
          for (const [tp, off] of offsets)
            this.consumer?.seek({ topic: tp.topic, partition: tp.partition, offset: off.toString() });
        },
        pause: (...tps) => {
          for (const tp of tps) this.taskPaused.set(tpKey(tp.topic, tp.partition), tp);
          this.consumer?.pause(tps.map((tp) => ({ topic: tp.topic, partitions: [tp.partition] })));
        },
        resume: (...tps) => {
          for (const tp of tps) this.taskPaused.delete(tpKey(tp.topic, tp.partition));
          // As WorkerSinkTaskContext: while the connector is paused its partitions stay paused.
          if (this.gate.open)
            this.consumer?.resume(tps.map((tp) => ({ topic: tp.topic, partitions: [tp.partition] })));
        },
        timeout: (ms) => {
          this.requestedTimeoutMs = ms;
        },
        requestCommit: () => {
          this.commitRequested = true;
        },
        errantRecordReporter: () =>
          errantRecordReporterEnabled(this.d.taskConfig)
            ? workerErrantRecordReporter(this.d.operator, {
                key: this.d.keyConverter,
                value: this.d.valueConverter,
                header: this.d.headerConverter,
              })
            : null,
      });
      await task.start({ ...this.d.taskConfig });
      const consumer = this.d.kafka.consumer({
        groupId: sinkGroupId(connector),
        sessionTimeout: 45000,
        heartbeatInterval: 3000,
        // Like the Java consumer's allow.auto.create.topics=true default.
        allowAutoTopicCreation: true,
      });
      this.consumer = consumer;
      consumer.on(consumer.events.GROUP_JOIN, (e) => {
        const assigned: TopicPartition[] = [];
        for (const [topic, partitions] of Object.entries(e.payload.memberAssignment)) {
          for (const partition of partitions) assigned.push({ topic, partition });
        }
        this.assignment = assigned;
        this.d.metrics?.recordPartitionCount(assigned.length);
        void Promise.resolve(task.open(assigned)).catch((error: unknown) => this.fail(error));
      });
      consumer.on(consumer.events.CRASH, (e) => {
        if (this.stopping) return;
        // kafkajs restarts the group member itself after a retriable error (coordinator not available
        // or still loading on a fresh broker, connection lost): the task stays RUNNING, as with the
        // Java consumer's transparent coordinator rediscovery. Anything else fails the task.
        if (e.payload.restart) {
          this.d.log(
            `Sink task ${connector}-${taskId}: consumer error, retrying: ${e.payload.error?.message}`,
          );
          return;
        }
        this.fail(e.payload.error);
      });
      for (let attempt = 0; ; attempt++) {
        try {
          await consumer.connect();
          break;
        } catch (error) {
          if (this.stopping) return;
          if (!isRetriableConsumerError(error)) throw error;
          this.d.log(`Sink task ${connector}-${taskId} retries connecting: ${(error as Error).message}`);
          await new Promise((r) => setTimeout(r, retryBackoffMs(attempt)));
        }
      }
      // A topic that does not exist yet is not an error for a sink: keep trying until it appears.
      for (;;) {
        try {
          await consumer.subscribe({ topics: this.topicsToSubscribe(), fromBeginning: true });
          break;
        } catch (error) {
          if (this.stopping) return;
          this.d.log(`Sink task ${connector}-${taskId} waits for its topics: ${(error as Error).message}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
      this.d.listener.onTask(connector, taskId, this.gate.open ? 'RUNNING' : 'PAUSED');
      this.running = true;
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.iterate(() => this.processBatch(payload)),
      });
      this.schedulePoll();
    } catch (error) {
      this.fail(error);
    }
  }

  private inFlight: Promise<void> | null = null;
  private commitChain: Promise<void> = Promise.resolve();

  /** Commits are serialized: the periodic timer, batches and stop() never commit concurrently. */
  private serialCommit(force: boolean): Promise<void> {
    const next = this.commitChain.then(() => this.maybeCommit(force));
    this.commitChain = next.catch(() => undefined);
    return next;
  }

  /**
   * One WorkerSinkTask iteration at a time: a fetched batch or an empty poll, then the next empty
   * poll is armed. Nothing fetched within the poll timeout still calls put([]), as the Java consumer's
   * poll(timeout) returning no records does.
   */
  private iterate(step: () => Promise<void>): Promise<void> {
    this.cancelPoll();
    const tracked: Promise<void> = (this.inFlight ?? Promise.resolve()).then(step).finally(() => {
      if (this.inFlight !== tracked) return;
      this.inFlight = null;
      this.schedulePoll();
    });
    this.inFlight = tracked;
    return tracked;
  }

  /** WorkerSinkTask.poll's timeout: until the next offset commit is due, capped by context.timeout(). */
  private pollTimeoutMs(): number {
    let ms = Math.max(this.lastCommit + this.d.offsetFlushIntervalMs - Date.now(), 0);
    if (this.requestedTimeoutMs > 0) {
      ms = Math.min(ms, this.requestedTimeoutMs);
      this.requestedTimeoutMs = -1;
    }
    return ms;
  }

  private schedulePoll(): void {
    this.cancelPoll();
    if (this.stopping || this.failed || !this.running) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.iterate(() => this.emptyPoll());
    }, this.pollTimeoutMs());
  }

  private cancelPoll(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  /** A poll that returned no records: put([]) (also while paused), then commit if due. */
  private async emptyPoll(): Promise<void> {
    if (this.stopping || this.failed) return;
    try {
      this.d.metrics?.recordRead(0);
      await this.deliver([]);
      await this.serialCommit(false);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * WorkerSinkTask.deliverMessages: put() the batch (empty ones too). A RetriableException pauses every
   * partition and leaves the batch to be put again after the next poll timeout (false); a successful
   * put after that resumes what neither the task nor a connector pause holds.
   */
  private async deliver(records: SinkRecord[]): Promise<boolean> {
    const started = Date.now();
    try {
      await this.d.task.put([...records]);
    } catch (error) {
      if (!(error instanceof RetriableException)) throw error;
      this.d.log(
        `WorkerSinkTask{id=${this.d.connector}-${this.d.taskId}} RetriableException from SinkTask: ${error.message}`,
      );
      if (!this.pausedForRedelivery) {
        this.pausedForRedelivery = true;
        this.pauseConsumer();
      }
      return false;
    }
    this.d.metrics?.recordPut(records.length, Date.now() - started);
    if (this.pausedForRedelivery) {
      this.pausedForRedelivery = false;
      if (this.gate.open) this.resumeAll();
    }
    return true;
  }

  /**
   * Between redeliveries of a batch, as the next iteration: commit what is due, then the poll timeout
   * (partitions paused) while heartbeating. False when the batch is given up: stop, failure or a
   * rebalance; then the partitions paused for it are resumed and its records are fetched again.
   */
  private async awaitRedelivery(payload: EachBatchPayload): Promise<boolean> {
    await this.serialCommit(false);
    const until = Date.now() + this.pollTimeoutMs();
    let keep = true;
    do {
      await new Promise((r) => setTimeout(r, Math.max(0, Math.min(1000, until - Date.now()))));
      keep = !this.stopping && !this.failed && payload.isRunning() && !payload.isStale();
      if (keep)
        keep = await payload.heartbeat().then(
          () => true,
          () => false,
        );
    } while (keep && Date.now() < until);
    if (!keep && this.pausedForRedelivery && !this.stopping && !this.failed) {
      this.pausedForRedelivery = false;
      if (this.gate.open) this.resumeAll();
    }
    return keep;
  }

  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const { connector, taskId } = this.d;
    try {
      if (this.stopping || this.failed) return;
      if (!this.gate.open) {
        // Paused: hand nothing to the task; kafkajs re-fetches the unresolved messages after resume.
        this.pauseConsumer();
        return;
      }
      const records: SinkRecord[] = [];
      const op = this.d.operator;
      const classes = this.d.converterClasses;
      let last: (typeof batch.messages)[number] | undefined;
      let read = 0;
      for (const m of batch.messages) {
        if (!payload.isRunning() || payload.isStale()) break;
        read++;
        // WorkerSinkTask.convertAndTransformRecord: key, value, headers, then the chain, each stage
        // under the operator; a tolerated failure skips the record (reported to the DLQ/log).
        const consumed = consumedRecordFromKafkajs(batch.topic, batch.partition, m);
        const ctx = new ProcessingContext<ConsumedRecord>(consumed);
        // executeStage: a promise only while a RetriableException is retried (timer backoff, the event
        // loop stays free); awaited here, so records keep their order.
        const k = op.executeStage(
          ctx,
          () => this.d.keyConverter.toConnectData(batch.topic, null, m.key),
          'KEY_CONVERTER',
          classes.key,
        );
        const key = k instanceof Promise ? await k : k;
        const v = op.executeStage(
          ctx,
          () => this.d.valueConverter.toConnectData(batch.topic, null, m.value),
          'VALUE_CONVERTER',
          classes.value,
        );
        const value = v instanceof Promise ? await v : v;
        const h = op.executeStage(
          ctx,
          () => this.convertHeaders(batch.topic, m.headers),
          'HEADER_CONVERTER',
          classes.header,
        );
        const headers = h instanceof Promise ? await h : h;
        last = m;
        if (ctx.failed() || key === null || value === null || headers === null) continue;
        const ts = Number(m.timestamp);
        const record = new SinkRecord(
          batch.topic,
          batch.partition,
          key.schema,
          key.value,
          value.schema,
          value.value,
          Number(m.offset),
          Number.isFinite(ts) && ts >= 0 ? ts : null,
          'CREATE_TIME',
          headers,
        );
        const chain = this.d.transformations;
        const t = chain.applyStaged ? chain.applyStaged(record, ctx) : chain.apply(record, ctx);
        const transformed = t instanceof Promise ? await t : t;
        if (transformed !== null) records.push(new InternalSinkRecord(consumed, transformed));
      }
      this.d.metrics?.recordRead(read);
      if (records.length > 0) this.d.statuses.recordTopic(connector, taskId, batch.topic);
      // Redelivered until put() accepts it; a batch abandoned (stop, rebalance) is fetched again
      // from the committed offset, as nothing of it was resolved.
      while (!(await this.deliver(records))) {
        if (!(await this.awaitRedelivery(payload))) return;
      }
      if (last) {
        const key = tpKey(batch.topic, batch.partition);
        if (!this.lastCommitted.has(key) && !this.current.has(key))
          this.firstConsumed.set(key, BigInt(batch.messages[0].offset));
        this.current.set(key, {
          tp: { topic: batch.topic, partition: batch.partition },
          offset: BigInt(last.offset) + 1n,
        });
        payload.resolveOffset(last.offset);
        this.d.metrics?.recordActiveCount(this.activeRecords());
      }
      await payload.heartbeat();
      await this.serialCommit(false);
    } catch (error) {
      // A ConnectException escaping conversion/transformation/put (e.g. "Tolerance exceeded in error
      // handler") fails the task; nothing of this batch is committed.
      this.fail(error);
    }
  }

  /** sink-record-active-count: Σ consumed − committed (the first consumed offset before any commit). */
  private activeRecords(): number {
    let n = 0n;
    for (const [key, e] of this.current) {
      const committed = this.lastCommitted.get(key) ?? this.firstConsumed.get(key) ?? e.offset;
      if (e.offset > committed) n += e.offset - committed;
    }
    return Number(n);
  }

  private convertHeaders(topic: string, raw: IHeaders | undefined): ConnectHeaders {
    const headers = new ConnectHeaders();
    for (const [k, v] of Object.entries(raw ?? {})) {
      const values = Array.isArray(v) ? v : [v];
      for (const one of values) {
        const bytes = one == null ? null : Buffer.isBuffer(one) ? one : Buffer.from(one);
        headers.add(k, this.d.headerConverter.toConnectHeader(topic, k, bytes));
      }
    }
    return headers;
  }

  private fail(error: unknown): void {
    if (this.failed || this.stopping) return;
    this.failed = true;
    this.cancelPoll();
    this.d.log(
      `WorkerSinkTask{id=${this.d.connector}-${this.d.taskId}} Task threw an uncaught and unrecoverable exception: ${(error as Error)?.message}`,
    );
    this.d.listener.onTask(this.d.connector, this.d.taskId, 'FAILED', error);
    void this.consumer?.stop().catch(() => undefined);
  }

  private async maybeCommit(force: boolean): Promise<void> {
    if (!force && !this.commitRequested && Date.now() - this.lastCommit < this.d.offsetFlushIntervalMs)
      return;
    this.lastCommit = Date.now();
    this.commitRequested = false;
    if (this.current.size === 0) return;
    const snapshot: SinkOffsets = new Map(this.current);
    // DLQ sends of the records being committed past must be acknowledged first.
    await this.d.operator.flushReports();
    const toCommit = await this.d.task.preCommit(snapshot);
    const list = [...toCommit.values()].filter(
      (e) => this.lastCommitted.get(tpKey(e.tp.topic, e.tp.partition)) !== e.offset,
    );
    if (list.length === 0 || !this.consumer) {
      // Connect's "Skipping offset commit, no change since last commit" completes as a success.
      this.d.metrics?.recordOffsetCommit(true, 0);
      return;
    }
    const commitStarted = Date.now();
    try {
      await this.consumer.commitOffsets(
        list.map((e) => ({ topic: e.tp.topic, partition: e.tp.partition, offset: e.offset.toString() })),
      );
    } catch (error) {
      this.d.metrics?.recordOffsetCommit(false, Date.now() - commitStarted);
      // As Connect's WorkerSinkTask.onCommitCompleted: a failed commit is logged and the task carries on;
      // the same offsets are committed again at the next flush (a moved or loading coordinator is the
      // usual cause).
      const why = (error as Error)?.message ?? String(error);
      this.d.log(
        isRetriableConsumerError(error)
          ? `Commit of ${this.d.connector}-${this.d.taskId} offsets will be retried: ${why}`
          : `WorkerSinkTask{id=${this.d.connector}-${this.d.taskId}} Commit of offsets threw an unexpected exception: ${why}`,
      );
      return;
    }
    for (const e of list) this.lastCommitted.set(tpKey(e.tp.topic, e.tp.partition), e.offset);
    this.d.metrics?.recordOffsetCommit(true, Date.now() - commitStarted);
    this.d.metrics?.recordActiveCount(this.activeRecords());
  }

  private running = false;

  private pauseConsumer(): void {
    if (!this.running || !this.consumer) return;
    const topics = this.topicsToSubscribe().filter((t): t is string => typeof t === 'string');
    const assigned = [...new Set(this.assignment.map((a) => a.topic))];
    const all = [...new Set([...topics, ...assigned])];
    try {
      if (all.length > 0) this.consumer.pause(all.map((topic) => ({ topic })));
    } catch (error) {
      this.d.log(
        `Pausing the consumer of ${this.d.connector}-${this.d.taskId} failed: ${(error as Error).message}`,
      );
    }
  }

  /** WorkerSinkTask.resumeAll: every partition except those the task paused itself. */
  private resumeAll(): void {
    if (!this.consumer) return;
    const topics = this.topicsToSubscribe().filter((t): t is string => typeof t === 'string');
    const paused = this.consumer.paused().map((p) => p.topic);
    const all = [...new Set([...topics, ...this.assignment.map((a) => a.topic), ...paused])];
    if (all.length > 0) this.consumer.resume(all.map((topic) => ({ topic })));
    const held = [...this.taskPaused.values()];
    if (held.length > 0)
      this.consumer.pause(held.map((tp) => ({ topic: tp.topic, partitions: [tp.partition] })));
  }

  pause(): void {
    if (this.failed || !this.gate.open) return;
    this.gate.close();
    this.pauseConsumer();
    this.d.listener.onTask(this.d.connector, this.d.taskId, 'PAUSED');
  }

  resume(): void {
    if (this.failed || this.gate.open) return;
    this.gate.release();
    if (!this.running || !this.consumer) return;
    if (!this.pausedForRedelivery) this.resumeAll();
    this.d.listener.onTask(this.d.connector, this.d.taskId, 'RUNNING');
  }

  /** Commits what put() accepted (after flush), closes partitions, stops the plugin and the consumer. */
  async stop(): Promise<void> {
    const wasFailed = this.failed;
    this.stopping = true;
    this.cancelPoll();
    await this.started?.catch(() => undefined);
    try {
      // Commit while the consumer is still a group member, after the in-flight put() finished.
      await this.inFlight?.catch(() => undefined);
      if (!wasFailed && this.running) await this.serialCommit(true);
      await this.consumer?.stop();
    } catch (error) {
      this.d.log(
        `Commit of ${this.d.connector}-${this.d.taskId} on stop failed: ${(error as Error).message}`,
      );
    }
    try {
      await this.d.task.close(this.assignment);
      await this.d.task.stop();
    } catch (error) {
      this.d.log(`Task ${this.d.connector}-${this.d.taskId} threw on stop: ${(error as Error).message}`);
    }
    await this.consumer?.disconnect().catch(() => undefined);
    this.d.operator.triggerStop();
    await this.d.operator.close().catch((error: unknown) => {
      this.d.log(
        `Closing the error reporters of ${this.d.connector}-${this.d.taskId} failed: ${String(error)}`,
      );
    });
    this.d.transformations.close();
  }
}
