/**
 * The sink's side of the REST API (ElasticsearchClient's behaviour over node:http(s)): `_bulk` requests of
 * NDJSON built from batch.size / bulk.size.bytes / linger.ms, at most max.in.flight.requests at a
 * time, at most max.buffered.records waiting; every request retried max.retries times with the
 * connector's exponential backoff with jitter; per-item results handled as the real client does
 * (malformed documents per behavior.on.malformed.documents, external-version conflicts ignored,
 * anything else fails the task), failed items reported through the errant record reporter.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { ErrantRecordReporter } from '../../api/connector';
import type { SinkRecord } from '../../api/records';
import { labHosts } from '../../net/lab-hosts';
import { ConnectException } from '../../data/errors';
import type { BulkAction } from './data-converter';
import type { ElasticsearchSettings } from './settings';
import { httpCall, keepAliveAgents } from './transport';

const gzipAsync = promisify(gzip);

const MALFORMED_DOC_ERRORS = [
  'strict_dynamic_mapping_exception',
  'mapper_parsing_exception',
  'illegal_argument_exception',
  'action_request_validation_exception',
  'document_parsing_exception',
];
const VERSION_CONFLICT = 'version_conflict_engine_exception';
const MAX_RETRY_TIME_MS = 24 * 60 * 60 * 1000;

export type SinkLog = (level: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG', message: string) => void;

/** RetryUtil.computeRetryWaitTimeInMillis: initial << attempts, capped at 24 h. */
export function retryWaitMs(attempt: number, initialBackoffMs: number): number {
  if (initialBackoffMs < 0) return 0;
  if (attempt <= 0) return initialBackoffMs;
  if (attempt > 32) return MAX_RETRY_TIME_MS;
  return Math.min(MAX_RETRY_TIME_MS, initialBackoffMs * 2 ** attempt);
}

/** RetryUtil.computeRandomRetryWaitTimeInMillis: uniform in [0, the exponential bound). */
export function randomRetryWaitMs(attempt: number, initialBackoffMs: number, random = Math.random): number {
  if (initialBackoffMs < 0) return 0;
  if (attempt < 0) return initialBackoffMs;
  return Math.floor(random() * retryWaitMs(attempt, initialBackoffMs));
}

/** A failed bulk item as BulkItemResponse.getFailureMessage() renders it. */
export function failureMessage(error: { type?: string; reason?: string }): string {
  return `ElasticsearchException[Elasticsearch exception [type=${error.type ?? 'exception'}, reason=${error.reason ?? ''}]]`;
}

/** The NDJSON lines of one action. */
export function bulkLines(a: BulkAction): string {
  const meta: Record<string, unknown> = { _index: a.index };
  if (a.id !== undefined) meta._id = a.id;
  if (a.version !== undefined) {
    meta.version = a.version.toString();
    meta.version_type = 'external';
  }
  if (a.retryOnConflict !== undefined) meta.retry_on_conflict = a.retryOnConflict;
  // version is an int64: write it as a bare number.
  const head = JSON.stringify({ [a.op]: meta }).replace(/"version":"(-?\d+)"/, '"version":$1');
  return a.body === undefined ? `${head}\n` : `${head}\n${a.body}\n`;
}

export interface PendingDoc {
  record: SinkRecord;
  action: BulkAction;
  lines: string;
  /** Called once with true when the document is written (or deliberately skipped), false when not. */
  done(processed: boolean): void;
}

export class BulkClient {
  private pending: PendingDoc[] = [];
  private pendingBytes = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private buffered = 0;
  private error: ConnectException | null = null;
  private lingerTimer: NodeJS.Timeout | null = null;
  private lingerDue = false;
  private flushing = 0;
  private waiters: (() => void)[] = [];
  private nextUrl = 0;
  private closed = false;
  private readonly auth: string | null;
  private readonly agents: ReturnType<typeof keepAliveAgents>;

  constructor(
    private readonly s: ElasticsearchSettings,
    private readonly reporter: ErrantRecordReporter | null,
    private readonly log: SinkLog,
  ) {
    this.auth =
      s.username !== null && s.password !== null
        ? `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}`
        : null;
    this.agents = keepAliveAgents(s.proxy, s.connectionTimeoutMs + s.readTimeoutMs);
  }

  /** throwIfFailed: the first asynchronous failure, raised on the task's thread. */
  throwIfFailed(): void {
    if (this.error) throw this.error;
  }

