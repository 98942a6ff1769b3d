/**
 * Kafka's windowed statistics as our metrics endpoint computes them (2 samples × 30 s, Connect's
 * worker defaults), the task metric groups' arithmetic, and the records strip's sum over tasks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Avg, BooleanFrequencies, Max, Rate } from '../../runtime/metrics/sampled-stats';
import { SinkTaskMetrics, SourceTaskMetrics } from '../../runtime/metrics/task-metrics';
import type { ConnectorMetrics } from '../../protocol/connect-rest/metrics';
import { workerFigures } from '../../protocol/webview/records-metrics';

const config = { samples: 2, windowMs: 30_000 };

void describe('windowed stats', () => {
  void it('Rate counts at least one full window besides the current one (no burst of a fresh sensor)', () => {
    const r = new Rate(config);
    r.record(10, 0);
    // 10 records over 1 s elapsed + (samples − 1) × 30 s assumed = 31 s.
    assert.equal(r.measure(1000), 10 / 31);
    r.record(20, 29_000);
    assert.equal(r.measure(40_000), 30 / 40);
  });

  void it('Rate forgets samples older than samples × window', () => {
    const r = new Rate(config);
    r.record(100, 0);
    r.record(50, 30_000); // a second sample
    assert.equal(r.measure(59_000), 150 / 59);
    // The first sample expired (reset at 60 s): 50 records since the second one began at 30 s.
    assert.equal(r.measure(60_000), 50 / 30);
    assert.equal(r.measure(200_000), 0);
  });

  void it('Avg and Max are NaN without events, windowed with them', () => {
    const a = new Avg(config);
    const m = new Max(config);
    assert.ok(Number.isNaN(a.measure(0)));
    assert.ok(Number.isNaN(m.measure(0)));
    for (const [v, t] of [
      [4, 0],
      [8, 10],
      [3, 35_000],
    ] as const) {
      a.record(v, t);
      m.record(v, t);
    }
    assert.equal(a.measure(35_000), 5);
    assert.equal(m.measure(35_000), 8);
    assert.equal(m.measure(61_000), 3); // the first window expired
  });

  void it('BooleanFrequencies: share of successes and failures, 0 and 0 without events', () => {
    const f = new BooleanFrequencies(config);
    assert.deepEqual(f.shares(0), [0, 0]);
    f.record(1, 0);
    f.record(1, 1);
    f.record(1, 2);
    f.record(0, 3);
    assert.deepEqual(f.shares(4), [0.75, 0.25]);
  });
});

void describe('task metric groups', () => {
  void it('source: poll/write totals, skipped records not written, active count back to 0', () => {
    let now = 0;
    const m = new SourceTaskMetrics(config, () => now);
    m.recordState('RUNNING');
    m.recordPoll(5, 3);
    now = 1000;
    m.recordWrite(5, 1);
    m.recordCommit(7, true);
    m.recordCommit(0, false);
    const g = m.snapshot();
    const src = g['source-task-metrics'];
    assert.equal(src['source-record-poll-total'], 5);
    assert.equal(src['source-record-write-total'], 4);
    assert.equal(src['source-record-active-count'], 0);
    assert.equal(src['source-record-active-count-max'], 5);
    assert.equal(src['poll-batch-avg-time-ms'], 3);
    const task = g['connector-task-metrics'];
    assert.equal(task['status'], 'running');
    assert.equal(task['running-ratio'], 1);
    assert.equal(task['offset-commit-success-percentage'], 0.5);
    assert.equal(task['offset-commit-failure-percentage'], 0.5);
    assert.equal(task['offset-commit-avg-time-ms'], 7);
    assert.equal(task['batch-size-max'], null); // no batch recorded: NaN → null
  });

  void it('sink: pause ratio, read/send totals, commit completions and sequence number', () => {
    let now = 0;
    const m = new SinkTaskMetrics(config, () => now);
    m.recordState('RUNNING');
    now = 3000;
    m.recordState('PAUSED');
    now = 4000;
    m.recordRead(10);
    m.recordPut(8, 2);
    m.recordOffsetCommit(true, 5);
    const g = m.snapshot();
    const sink = g['sink-task-metrics'];
    assert.equal(sink['sink-record-read-total'], 10);
    assert.equal(sink['sink-record-send-total'], 8);
    assert.equal(sink['offset-commit-seq-no'], 1);
    assert.equal(sink['offset-commit-completion-total'], 1);
    assert.equal(sink['put-batch-max-time-ms'], 2);
    assert.equal(g['connector-task-metrics']['pause-ratio'], 0.25);
    assert.equal(g['connector-task-metrics']['running-ratio'], 0.75);
    assert.equal(g['connector-task-metrics']['status'], 'paused');
  });
});

void describe('records strip figures from the endpoint', () => {
  void it('sums the tasks of a sink, averages batch times that exist, and ignores non-numbers', () => {
    const body = {
      name: 'k',
      type: 'sink',
      'metrics.sample.window.ms': 30000,
      'metrics.num.samples': 2,
      'connector-metrics': {},
      tasks: [0, 1].map((id) => ({
        id,
        worker_id: 'w',
        'connector-task-metrics': {},
        'sink-task-metrics': {
          'sink-record-send-rate': 1.5,
          'sink-record-send-total': 10 + id,
          'put-batch-avg-time-ms': id === 0 ? 4 : null,
        },
        'task-error-metrics': {
          'total-record-errors': id,
          'total-records-skipped': id,
          'deadletterqueue-produce-requests': id,
        },
      })),
    } as ConnectorMetrics;
    assert.deepEqual(workerFigures(body), {
      type: 'sink',
      rate: 3,
      total: 21,
      batchMs: 4,
      errors: 1,
      skipped: 1,
      dlqSent: 1,
      tasks: 2,
    });
    assert.equal(workerFigures({ ...body, type: 'unknown' }), undefined);
  });
});
