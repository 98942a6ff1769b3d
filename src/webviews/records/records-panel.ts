/**
 * Hosts one Records panel: owns its consumer, decodes records, batches them to the webview every
 * 50 ms and stops consuming when the panel closes.
 */
import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import * as vscode from 'vscode';
import type { RawRecord } from '../../../protocol/webview/record-decode';
import { decodeRecord } from '../../../protocol/webview/record-decode';
import type {
  RecordRef,
  RecordView,
  RecordsMode,
  StartFrom,
  ToHost,
  ToWebview,
} from '../../../protocol/webview/records';
import { isToHost } from '../../../protocol/webview/records';
import type { ConnectorStateInfo } from '../../../protocol/connect-rest/entities';
import type { ConnectorMetrics } from '../../../protocol/connect-rest/metrics';
import type { Logger } from '../../logging';
import { RecordsTail } from './records-consumer';
import { MetricsPoller, MetricsSource } from './records-metrics';
import { recordsHtml } from './records-html';
import { planRedrive, redrive } from './redrive';

export const FLUSH_MS = 50;
/** Metrics strip: a sample every 3 s, backing off to at most 60 s while sampling fails. */
export const METRICS_MS = 3000;
export const METRICS_MAX_MS = 60_000;

export interface RecordsPanelOptions {
  extensionUri: vscode.Uri;
  kafka: Kafka;
  topic: string;
  mode: RecordsMode;
  bufferSize: number;
  clusterId?: string;
  connector?: string;
  log: Logger;
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** Open a record elsewhere (a DLQ entry's original record); see records-commands. */
  openRecord?(ref: RecordRef): Promise<unknown>;
  /** Where to start and which record to select (opened at a record). */
  start?: StartFrom;
  partitions?: number[];
  focus?: RecordRef;
  /** The connector's DLQ topic (metrics strip: its record count). */
  dlqTopic?: string;
  /** The connector's status from its Connect cluster (metrics strip: task states). */
  connectorStatus?: () => Promise<ConnectorStateInfo>;
  /** The runtime's metrics endpoint for that connector (undefined result: the cluster has none). */
  connectorMetrics?: () => Promise<ConnectorMetrics | undefined>;
}

export class RecordsPanel implements vscode.Disposable {
  /** Open panels, newest last (the extension tests look here). */
  static readonly open: RecordsPanel[] = [];

