/**
 * Our runtime's metrics endpoint (GET /kcl/connectors/{name}/metrics) on the real broker: a
 * FileStreamSource → topic → FileStreamSink pipeline moving lines reports Connect's JMX metric names
 * with exact totals and rates above 0 while records move; a sink with errors.tolerance=all and a DLQ
 * reports task-error-metrics; an unknown connector gets Connect's 404. The real Connect 4.4.0 worker
 * answers 404 on the same path (it is not part of Connect's API), and the extension's REST client
 * turns that 404 into "no metrics" (the records strip hides its figures).
 */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ConnectorMetrics, MetricGroupValues } from '../../protocol/connect-rest/metrics';
import { connectorMetricsPath } from '../../protocol/connect-rest/metrics';
import { RestConnectClient } from '../../src/connect-client/connect-client';
import { MetricsSource } from '../../src/webviews/records/records-metrics';
import type { OurRuntime } from '../support/differential';
import { createTopics, deleteTopics, kafka, request, startOurRuntime } from '../support/differential';
import type { RealConnectWorker } from '../support/real-connect';
import { startRealConnect } from '../support/real-connect';
import { uniqueName } from '../support/cluster';

const LINES = 3000;
const CHUNKS = 15;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function create(url: string, name: string, config: Record<string, string>): Promise<void> {
  const res = await request(url, 'POST', '/connectors', {
    text: JSON.stringify({ name, config }),
    contentType: 'application/json',
  });
  assert.equal(res.status, 201, `create ${name}: ${JSON.stringify(res.body)}`);
}

async function metricsOf(url: string, name: string): Promise<ConnectorMetrics> {
  const res = await request(url, 'GET', connectorMetricsPath(name));
  assert.equal(res.status, 200, `metrics of ${name}: ${JSON.stringify(res.body)}`);
  return res.body as unknown as ConnectorMetrics;
}

function group(m: ConnectorMetrics, name: keyof ConnectorMetrics['tasks'][number]): MetricGroupValues {
  assert.equal(m.tasks.length, 1, `one task of ${m.name}: ${JSON.stringify(m)}`);
  const g = m.tasks[0][name];
  assert.ok(g && typeof g === 'object', `${String(name)} of ${m.name}: ${JSON.stringify(m.tasks[0])}`);
  return g;
}

const n = (v: unknown): number => {
  assert.equal(typeof v, 'number', `a number, got ${JSON.stringify(v)}`);
  return v as number;
};

async function until<T>(
  what: string,
  get: () => Promise<T>,
  ok: (v: T) => boolean,
  ms = 120_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    try {
      last = await get();
      if (ok(last)) return last;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) assert.fail(`${what} never held; last: ${JSON.stringify(last)}`);
    await sleep(500);
  }
}

