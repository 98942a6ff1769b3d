/**
 * The Records panel's metrics strip arithmetic (protocol/webview/records-metrics.ts) and the
 * host's poller (backoff on failure, nothing posted after pause/stop).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricsView } from '../../protocol/webview/records-metrics';
import {
  backoffMs,
  endOffsetSum,
  formatFigure,
  ratePerSecond,
  recordCount,
  sinkGroupOf,
  taskFigures,
  topicLag,
} from '../../protocol/webview/records-metrics';
import { MetricsPoller } from '../../src/webviews/records/records-metrics';

const ranges = [
  { partition: 0, low: '0', high: '10' },
  { partition: 1, low: '5', high: '25' },
  { partition: 2, low: '7', high: '7' },
];

void describe('records metrics arithmetic', () => {
  void it('counts records as end − start offsets and sums end offsets as int64', () => {
    assert.equal(recordCount(ranges), 30);
    assert.equal(recordCount([]), 0);
    assert.equal(endOffsetSum(ranges), 42n);
    // Beyond 2^53: added exactly as BigInt.
    assert.equal(
      endOffsetSum([
        { partition: 0, low: '0', high: '9007199254740993' },
        { partition: 1, low: '0', high: '1' },
      ]),
      9007199254740994n,
    );
  });

  void it('rates: per second between samples; none without a previous sample; 0 when the counter went back', () => {
    assert.equal(ratePerSecond(undefined, { at: 1000, count: 5n }), undefined);
    assert.equal(ratePerSecond({ at: 1000, count: 100n }, { at: 3000, count: 700n }), 300);
    assert.equal(ratePerSecond({ at: 0, count: 0 }, { at: 500, count: 1 }), 2);
    assert.equal(ratePerSecond({ at: 1000, count: 100n }, { at: 1000, count: 200n }), undefined);
    assert.equal(ratePerSecond({ at: 1000, count: 100n }, { at: 2000, count: 40n }), 0);
  });

  void it('lag: Σ max(0, end − committed) over committed partitions only', () => {
    const committed = [
      { partition: 0, offset: '4' },
      { partition: 1, offset: '25' },
      { partition: 2, offset: '-1' },
    ];
    assert.deepEqual(topicLag(ranges, committed), { total: 6n, partitions: 2 });
    // Committed past the end (topic recreated) counts as 0, not negative.
    assert.deepEqual(topicLag(ranges, [{ partition: 0, offset: '50' }]), { total: 0n, partitions: 1 });
    assert.equal(topicLag(ranges, [{ partition: 0, offset: '-1' }]), undefined);
    assert.equal(topicLag(ranges, [{ partition: 9, offset: '3' }]), undefined);
    assert.equal(sinkGroupOf('orders-sink'), 'connect-orders-sink');
  });

  void it('task figures from a Connect status body', () => {
    assert.deepEqual(
      taskFigures({
        connector: { state: 'RUNNING' },
        tasks: [{ state: 'RUNNING' }, { state: 'FAILED' }, { state: 'PAUSED' }, { state: 'RUNNING' }],
      }),
      { connectorState: 'RUNNING', total: 4, running: 2, failed: 1, paused: 1 },
    );
    assert.deepEqual(taskFigures({ connector: { state: 'UNASSIGNED' }, tasks: [] }), {
      connectorState: 'UNASSIGNED',
      total: 0,
      running: 0,
      failed: 0,
      paused: 0,
    });
  });

  void it('backoff doubles per failure up to the cap; figures format compactly', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 10, 1000].map((f) => backoffMs(3000, f, 60000)),
      [3000, 6000, 12000, 24000, 60000, 60000],
    );
    assert.equal(formatFigure(1234), '1,234');
    assert.equal(formatFigure(12.345), '12.3');
    assert.equal(formatFigure(4321.6), '4,322');
    assert.equal(formatFigure(2_500_000), '2.5M');
    assert.equal(formatFigure(Number.NaN), '—');
  });
});

void describe('metrics poller', () => {
  const view = (n: number): MetricsView => ({ at: n, topic: 't', topicRecords: n });
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

  void it('posts samples while started, reports failures with their count, posts nothing after stop', async () => {
    let n = 0;
    let closed = 0;
    const posted: number[] = [];
    const failures: number[] = [];
    const poller = new MetricsPoller(
      {
        sample: () => {
          n++;
          if (n === 2 || n === 3) return Promise.reject(new Error('broker down'));
          return Promise.resolve(view(n));
        },
        close: () => {
          closed++;
          return Promise.resolve();
        },
      },
      {
        intervalMs: 1,
        maxIntervalMs: 4,
        post: (v) => posted.push(v.topicRecords!),
        onError: (_e, f) => failures.push(f),
      },
    );
    poller.start();
    for (let i = 0; i < 200 && posted.length < 3; i++) await settle(5);
    await poller.stop();
    assert.equal(poller.active, false);
    assert.deepEqual(posted.slice(0, 3), [1, 4, 5]);
    assert.deepEqual(failures, [1, 2]);
    assert.equal(closed, 1);
    const after = posted.length;
    await settle(30);
    assert.equal(posted.length, after, 'nothing posted after stop');
  });

  void it('pause stops sampling without closing; start resumes', async () => {
    let n = 0;
    let closed = 0;
    const posted: number[] = [];
    const poller = new MetricsPoller(
      {
        sample: () => Promise.resolve(view(++n)),
        close: () => {
          closed++;
          return Promise.resolve();
        },
      },
      { intervalMs: 1, maxIntervalMs: 4, post: (v) => posted.push(v.at), onError: () => {} },
    );
    poller.start();
    for (let i = 0; i < 200 && posted.length < 1; i++) await settle(5);
    poller.pause();
    await settle(10);
    const paused = n;
    await settle(30);
    assert.equal(n, paused, 'no sample while paused');
    assert.equal(closed, 0);
    poller.start();
    for (let i = 0; i < 200 && n === paused; i++) await settle(5);
    assert.ok(n > paused);
    await poller.stop();
    assert.equal(closed, 1);
  });
});
