/**
 * WorkerSourceTask: poll → transformation chain → convert → produce → after the broker acked, remember
 * the record's source offset; acknowledged offsets are written to the offsets topic every
 * offset.flush.interval.ms and on shutdown (at-least-once, never an offset ahead of its data).
 */
import type { Kafka, Producer } from 'kafkajs';
import type { IHeaders } from 'kafkajs';
import type { SourceTask } from '../api/connector';
import type { SourceRecord } from '../api/records';
import type { OffsetBackingStore, OffsetEntry } from '../storage/offset-backing-store';
import type { StatusBackingStore } from '../storage/status-backing-store';
import { stringifyJson } from '../rest/json-parser';
import type {
  Converter as WorkerConverter,
  HeaderConverter as WorkerHeaderConverter,
} from '../converters/converter';
import { ProcessingContext } from '../errors/tolerance/index';
import type { RetryWithToleranceOperator } from '../errors/tolerance/index';
import { Gate } from './status-listener';
import type { StatusListener } from './status-listener';
import type { TransformationChain } from './transformation-chain';
import { kafkajsHeaderValue } from '../errors/tolerance/null-header';
import { sendUntilDelivered } from '../kafka/deliver';
import type { SourceTaskMetrics } from '../metrics/task-metrics';

/** Poll batches that may wait for their acknowledgement at once before polling pauses. */
const MAX_IN_FLIGHT_BATCHES = 8;

/** Bytes of records per produce request: well under the broker's default message.max.bytes (1 MiB). */
const MAX_REQUEST_BYTES = 512 * 1024;

type SizedMessage = { key: Buffer | null; value: Buffer | null; headers?: IHeaders };
type OutboxMessage = SizedMessage & { partition?: number; timestamp?: string };

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}
function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Bytes of a header value on the wire, without decoding it; `byteLength`, not `length`, which the
 * null-header marker (errors/tolerance/null-header.ts) counts reads of.
 */
function headerBytes(v: IHeaders[string]): number {
  if (v === undefined) return 0;
  if (Array.isArray(v)) return v.reduce((n, one) => n + headerBytes(one), 0);
  return typeof v === 'string' ? Buffer.byteLength(v) : v.byteLength;
}

/** About the bytes a message takes in a produce request (record overhead, key, value, headers). */
function messageBytes(m: SizedMessage): number {
  let size = 70 + (m.key?.length ?? 0) + (m.value?.length ?? 0);
  for (const k in m.headers) size += k.length + headerBytes(m.headers[k]);
  return size;
}

/** Splits a poll batch into produce requests of about `limit` bytes, keeping record order. */
function splitBySize<M extends SizedMessage>(
  topicMessages: { topic: string; messages: M[] }[],
  limit: number,
): { topic: string; messages: M[] }[][] {
  const parts: { topic: string; messages: M[] }[][] = [];
  let part: { topic: string; messages: M[] }[] = [];
  let bytes = 0;
  for (const { topic, messages } of topicMessages) {
    let current: M[] = [];
    part.push({ topic, messages: current });
    for (const m of messages) {
      const size = messageBytes(m);
      if (bytes > 0 && bytes + size > limit) {
        parts.push(part);
        current = [];
        part = [{ topic, messages: current }];
        bytes = 0;
      }
      current.push(m);
      bytes += size;
    }
  }
  parts.push(part.filter((t) => t.messages.length > 0));
  return parts.filter((p) => p.length > 0);
}

/** A source partition as a map key: native JSON when it can (fast), the bigint-aware writer otherwise. */
function partitionKey(partition: Record<string, unknown>): string {
  try {
    return JSON.stringify(partition);
  } catch {
    return stringifyJson(partition);
  }
}