  /** One REST call with the connector's retries (callWithRetries: max.retries + 1 attempts). */
  async request(
    method: string,
    path: string,
    body: string | undefined,
    description: string,
    okStatuses: number[] = [],
  ): Promise<{ status: number; text: string }> {
    const attempts = this.s.maxRetries + 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(method, path, body, okStatuses);
      } catch (e) {
        if (attempt >= attempts || this.closed) {
          const msg = `Failed to ${description} due to '${String(e)}' after ${attempt} attempt(s)`;
          this.log('ERROR', msg);
          throw new ConnectException(msg, { cause: e });
        }
        const backoff = randomRetryWaitMs(attempt, this.s.retryBackoffMs);
        this.log(
          'WARN',
          `Failed to ${description} due to ${String(e)}. Retrying attempt (${attempt}/${attempts}) after backoff of ${backoff} ms`,
        );
        await new Promise((r) => setTimeout(r, backoff));
      }
    }
  }

  private async once(
    method: string,
    path: string,
    body: string | undefined,
    okStatuses: number[],
  ): Promise<{ status: number; text: string }> {
    const urls = this.s.connectionUrls;
    // Lab only: the lesson's http://elasticsearch:9200 → the lab's engine (runtime/net/lab-hosts.ts).
    const base = labHosts().url(urls[this.nextUrl++ % urls.length] ?? '');
    const headers: Record<string, string> = {};
    if (this.auth) headers.authorization = this.auth;
    let payload: string | Buffer | undefined = body;
    if (body !== undefined) {
      headers['content-type'] = path.includes('_bulk') ? 'application/x-ndjson' : 'application/json';
      if (this.s.compression) {
        payload = await gzipAsync(Buffer.from(body));
        headers['content-encoding'] = 'gzip';
      }
    }
    if (this.s.compression) headers['accept-encoding'] = 'gzip';
    return httpCall(
      {
        base,
        method,
        path,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
        connectTimeoutMs: this.s.connectionTimeoutMs,
        readTimeoutMs: this.s.readTimeoutMs,
        tls: this.s.tls,
        agents: this.agents,
        proxy: this.s.proxy,
      },
      okStatuses,
    );
  }

  /** Queues one document; waits while max.buffered.records are buffered (up to flush.timeout.ms). */
  async add(doc: PendingDoc): Promise<void> {
    this.throwIfFailed();
    if (this.buffered >= this.s.maxBufferedRecords) {
      await this.waitUntil(
        () => this.buffered < this.s.maxBufferedRecords || this.error !== null,
        this.s.flushTimeoutMs,
        `Failed to buffer records within the flush timeout (${this.s.flushTimeoutMs} ms)`,
      );
      this.throwIfFailed();
    }
    this.pending.push(doc);
    this.pendingBytes += Buffer.byteLength(doc.lines);
    this.buffered++;
    this.pump();
  }

  /** BulkProcessor.flush(): send what is pending now, without waiting for the answers. */
  triggerFlush(): void {
    this.lingerDue = true;
    this.pump();
  }

  /** Everything buffered is sent and answered (flush.timeout.ms), then the first failure is raised. */
  async flushAndWait(): Promise<void> {
    this.flushing++;
    try {
      this.pump();
      await this.waitUntil(
        () => this.buffered === 0,
        this.s.flushTimeoutMs,
        `Failed to flush all records within the flush timeout (${this.s.flushTimeoutMs} ms)`,
      );
    } finally {
      this.flushing--;
    }
    this.throwIfFailed();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    await Promise.allSettled([...this.inFlight]);
    this.agents.destroy();
  }

  private waitUntil(cond: () => boolean, timeoutMs: number, message: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new ConnectException(message));
      }, timeoutMs);
      const check = (): void => {
        if (!cond()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
      check();
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private pump(): void {
    while (this.pending.length > 0 && this.inFlight.size < this.s.maxInFlightRequests && !this.closed) {
      const full =
        this.pending.length >= this.s.batchSize ||
        (this.s.bulkSizeBytes !== -1 && this.pendingBytes >= this.s.bulkSizeBytes);
      if (!full && !this.lingerDue && this.flushing === 0) {
        this.lingerTimer ??= setTimeout(() => {
          this.lingerTimer = null;
          this.lingerDue = true;
          this.pump();
        }, this.s.lingerMs);
        return;
      }
      const batch = this.take();
      if (this.pending.length === 0) this.lingerDue = false;
      const sent: Promise<void> = this.send(batch).finally(() => {
        this.inFlight.delete(sent);
        this.buffered -= batch.length;
        this.pump();
        this.notify();
      });
      this.inFlight.add(sent);
    }
  }

  private take(): PendingDoc[] {
    let n = 0;
    let bytes = 0;
    while (n < this.pending.length && n < this.s.batchSize) {
      const b = Buffer.byteLength(this.pending[n].lines);
      if (n > 0 && this.s.bulkSizeBytes !== -1 && bytes + b > this.s.bulkSizeBytes) break;
      bytes += b;
      n++;
    }
    const batch = this.pending.splice(0, n);
    this.pendingBytes -= bytes;
    return batch;
  }

  private async send(batch: PendingDoc[]): Promise<void> {
    let text: string;
    try {
      ({ text } = await this.request(
        'POST',
        '/_bulk',
        batch.map((d) => d.lines).join(''),
        'execute bulk request',
      ));
    } catch (e) {
      this.log('WARN', `Bulk request failed: ${String(e)}`);
      this.error ??= new ConnectException('Bulk request failed', { cause: e });
      for (const d of batch) d.done(false);
      return;
    }
    const parsed = JSON.parse(text) as { items?: Record<string, BulkItem>[] };
    const items = parsed.items ?? [];
    for (let i = 0; i < batch.length; i++) {
      const doc = batch[i];
      const entry = items[i];
      const item = entry ? Object.values(entry)[0] : undefined;
      doc.done(!(await this.handleItem(doc, item)));
    }
  }

  /** handleResponse: true when the record was NOT processed (its offset must not be committed). */
  private async handleItem(doc: PendingDoc, item: BulkItem | undefined): Promise<boolean> {
    if (!item) {
      this.error ??= new ConnectException('Bulk response has no item for a request.');
      return true;
    }
    if (!item.error) return false;
    const msg = failureMessage(item.error);
    if (MALFORMED_DOC_ERRORS.some((t) => msg.includes(t))) {
      await this.report(doc, msg);
      switch (this.s.behaviorOnMalformedDocs) {
        case 'IGNORE':
          this.log(
            'DEBUG',
            'Encountered an illegal document error. Ignoring and will not index record. Please check DLQ topic for errors.',
          );
          return false;
        case 'WARN':
          this.log(
            'WARN',
            `Encountered an illegal document error. Ignoring and will not index record. Please check DLQ topic for errors. (${msg})`,
          );
          return false;
        default:
          this.log(
            'ERROR',
            "Encountered an illegal document error. Please check DLQ topic for errors. To ignore future records like this, change the configuration 'behavior.on.malformed.documents' to 'IGNORE'.",
          );
          this.error ??= new ConnectException('Indexing record failed. Please check DLQ topic for errors.');
          return true;
      }
    }
    if (msg.includes(VERSION_CONFLICT)) {
      // A repeated or out-of-order offset against our own external version: the newer value stays.
      if (doc.action.version === undefined) {
        this.log(
          'WARN',
          `INTERNAL version conflict for operation ${doc.action.op.toUpperCase()} in index '${doc.action.index}'.`,
        );
        await this.report(doc, msg);
      }
      return false;
    }
    await this.report(doc, msg);
    this.error ??= new ConnectException('Indexing record failed. Please check DLQ topic for errors.');
    return true;
  }

  private async report(doc: PendingDoc, msg: string): Promise<void> {
    if (!this.reporter) return;
    if (this.s.isDataStream && msg.includes(VERSION_CONFLICT)) return;
    try {
      await this.reporter.report(doc.record, new ReportingException(`Indexing failed: ${msg}`));
    } catch (e) {
      this.error ??= e instanceof ConnectException ? e : new ConnectException(String(e), { cause: e });
    }
  }
}

interface BulkItem {
  status?: number;
  error?: { type?: string; reason?: string };
}

/** ElasticsearchClient.ReportingException: the error handed to the DLQ for a rejected document. */
export class ReportingException extends Error {
  static readonly javaClassName = 'io.confluent.connect.elasticsearch.ElasticsearchClient$ReportingException';
  constructor(message: string) {
    super(message);
    this.name = 'ReportingException';
  }
}
