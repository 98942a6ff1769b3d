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
import { Gate } from './status-listener';
import type { StatusListener } from './status-listener';
import type { TransformationChain } from './transformation-chain';

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
  offsets: OffsetBackingStore;
  statuses: StatusBackingStore;
  listener: StatusListener;
  offsetFlushIntervalMs: number;
  log: (line: string) => void;
}

export class WorkerSourceTask {
  private readonly gate = new Gate();
  private stopping = false;
  private producer: Producer | null = null;
  private loop: Promise<void> | null = null;
  /** Acknowledged but not yet flushed offsets, by source partition JSON (later records overwrite). */
  private pendingOffsets = new Map<string, OffsetEntry>();
  private lastFlush = Date.now();
  private failed = false;

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
          await this.maybeFlush(false);
          continue;
        }
        const polled = await task.poll();
        if (this.stopping && (!polled || polled.length === 0)) break;
        if (polled && polled.length > 0) await this.sendRecords(polled);
        await this.maybeFlush(false);
      }
    } catch (error) {
      this.failed = true;
      this.d.log(
        `WorkerSourceTask{id=${connector}-${taskId}} Task threw an uncaught and unrecoverable exception: ${(error as Error).message}`,
      );
      this.d.listener.onTask(connector, taskId, 'FAILED', error);
    }
  }

  private async sendRecords(records: SourceRecord[]): Promise<void> {
    const { connector, taskId } = this.d;
    const converted: {
      record: SourceRecord;
      msg: {
        key: Buffer | null;
        value: Buffer | null;
        partition?: number;
        timestamp?: string;
        headers?: IHeaders;
      };
    }[] = [];
    for (const original of records) {
      const record = this.d.transformations.apply(original);
      if (record === null) {
        await this.d.task.commitRecord(original, null);
        continue;
      }
      const headers: IHeaders = {};
      for (const h of record.headers) {
        const bytes = this.d.headerConverter.fromConnectHeader(record.topic, h.key, h.schema, h.value);
        const existing = headers[h.key];
        const v = bytes ?? Buffer.alloc(0);
        if (existing === undefined) headers[h.key] = v;
        else headers[h.key] = Array.isArray(existing) ? [...existing, v] : [existing, v];
      }
      const key = this.d.keyConverter.fromConnectData(
        record.topic,
        record.headers,
        record.keySchema,
        record.key,
      );
      const value = this.d.valueConverter.fromConnectData(
        record.topic,
        record.headers,
        record.valueSchema,
        record.value,
      );
      const msg: (typeof converted)[number]['msg'] = { key, value, headers };
      if (record.kafkaPartition !== null) msg.partition = record.kafkaPartition;
      if (record.timestamp !== null) msg.timestamp = String(record.timestamp);
      converted.push({ record, msg });
    }
    if (converted.length === 0) return;
    const byTopic = new Map<string, typeof converted>();
    for (const c of converted) {
      const list = byTopic.get(c.record.topic) ?? [];
      list.push(c);
      byTopic.set(c.record.topic, list);
    }
    const producer = this.producer!;
    const results = await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, list]) => ({
        topic,
        messages: list.map((c) => c.msg),
      })),
    });
    void results;
    // Only now (broker acked everything in the batch) do the source offsets become committable.
    for (const c of converted) {
      const r = c.record;
      this.d.statuses.recordTopic(connector, taskId, r.topic);
      if (r.sourcePartition !== null && r.sourceOffset !== null) {
        const partition = { ...r.sourcePartition };
        this.pendingOffsets.set(stringifyJson(partition), { partition, offset: { ...r.sourceOffset } });
      }
      await this.d.task.commitRecord(r, null);
    }
  }

  private async maybeFlush(force: boolean): Promise<void> {
    if (!force && Date.now() - this.lastFlush < this.d.offsetFlushIntervalMs) return;
    this.lastFlush = Date.now();
    if (this.pendingOffsets.size === 0) return;
    const entries = [...this.pendingOffsets.values()];
    this.pendingOffsets = new Map();
    await this.d.offsets.set(this.d.connector, entries);
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
  }
}
