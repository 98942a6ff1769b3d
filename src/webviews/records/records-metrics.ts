/**
 * The Records panel's metrics source: samples the topic's offsets, the connector's sink-group lag,
 * its DLQ's record count and its task states, and a poller that posts a sample every few seconds
 * (backing off while sampling fails) only while the panel is visible. The arithmetic is in
 * protocol/webview/records-metrics.ts; this file only asks Kafka (one admin client, no group
 * joined, nothing committed) and the Connect REST API.
 */
import type { Admin, Kafka } from 'kafkajs';
import type { ConnectorStateInfo } from '../../../protocol/connect-rest/entities';
import type { ConnectorMetrics } from '../../../protocol/connect-rest/metrics';
import type { MetricsView } from '../../../protocol/webview/records-metrics';
import {
  backoffMs,
  endOffsetSum,
  ratePerSecond,
  recordCount,
  sinkGroupOf,
  taskFigures,
  topicLag,
  workerFigures,
} from '../../../protocol/webview/records-metrics';

export interface MetricsSourceOptions {
  kafka: Kafka;
  topic: string;
  /** The connector the panel was opened from: its sink group's lag and its task states. */
  connector?: string;
  /** Its errors.deadletterqueue.topic.name, if any. */
  dlqTopic?: string;
  /** GET /connectors/{name}/status (absent: no Connect cluster known to the panel). */
  status?: () => Promise<ConnectorStateInfo>;
  /** GET /kcl/connectors/{name}/metrics; resolves undefined where the cluster has no such endpoint. */
  connectorMetrics?: () => Promise<ConnectorMetrics | undefined>;
  /** Records the panel has received so far (for its receive rate). */
  received(): number;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class MetricsSource {
  private admin: Admin | undefined;
  private prevEnd: { at: number; count: bigint } | undefined;
  private prevReceived: { at: number; count: number } | undefined;

  constructor(private readonly o: MetricsSourceOptions) {}

  private async connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.o.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  /** One sample. Throws only when Kafka itself cannot be asked; lesser gaps go to `unavailable`. */
  async sample(): Promise<MetricsView> {
    const admin = await this.connected();
    const at = Date.now();
    const unavailable: string[] = [];
    const view: MetricsView = { at, topic: this.o.topic };

    let ranges;
    try {
      ranges = await admin.fetchTopicOffsets(this.o.topic);
    } catch (err) {
      // The admin connection may be stale: reconnect on the next try.
      await this.close();
      throw err;
    }
    view.topicRecords = recordCount(ranges);
    const end = { at, count: endOffsetSum(ranges) };
    view.produceRate = ratePerSecond(this.prevEnd, end);
    this.prevEnd = end;
    const got = { at, count: this.o.received() };
    view.receiveRate = ratePerSecond(this.prevReceived, got);
    this.prevReceived = got;

    let status: ConnectorStateInfo | undefined;
    if (this.o.connector && this.o.status) {
      try {
        status = await this.o.status();
        view.tasks = taskFigures(status);
      } catch (err) {
        unavailable.push(`tasks: ${reason(err)}`);
      }
    }
    // Our runtime's own task metrics; a cluster without the endpoint (404) just has none: no gap shown.
    if (this.o.connector && this.o.connectorMetrics) {
      try {
        const m = await this.o.connectorMetrics();
        const figures = m ? workerFigures(m) : undefined;
        if (figures) view.worker = figures;
      } catch (err) {
        unavailable.push(`connector metrics: ${reason(err)}`);
      }
    }
    // Source connectors have no consumer group; unknown type (no status): try the group anyway.
    const type = status?.type ?? view.worker?.type;
    if (this.o.connector && type !== 'source') {
      const group = sinkGroupOf(this.o.connector);
      try {
        view.lag = await this.groupLag(admin, group);
        if (!view.lag) unavailable.push(`lag: ${group} has no committed offsets`);
      } catch (err) {
        unavailable.push(`lag: ${reason(err)}`);
      }
    }
    const dlq = this.o.dlqTopic;
    if (dlq) {
      try {
        const n = dlq === this.o.topic ? view.topicRecords : recordCount(await admin.fetchTopicOffsets(dlq));
        view.dlq = { topic: dlq, records: n };
      } catch (err) {
        unavailable.push(`DLQ ${dlq}: ${reason(err)}`);
      }
    }
    if (unavailable.length > 0) view.unavailable = unavailable;
    return view;
  }

  /** The group's lag over every topic it has committed offsets on. */
  private async groupLag(admin: Admin, group: string): Promise<MetricsView['lag']> {
    const committed = await admin.fetchOffsets({ groupId: group });
    let total = 0n;
    let partitions = 0;
    for (const t of committed) {
      const lag = topicLag(await admin.fetchTopicOffsets(t.topic), t.partitions);
      if (!lag) continue;
      total += lag.total;
      partitions += lag.partitions;
    }
    return partitions === 0 ? undefined : { group, total: Number(total), partitions };
  }

  async close(): Promise<void> {
    const a = this.admin;
    this.admin = undefined;
    await a?.disconnect();
  }
}

export interface PollerOptions {
  /** Interval between samples while they succeed. */
  intervalMs: number;
  /** Longest wait after failures (the interval doubles per consecutive failure). */
  maxIntervalMs: number;
  post(view: MetricsView): void;
  onError(err: unknown, failures: number): void;
}

/** Samples on a timer while started; one sample in flight at a time; stop() is final until start(). */
export class MetricsPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private failures = 0;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly source: Pick<MetricsSource, 'sample' | 'close'>,
    private readonly o: PollerOptions,
  ) {}

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.inFlight = this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    try {
      const view = await this.source.sample();
      this.failures = 0;
      if (this.running) this.o.post(view);
    } catch (err) {
      this.failures++;
      this.o.onError(err, this.failures);
    }
    if (this.running)
      this.schedule(
        this.failures === 0
          ? this.o.intervalMs
          : backoffMs(this.o.intervalMs, this.failures, this.o.maxIntervalMs),
      );
  }

  /** Stops sampling (the panel is hidden); the admin connection stays for a quick restart. */
  pause(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  /** Stops sampling and closes the admin client (the panel is disposed). */
  async stop(): Promise<void> {
    this.pause();
    await this.inFlight;
    await this.source.close();
  }
}