void describe('runtime metrics endpoint', { timeout: 10 * 60_000 }, () => {
  let ours: OurRuntime;
  let real: RealConnectWorker | undefined;
  let realError: unknown;
  const dir = mkdtempSync(join(tmpdir(), 'kcl-metrics-'));
  const topic = uniqueName('metrics_lines');
  const badTopic = uniqueName('metrics_bad');
  const dlq = uniqueName('metrics_dlq');
  const source = uniqueName('metrics-src');
  const sink = uniqueName('metrics-sink');
  const badSink = uniqueName('metrics-dlq-sink');
  let realStarting: Promise<void>;

  before(async () => {
    // The real worker starts while our pipeline runs (only its 404 is asked).
    realStarting = startRealConnect({
      startupTimeoutMs: Number(process.env.KCL_REAL_CONNECT_STARTUP_MS ?? 180_000),
    }).then(
      (w) => {
        real = w;
      },
      (err: unknown) => {
        realError = err;
      },
    );
    await createTopics([topic, badTopic]);
    ours = await startOurRuntime({ offsetFlushIntervalMs: 1000 });
  });

  after(async () => {
    await realStarting.catch(() => undefined);
    await Promise.all([ours?.stop(), real?.stop()]);
    await deleteTopics([topic, badTopic, dlq]).catch(() => undefined);
  });

  void it('FileStream source and sink: exact totals, rates above 0 while records move', async () => {
    const input = join(dir, 'in.txt');
    const output = join(dir, 'out.txt');
    writeFileSync(input, '');
    await create(ours.url, source, { 'connector.class': 'FileStreamSource', file: input, topic });
    await create(ours.url, sink, { 'connector.class': 'FileStreamSink', file: output, topics: topic });

    const per = LINES / CHUNKS;
    let movingSource: ConnectorMetrics | undefined;
    let movingSink: ConnectorMetrics | undefined;
    for (let c = 0; c < CHUNKS; c++) {
      const chunk = Array.from({ length: per }, (_, i) => `line-${c * per + i}`);
      appendFileSync(input, chunk.join('\n') + '\n');
      await sleep(300);
      // While lines still arrive: sample both connectors once they have moved something.
      if (c >= CHUNKS / 2 && !movingSink) {
        const s = await metricsOf(ours.url, source);
        const k = await metricsOf(ours.url, sink);
        const written = s.tasks[0]?.['source-task-metrics']?.['source-record-write-total'];
        const read = k.tasks[0]?.['sink-task-metrics']?.['sink-record-read-total'];
        if (typeof written === 'number' && written > 0 && typeof read === 'number' && read > 0) {
          movingSource = s;
          movingSink = k;
        }
      }
    }
    movingSource ??= await until(
      'source moved',
      () => metricsOf(ours.url, source),
      (m) => (m.tasks[0]?.['source-task-metrics']?.['source-record-write-total'] ?? 0) !== 0,
    );
    movingSink ??= await until(
      'sink moved',
      () => metricsOf(ours.url, sink),
      (m) => (m.tasks[0]?.['sink-task-metrics']?.['sink-record-read-total'] ?? 0) !== 0,
    );
    const srcMoving = group(movingSource, 'source-task-metrics');
    assert.ok(n(srcMoving['source-record-poll-rate']) > 0, JSON.stringify(srcMoving));
    assert.ok(n(srcMoving['source-record-write-rate']) > 0, JSON.stringify(srcMoving));
    const sinkMoving = group(movingSink, 'sink-task-metrics');
    assert.ok(n(sinkMoving['sink-record-read-rate']) > 0, JSON.stringify(sinkMoving));
    assert.ok(n(sinkMoving['sink-record-send-rate']) > 0, JSON.stringify(sinkMoving));

    // Every line delivered → the totals are exact.
    await until(
      'all lines in the sink file',
      () =>
        Promise.resolve(
          existsSync(output) ? readFileSync(output, 'utf8').split('\n').filter(Boolean).length : 0,
        ),
      (count) => count >= LINES,
    );
    const s = await until(
      'source totals',
      () => metricsOf(ours.url, source),
      (m) => m.tasks[0]?.['source-task-metrics']?.['source-record-write-total'] === LINES,
    );
    const k = await until(
      'sink totals',
      () => metricsOf(ours.url, sink),
      (m) => m.tasks[0]?.['sink-task-metrics']?.['sink-record-send-total'] === LINES,
    );
    assert.equal(s.type, 'source');
    assert.deepEqual(s['connector-metrics'], {
      'connector-class': 'FileStreamSource',
      'connector-type': 'source',
      'connector-version': s['connector-metrics']['connector-version'],
      status: 'running',
    });
    assert.equal(s['metrics.sample.window.ms'], 30000);
    assert.equal(s['metrics.num.samples'], 2);
    const src = group(s, 'source-task-metrics');
    assert.equal(src['source-record-poll-total'], LINES);
    assert.equal(src['source-record-write-total'], LINES);
    assert.ok(n(src['poll-batch-avg-time-ms']) >= 0);
    assert.ok(n(src['poll-batch-max-time-ms']) >= n(src['poll-batch-avg-time-ms']));
    const srcTask = group(s, 'connector-task-metrics');
    assert.equal(srcTask['status'], 'running');
    assert.ok(n(srcTask['running-ratio']) > 0 && n(srcTask['running-ratio']) <= 1);
    assert.equal(srcTask['pause-ratio'], 0);
    assert.ok(n(srcTask['batch-size-max']) >= 1);

    assert.equal(k.type, 'sink');
    const snk = group(k, 'sink-task-metrics');
    assert.equal(snk['sink-record-read-total'], LINES);
    assert.equal(snk['sink-record-send-total'], LINES);
    assert.equal(snk['partition-count'], 1);
    assert.ok(n(snk['put-batch-avg-time-ms']) >= 0);
    assert.ok(n(snk['put-batch-max-time-ms']) >= n(snk['put-batch-avg-time-ms']));
    // Offsets get committed every second: a successful commit shows in the task group.
    const committed = await until(
      'a sink offset commit',
      () => metricsOf(ours.url, sink),
      (m) => (m.tasks[0]?.['sink-task-metrics']?.['offset-commit-completion-total'] ?? 0) !== 0,
    );
    const sinkTask = group(committed, 'connector-task-metrics');
    assert.equal(sinkTask['offset-commit-success-percentage'], 1);
    assert.equal(sinkTask['offset-commit-failure-percentage'], 0);
    const errors = group(k, 'task-error-metrics');
    assert.equal(errors['total-record-errors'], 0);
    assert.equal(errors['total-records-skipped'], 0);
  });

  void it('a sink with errors.tolerance=all and a DLQ: task-error-metrics count the bad records', async () => {
    const producer = kafka().producer();
    await producer.connect();
    try {
      await producer.send({
        topic: badTopic,
        messages: [
          '{"schema":{"type":"string"},"payload":"a"}',
          'not json',
          '{"schema":{"type":"string"},"payload":"b"}',
          '{broken',
          '{"schema":{"type":"string"},"payload":"c"}',
        ].map((value) => ({ value })),
      });
    } finally {
      await producer.disconnect();
    }
    await create(ours.url, badSink, {
      'connector.class': 'FileStreamSink',
      file: join(dir, 'bad-out.txt'),
      topics: badTopic,
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': dlq,
      'errors.deadletterqueue.topic.replication.factor': '1',
    });
    const m = await until(
      'the bad sink read 5 records',
      () => metricsOf(ours.url, badSink),
      (x) =>
        x.tasks[0]?.['sink-task-metrics']?.['sink-record-read-total'] === 5 &&
        x.tasks[0]?.['task-error-metrics']?.['deadletterqueue-produce-requests'] === 2,
    );
    const snk = group(m, 'sink-task-metrics');
    assert.equal(snk['sink-record-send-total'], 3);
    const errors = group(m, 'task-error-metrics');
    assert.equal(errors['total-record-errors'], 2);
    assert.equal(errors['total-records-skipped'], 2);
    assert.equal(errors['total-record-failures'], 2);
    assert.equal(errors['deadletterqueue-produce-failures'], 0);
    assert.ok(n(errors['last-error-timestamp']) > 0);
  });

  void it("an unknown connector gets 404 with Connect's message", async () => {
    const res = await request(ours.url, 'GET', connectorMetricsPath('no-such-connector'));
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { error_code: 404, message: 'Connector no-such-connector not found' });
  });

  void it("the REST client: figures from our runtime, undefined (hidden) on the real Connect worker's 404", async () => {
    const client = new RestConnectClient({ clusterName: 'ours', baseUrl: ours.url });
    const m = await client.connectorMetrics(source);
    assert.equal(m?.name, source);
    assert.equal(m?.tasks[0]?.['source-task-metrics']?.['source-record-write-total'], LINES);

    await realStarting;
    if (!real) throw new Error(`the real Connect worker did not start: ${String(realError)}`);
    // Not part of Connect's REST API: Jersey's own 404 for the path, whatever the connector.
    const res = await request(real.url, 'GET', connectorMetricsPath(source));
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { error_code: 404, message: 'HTTP 404 Not Found' });
    const other = await request(real.url, 'GET', '/kcl/connectors');
    assert.equal(other.status, 404);
    const realClient = new RestConnectClient({ clusterName: 'real', baseUrl: real.url });
    assert.equal(await realClient.connectorMetrics(source), undefined);

    // The Records panel's sampler: figures from our runtime; none and no gap against the real worker.
    const sample = async (c: RestConnectClient) => {
      const src = new MetricsSource({
        kafka: kafka(),
        topic,
        connector: source,
        connectorMetrics: () => c.connectorMetrics(source),
        received: () => 0,
      });
      try {
        return await src.sample();
      } finally {
        await src.close();
      }
    };
    const withOurs = await sample(client);
    assert.equal(withOurs.worker?.type, 'source');
    assert.equal(withOurs.worker?.total, LINES);
    assert.equal(withOurs.worker?.errors, 0);
    // The endpoint says it is a source: no sink-group lag asked, so no gap either.
    assert.deepEqual(withOurs.unavailable ?? [], []);
    const withReal = await sample(realClient);
    assert.equal(withReal.worker, undefined);
    assert.equal(withReal.topicRecords, LINES);
    // No figure and no "unavailable" entry for the 404 (the lag gap is there: nothing says it is a source).
    const gaps = withReal.unavailable ?? [];
    assert.ok(!gaps.some((g) => g.startsWith('connector metrics')), gaps.join('; '));
  });
});