export interface SourceTaskDeps {
  connector: string;
  taskId: number;
  task: SourceTask;
  taskConfig: Record<string, string>;
  kafka: Kafka;
  keyConverter: WorkerConverter;
  valueConverter: WorkerConverter;
  headerConverter: WorkerHeaderConverter;
  transformations: TransformationChain<SourceRecord>;
  /** The task's RetryWithToleranceOperator (errors.tolerance, log reporter; sources have no DLQ). */
  operator: RetryWithToleranceOperator<SourceRecord>;
  /** Java class names of the converters, for the error context. */
  converterClasses: { key: string; value: string; header: string };
  offsets: OffsetBackingStore;
  statuses: StatusBackingStore;
  listener: StatusListener;
  offsetFlushIntervalMs: number;
  log: (line: string) => void;
  /** source-task-metrics and connector-task-metrics (our metrics endpoint). */
  metrics?: SourceTaskMetrics;
}

export class WorkerSourceTask {
  private readonly gate = new Gate();
  private stopping = false;
  private producer: Producer | null = null;
  private loop: Promise<void> | null = null;
  /** Acknowledged but not yet flushed offsets, by source partition JSON (later records overwrite). */
  private pendingOffsets = new Map<string, OffsetEntry>();
  private lastFlush = Date.now();
  /** The periodic offset commit on its way, if one is (one at a time). */
  private flushing: Promise<void> | null = null;
  private failed = false;
  /**
   * Batches handed to the producer but not yet acknowledged, oldest first. As Connect does, the task
   * keeps polling while the producer sends; a batch's offsets become committable only once it (and
   * every batch before it) was acknowledged, so no committed offset is ever ahead of its data.
   */
  private inFlight: Promise<void>[] = [];
  /**
   * Poll batches converted while a send is on its way, oldest first: the next send takes as many as
   * fit one request (as the Java producer's accumulator fills a batch while a request is in flight),
   * so a busy task sends few large requests and a lone change still goes out at once.
   */
  private outbox: {
    records: { record: SourceRecord; msg: OutboxMessage }[];
    bytes: number;
    acked: Deferred;
  }[] = [];
  /** True while a send is on its way (one at a time, in poll order, as max.in.flight=1). */
  private sending = false;
  /** The first unrecoverable send failure; the poll loop rethrows it. */
  private sendError: Error | null = null;

  constructor(private readonly d: SourceTaskDeps) {}

  start(paused: boolean): void {
    if (paused) this.gate.close();
    this.loop = this.run();
  }

  pause(): void {
    if (this.failed || !this.gate.open) return;
    this.gate.close();
    this.d.listener.onTask(this.d.connector, this.d.taskId, 'PAUSED');
  }

  resume(): void {
    if (this.failed || this.gate.open) return;
    this.gate.release();
    this.d.listener.onTask(this.d.connector, this.d.taskId, 'RUNNING');
  }