  readonly panel: vscode.WebviewPanel;
  private tail: RecordsTail | undefined;
  private partitions: number[] = [];
  private nextId = 1;
  private pending: RecordView[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Untruncated texts of truncated payloads, for "show all". */
  private readonly fullTexts = new Map<number, { key: string; value: string }>();
  /** Raw DLQ records, kept for Redrive (DLQ mode only), bounded like the webview's buffer. */
  private readonly raw = new Map<number, RawRecord>();
  private disposed = false;
  private readonly metrics: MetricsPoller;
  received = 0;

  constructor(private readonly o: RecordsPanelOptions) {
    const title = `${o.mode === 'dlq' ? 'DLQ' : o.mode === 'cdc' ? 'CDC' : 'Records'}: ${o.topic}`;
    this.panel = vscode.window.createWebviewPanel(
      'kafkaConnectLab.records',
      title,
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.joinPath(o.extensionUri, 'dist', 'webview')],
      },
    );
    const webview = this.panel.webview;
    webview.html = recordsHtml({
      scriptUri: webview
        .asWebviewUri(vscode.Uri.joinPath(o.extensionUri, 'dist', 'webview', 'records.js'))
        .toString(),
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      title,
    });
    webview.onDidReceiveMessage((m: unknown) => {
      if (!isToHost(m)) return;
      this.handle(m).catch((err: unknown) => this.fail(err));
    });
    this.metrics = new MetricsPoller(
      new MetricsSource({
        kafka: o.kafka,
        topic: o.topic,
        connector: o.connector,
        dlqTopic: o.dlqTopic,
        status: o.connectorStatus,
        connectorMetrics: o.connectorMetrics,
        received: () => this.received,
      }),
      {
        intervalMs: METRICS_MS,
        maxIntervalMs: METRICS_MAX_MS,
        post: (body) => this.post({ type: 'metrics', body }),
        onError: (err, failures) => {
          if (failures === 1) o.log.warn(`records ${o.topic}: metrics unavailable: ${String(err)}`);
        },
      },
    );
    // Sample only while someone can see the strip.
    this.panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.visible) this.metrics.start();
      else this.metrics.pause();
    });
    this.panel.onDidDispose(() => this.dispose());
    RecordsPanel.open.push(this);
  }

  private post(m: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(m);
  }

  private fail(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.o.log.error(`records ${this.o.topic}`, err);
    this.post({ type: 'status', body: { state: 'error', message } });
  }

  private async handle(m: ToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post({
          type: 'init',
          body: {
            title: this.panel.title,
            topic: this.o.topic,
            partitions: this.partitions,
            mode: this.o.mode,
            bufferSize: this.o.bufferSize,
            connector: this.o.connector,
            start: this.o.start,
            focus: this.o.focus,
          },
        });
        if (this.panel.visible) this.metrics.start();
        // Opening the panel starts tailing from the beginning (or where it was opened at); the
        // toolbar restarts elsewhere.
        await this.start({
          start: this.o.start ?? { from: 'beginning' },
          partitions: this.o.partitions ?? null,
        });
        return;
      case 'start':
        return this.start(m.body);
      case 'pause':
        this.tail?.pause(this.o.topic);
        this.post({ type: 'status', body: { state: 'paused' } });
        return;
      case 'resume':
        this.tail?.resume(this.o.topic, this.partitions);
        this.post({ type: 'status', body: { state: 'running' } });
        return;
      case 'showAll': {
        const full = this.fullTexts.get(m.body.id);
        if (full)
          this.post({
            type: 'fullText',
            body: { id: m.body.id, which: m.body.which, text: full[m.body.which] },
          });
        return;
      }
      case 'copy':
        await vscode.env.clipboard.writeText(m.body.text);
        return;
      case 'export': {
        const uri = await vscode.window.showSaveDialog({
          filters: { JSON: ['json'] },
          defaultUri: vscode.Uri.file(`${this.o.topic}.records.json`),
        });
        if (uri) {
          await vscode.workspace.fs.writeFile(uri, Buffer.from(m.body.json));
          void vscode.window.showInformationMessage(`Exported ${m.body.count} records to ${uri.fsPath}.`);
        }
        return;
      }
      case 'redrive':
        return this.redrive(m.body.ids);
      case 'reveal':
        await vscode.commands.executeCommand('kafkaConnectLab.clusters.focus');
        if (this.o.clusterId && m.body.task !== undefined) {
          await vscode.commands.executeCommand('kafkaConnectLab.showTrace', {
            clusterId: this.o.clusterId,
            connector: m.body.connector,
            task: m.body.task,
          });
        }
        return;
      case 'openRecord': {
        const { topic, partition, offset } = m.body;
        if (typeof topic !== 'string' || topic === '' || !Number.isInteger(partition) || partition < 0)
          throw new Error('the DLQ entry has no original topic and partition');
        if (typeof offset !== 'string' || !/^\d+$/.test(offset))
          throw new Error(`the DLQ entry's original offset is not a number: ${String(offset)}`);
        await this.o.openRecord?.({ topic, partition, offset });
        return;
      }
    }
  }

  async start(body: Extract<ToHost, { type: 'start' }>['body']): Promise<void> {
    await this.stopTail();
    this.fullTexts.clear();
    this.raw.clear();
    const tail = new RecordsTail(this.o.kafka);
    this.tail = tail;
    this.post({ type: 'status', body: { state: 'running' } });
    this.partitions = await tail.start({
      topic: this.o.topic,
      start: body.start,
      partitions: body.partitions,
      onRecords: (batch) => this.accept(batch),
      onError: (err) => this.fail(err),
    });
    this.timer ??= setInterval(() => this.flush(), FLUSH_MS);
  }

  private accept(batch: RawRecord[]): void {
    for (const raw of batch) {
      const id = this.nextId++;
      const { view, fullKey, fullValue } = decodeRecord(id, raw, this.o.mode);
      if (view.key.truncated || view.value.truncated) {
        this.fullTexts.set(id, { key: fullKey, value: fullValue });
        if (this.fullTexts.size > 1000) this.fullTexts.delete(this.fullTexts.keys().next().value!);
      }
      if (this.o.mode === 'dlq') {
        this.raw.set(id, raw);
        if (this.raw.size > this.o.bufferSize) this.raw.delete(this.raw.keys().next().value!);
      }
      this.pending.push(view);
    }
    this.received += batch.length;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const records = this.pending;
    this.pending = [];
    this.post({ type: 'records', body: { records } });
  }

  private async redrive(ids: number[]): Promise<void> {
    const records = ids.map((id) => this.raw.get(id)).filter((r): r is RawRecord => r !== undefined);
    if (records.length === 0) {
      this.post({ type: 'redriveResult', body: { sent: 0, failed: 0, message: 'no records selected' } });
      return;
    }
    const plan = planRedrive(records);
    const topics = [...plan.byTopic.keys()].join(', ') || '(none)';
    const ok = await this.o.confirm(
      `Re-produce ${records.length} record(s) to ${topics}?`,
      'Key, value and headers are sent as they are, minus the __connect.errors.* headers.',
      'Redrive',
    );
    if (!ok) {
      this.post({ type: 'redriveResult', body: { sent: 0, failed: 0, message: 'cancelled' } });
      return;
    }
    const result = await redrive(this.o.kafka, plan);
    this.o.log.info(`redrive from ${this.o.topic}: ${result.sent} sent, ${result.failed} failed`);
    this.post({ type: 'redriveResult', body: result });
    void vscode.window.showInformationMessage(
      `Redrive: ${result.sent} record(s) sent, ${result.failed} failed.`,
    );
  }

  private async stopTail(): Promise<void> {
    const t = this.tail;
    this.tail = undefined;
    await t?.stop();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearInterval(this.timer);
    this.metrics.stop().catch((err: unknown) => this.o.log.error('records: stopping the metrics', err));
    this.stopTail().catch((err: unknown) => this.o.log.error('records: stopping the consumer', err));
    const i = RecordsPanel.open.indexOf(this);
    if (i >= 0) RecordsPanel.open.splice(i, 1);
    this.panel.dispose();
  }
}