  private async run(): Promise<void> {
    const { task, connector, taskId } = this.d;
    try {
      this.producer = this.d.kafka.producer({
        allowAutoTopicCreation: true,
        idempotent: false,
        maxInFlightRequests: 1,
        // Short kafkajs retries per attempt; sendUntilDelivered repeats the send as Connect's producer
        // does (delivery.timeout.ms=Integer.MAX_VALUE) until acked or the task stops.
        retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1000 },
      });
      await this.producer.connect();
      task.initialize({
        configs: () => ({ ...this.d.taskConfig }),
        offsetStorageReader: () => ({
          offset: (p) => this.d.offsets.get(connector, p),
          offsets: (ps) => new Map(ps.map((p) => [p, this.d.offsets.get(connector, p)])),
        }),
      });
      await task.start({ ...this.d.taskConfig });
      this.d.listener.onTask(connector, taskId, this.gate.open ? 'RUNNING' : 'PAUSED');
      while (!this.stopping) {
        if (!this.gate.open) {
          await this.gate.wait(500);
          this.flushWhenDue();
          continue;
        }
        const pollStarted = Date.now();
        const polled = await task.poll();
        if (polled) this.d.metrics?.recordPoll(polled.length, Date.now() - pollStarted);
        if (this.sendError !== null) throw this.sendError;
        if (this.stopping && (!polled || polled.length === 0)) break;
        if (polled && polled.length > 0) await this.sendRecords(polled);
        this.flushWhenDue();
      }
      await this.awaitInFlight();
    } catch (error) {
      this.failed = true;
      this.d.log(
        `WorkerSourceTask{id=${connector}-${taskId}} Task threw an uncaught and unrecoverable exception: ${(error as Error).message}`,
      );
      this.d.listener.onTask(connector, taskId, 'FAILED', error);
    }
  }

  private async sendRecords(records: SourceRecord[]): Promise<void> {
    const op = this.d.operator;
    const classes = this.d.converterClasses;
    this.d.metrics?.recordBatch(records.length);
    type Msg = {
      key: Buffer | null;
      value: Buffer | null;
      partition?: number;
      timestamp?: string;
      headers?: IHeaders;
    };
    /** In poll order; `msg` null for a record dropped by the chain or a tolerated failure. */
    const entries: {
      original: SourceRecord;
      record: SourceRecord | null;
      msg: Msg | null;
      ctx: ProcessingContext<SourceRecord>;
    }[] = [];
    // A failure that is not tolerated ends the loop; the records before it are still sent and their
    // offsets committed before the task fails, as AbstractWorkerSourceTask sends each record in turn.
    let failure: Error | null = null;
    try {
      for (const original of records) {
        // AbstractWorkerSourceTask.sendRecords: chain, then convertTransformedRecord (headers, key, value).
        const ctx = new ProcessingContext<SourceRecord>(original);
        // applyStaged/executeStage: a promise only while a RetriableException is retried (timer
        // backoff, the event loop stays free); awaited before the next record, so the order holds.
        const chain = this.d.transformations;
        const t = chain.applyStaged ? chain.applyStaged(original, ctx) : chain.apply(original, ctx);
        const record = t instanceof Promise ? await t : t;
        if (record === null || ctx.failed()) {
          entries.push({ original, record: null, msg: null, ctx });
          continue;
        }
        const h = op.executeStage(
          ctx,
          () => {
            const out: IHeaders = {};
            for (const h of record.headers) {
              const bytes = this.d.headerConverter.fromConnectHeader(record.topic, h.key, h.schema, h.value);
              const existing = out[h.key];
              const v = kafkajsHeaderValue(bytes);
              if (existing === undefined) out[h.key] = v;
              else out[h.key] = Array.isArray(existing) ? [...existing, v] : [existing, v];
            }
            return out;
          },
          'HEADER_CONVERTER',
          classes.header,
        );
        const headers = h instanceof Promise ? await h : h;
        const k = op.executeStage(
          ctx,
          () =>
            this.d.keyConverter.fromConnectData(record.topic, record.headers, record.keySchema, record.key),
          'KEY_CONVERTER',
          classes.key,
        );
        const key = k instanceof Promise ? await k : k;
        const v = op.executeStage(
          ctx,
          () =>
            this.d.valueConverter.fromConnectData(
              record.topic,
              record.headers,
              record.valueSchema,
              record.value,
            ),
          'VALUE_CONVERTER',
          classes.value,
        );
        const value = v instanceof Promise ? await v : v;
        if (ctx.failed() || headers === null) {
          entries.push({ original, record: null, msg: null, ctx });
          continue;
        }
        const msg: Msg = { key, value, headers };
        if (record.kafkaPartition !== null) msg.partition = record.kafkaPartition;
        if (record.timestamp !== null) msg.timestamp = String(record.timestamp);
        entries.push({ original, record, msg, ctx });
      }
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    const toSend = entries.filter((e) => e.msg !== null);
    if (toSend.length > 0) {
      const sent = this.submit(toSend as { record: SourceRecord; msg: Msg }[]);
      // Keep polling while this batch is on its way; bound how many batches wait for their ack.
      const previous = this.inFlight.at(-1) ?? Promise.resolve();
      const acked = this.completeBatch(entries, toSend, sent, previous);
      this.inFlight.push(acked);
      acked.then(
        () => {
          const i = this.inFlight.indexOf(acked);
          if (i >= 0) void this.inFlight.splice(i, 1);
        },
        () => undefined,
      );
      while (this.inFlight.length >= MAX_IN_FLIGHT_BATCHES) await this.inFlight[0];
    } else {
      await (this.inFlight.at(-1) ?? Promise.resolve());
      await this.commitEntries(entries);
    }
    if (failure !== null) {
      // The worker's finally block: wait for what was sent, commit its offsets, then fail.
      await this.awaitInFlight();
      await this.maybeFlush(true);
      throw failure;
    }
  }

  /**
   * Hands a poll batch's records to the producer: added to the outbox, which goes out at once when no
   * send is on its way, else with everything gathered meanwhile right after that send. One send at
   * a time, in poll order: a retried send (e.g. while an auto-created topic gets its leader) must not
   * be overtaken. Settles when the send carrying these records was acked (or failed).
   */
  private submit(records: { record: SourceRecord; msg: OutboxMessage }[]): Promise<void> {
    let bytes = 0;
    for (const { msg } of records) bytes += messageBytes(msg);
    const acked = deferred();
    this.outbox.push({ records, bytes, acked });
    if (!this.sending) void this.sendOutbox();
    return acked.promise;
  }

  private async sendOutbox(): Promise<void> {
    this.sending = true;
    try {
      while (this.outbox.length > 0) {
        // the oldest poll batch, and those after it while they fit one request
        let bytes = this.outbox[0].bytes;
        let n = 1;
        while (n < this.outbox.length && bytes + this.outbox[n].bytes <= MAX_REQUEST_BYTES)
          bytes += this.outbox[n++].bytes;
        const batches = this.outbox.splice(0, n);
        const byTopic = new Map<string, OutboxMessage[]>();
        for (const b of batches)
          for (const { record, msg } of b.records) {
            const list = byTopic.get(record.topic);
            if (list) list.push(msg);
            else byTopic.set(record.topic, [msg]);
          }
        const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
        try {
          // kafkajs sends one request for everything: split so none exceeds the broker's message.max.bytes
          for (const part of splitBySize(topicMessages, MAX_REQUEST_BYTES))
            await sendUntilDelivered(
              this.producer!,
              { acks: -1, topicMessages: part },
              { aborted: () => this.stopping, log: this.d.log },
            );
          for (const b of batches) b.acked.resolve();
        } catch (error) {
          for (const b of batches) b.acked.reject(error);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  /** Waits for the batch's ack (after the previous batch's), then makes its offsets committable. */
  private async completeBatch(
    entries: {
      original: SourceRecord;
      record: SourceRecord | null;
      msg: unknown;
      ctx: ProcessingContext<SourceRecord>;
    }[],
    toSend: { record: SourceRecord | null; msg: unknown; ctx: ProcessingContext<SourceRecord> }[],
    sent: Promise<unknown>,
    previous: Promise<void>,
  ): Promise<void> {
    const op = this.d.operator;
    let sendFailure: Error | null = null;
    try {
      await sent;
    } catch (error) {
      sendFailure = error instanceof Error ? error : new Error('Producer send failed', { cause: error });
    }
    try {
      await previous;
    } catch {
      // The earlier batch's failure is already recorded; this batch's offsets must not commit either.
      return;
    }
    if (sendFailure !== null) {
      const error = sendFailure;
      {
        // producerSendFailed: with errors.tolerance=all the records are reported and skipped (their
        // offsets still commit); otherwise the task fails.
        if (op.toleranceType !== 'ALL') {
          this.sendError ??= error;
          throw error;
        }
        for (const e of toSend) {
          const reported = op.executeFailed(
            e.ctx,
            'KAFKA_PRODUCE',
            'org.apache.kafka.connect.runtime.AbstractWorkerSourceTask',
            error,
          );
          reported.catch(() => undefined);
          e.record = null;
        }
      }
    }
    await this.commitEntries(entries);
  }

  private async commitEntries(
    entries: { original: SourceRecord; record: SourceRecord | null; msg: unknown }[],
  ): Promise<void> {
    const { connector, taskId } = this.d;
    // Only now (broker acked everything in the batch, or the send failure was tolerated) do the source
    // offsets become committable — of the records handed to the producer only: a record dropped by the
    // chain or a tolerated conversion failure is not submitted (WorkerSourceTask.recordDropped only
    // calls commitRecord), so its offset commits only when a later record of its partition is sent.
    // Per source partition only the batch's last offset matters; it is copied once, after the loop.
    const latest = new Map<string, SourceRecord>();
    // recordWrite: records dropped, failed (tolerated) or not acked count as skipped.
    const written = entries.filter((e) => e.record !== null).length;
    this.d.metrics?.recordWrite(entries.length, entries.length - written);
    for (const e of entries) {
      const r = e.original;
      if (e.record !== null) this.d.statuses.recordTopic(connector, taskId, e.record.topic);
      if (e.msg !== null && r.sourcePartition !== null && r.sourceOffset !== null)
        latest.set(partitionKey(r.sourcePartition), r);
      const committed = this.d.task.commitRecord(r, null);
      if (committed) await committed;
    }
    for (const [key, r] of latest) {
      this.pendingOffsets.set(key, { partition: { ...r.sourcePartition! }, offset: { ...r.sourceOffset! } });
    }
  }

  /** Waits until every batch handed to the producer was acknowledged (or failed). */
  private async awaitInFlight(): Promise<void> {
    const last = this.inFlight.at(-1);
    if (last) await last;
    if (this.sendError !== null) throw this.sendError;
  }

  /**
   * The periodic commit runs beside polling, as Connect's SourceTaskOffsetCommitter does on its own
   * thread: a flush waiting for the offsets topic's ack never holds up the next poll. A failure is
   * logged and its offsets are kept for the next flush; task.commit() failing is logged too.
   */
  private flushWhenDue(): void {
    if (this.flushing !== null || Date.now() - this.lastFlush < this.d.offsetFlushIntervalMs) return;
    this.flushing = this.maybeFlush(false)
      .catch((error: unknown) =>
        this.d.log(
          `WorkerSourceTask{id=${this.d.connector}-${this.d.taskId}} Exception thrown while calling task.commit(): ${(error as Error).message}`,
        ),
      )
      .finally(() => {
        this.flushing = null;
      });
  }

  private async maybeFlush(force: boolean): Promise<void> {
    if (force && this.flushing !== null) await this.flushing;
    if (!force && Date.now() - this.lastFlush < this.d.offsetFlushIntervalMs) return;
    this.lastFlush = Date.now();
    if (this.pendingOffsets.size === 0) {
      // Connect still counts a commit with nothing to commit as a successful one.
      this.d.metrics?.recordCommit(0, true);
      return;
    }
    const flushing = this.pendingOffsets;
    const entries = [...flushing.values()];
    this.pendingOffsets = new Map();
    const commitStarted = Date.now();
    try {
      await this.d.offsets.set(this.d.connector, entries);
      this.d.metrics?.recordCommit(Date.now() - commitStarted, true);
    } catch (error) {
      this.d.metrics?.recordCommit(Date.now() - commitStarted, false);
      // OffsetStorageWriter.cancelFlush: the offsets are kept for the next flush (newer ones win);
      // a periodic commit failure is logged and the task keeps running (e.g. while the broker restarts).
      for (const [key, entry] of flushing)
        if (!this.pendingOffsets.has(key)) this.pendingOffsets.set(key, entry);
      if (force) throw error;
      this.d.log(
        `WorkerSourceTask{id=${this.d.connector}-${this.d.taskId}} Failed to commit offsets: ${(error as Error).message}`,
      );
      return;
    }
    await this.d.task.commit();
  }

  /** Stops polling, commits what was acknowledged, stops the plugin and the producer. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.gate.release();
    try {
      await this.d.task.stop();
    } catch (error) {
      this.d.log(`Task ${this.d.connector}-${this.d.taskId} threw on stop: ${(error as Error).message}`);
    }
    await this.loop;
    try {
      await this.maybeFlush(true);
    } catch (error) {
      this.d.log(
        `Failed to flush offsets of ${this.d.connector}-${this.d.taskId}: ${(error as Error).message}`,
      );
    }
    await this.producer?.disconnect().catch(() => undefined);
    this.d.operator.triggerStop();
    await this.d.operator.close().catch(() => undefined);
    this.d.transformations.close();
  }
}
