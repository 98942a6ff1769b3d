/**
 * The Records panel in headless Chromium, host seam stubbed: records/CDC/DLQ views rendered from
 * fixture records decoded by the host's own decoder, filtering, diff highlighting, DLQ grouping,
 * Redrive/reveal/show-all requests and bad input that must stay text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { RawRecord } from '../../protocol/webview/record-decode';
import { decodeRecord } from '../../protocol/webview/record-decode';
import type { RecordView, RecordsMode, ToHost } from '../../protocol/webview/records';
import { badRecords, cdcRecords, dlqRecords, flatRecords } from './fixtures';
import type { WebviewPage } from './harness';
import { bundle, launch, openWebview } from './harness';

let browser: Browser;
let script: string;
let nextId = 1;
const views = (raw: RawRecord[], mode: RecordsMode): RecordView[] =>
  raw.map((r) => decodeRecord(nextId++, r, mode, 16 * 1024).view);

async function panel(mode: RecordsMode, records: RecordView[]): Promise<WebviewPage> {
  const w = await openWebview(browser, script);
  await w.post({ type: 'init', body: { title: 't', topic: 't', partitions: [0], mode, bufferSize: 1000 } });
  await w.post({ type: 'records', body: { records } });
  if (records.length > 0) await w.page.locator('.row').first().waitFor({ state: 'attached' });
  return w;
}

/** Polls in Node (string predicates would need eval, which the panel's CSP rightly blocks). */
async function until(
  w: WebviewPage,
  what: string,
  check: (w: WebviewPage) => Promise<string | number | null>,
  want: (v: string | number | null) => boolean,
): Promise<void> {
  let last: string | number | null = null;
  for (let i = 0; i < 100; i++) {
    last = await check(w);
    if (want(last)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what}: last value ${String(last)}`);
}
const visibleRows = (n: number) => (w: WebviewPage) =>
  until(
    w,
    `${n} visible rows`,
    (x) => x.page.locator('.row:not([hidden])').count(),
    (v) => v === n,
  );
const countsStart = (prefix: string) => (w: WebviewPage) =>
  until(
    w,
    `counts ${prefix}`,
    (x) => x.page.locator('#counts').textContent(),
    (v) => String(v).startsWith(prefix),
  );

const lastOf = <T extends ToHost['type']>(sent: ToHost[], type: T) =>
  sent.filter((m): m is Extract<ToHost, { type: T }> => m.type === type).pop();

before(async () => {
  script = await bundle('records');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

void describe('records webview', () => {
  void it('says ready, renders every record and counts them; Start sends the chosen position', async () => {
    const w = await panel('records', views([...cdcRecords, ...badRecords], 'records'));
    try {
      assert.equal((await w.sent())[0].type, 'ready');
      await visibleRows(10)(w);
      assert.match(
        (await w.page.locator('#counts').textContent()) ?? '',
        /^10 shown · 10 buffered · 10 received/,
      );
      await w.page.evaluate(
        `(() => { const s = document.getElementById('from'); s.value = 'offset'; document.getElementById('from-arg').value = '42'; document.getElementById('partitions').value = '0, 2'; })()`,
      );
      await w.page.locator('#start').click();
      const start = lastOf(await w.sent(), 'start');
      assert.deepEqual(start?.body, { start: { from: 'offset', offset: '42' }, partitions: [0, 2] });
      await w.page.locator('#pause').click();
      assert.equal((await w.sent()).pop()?.type, 'pause');
      assert.deepEqual(await w.cspViolations(), []);
    } finally {
      await w.close();
    }
  });

  void it('filters over key, value and headers', async () => {
    const w = await panel('records', views([...cdcRecords, ...badRecords], 'records'));
    try {
      const filter = async (q: string) => {
        await w.page.evaluate(
          `(() => { const f = document.getElementById('filter'); f.value = ${JSON.stringify(q)}; f.dispatchEvent(new Event('input')); })()`,
        );
        await countsStart(q === 'anne@new.org' ? '2 shown' : q === '<i>x</i>' ? '1 shown' : '0 shown')(w);
      };
      await filter('anne@new.org'); // the update's after and the delete's before
      await filter('<i>x</i>'); // a header value
      await filter('no-such-text');
    } finally {
      await w.close();
    }
  });

  void it('CDC view: op badges, tombstone, before/after with only the changed field highlighted, source, raw toggle', async () => {
    const w = await panel('cdc', views([...cdcRecords, ...flatRecords], 'cdc'));
    try {
      await visibleRows(8)(w);
      const badges = await w.page.locator('.row .badge').allTextContents();
      assert.deepEqual(badges, ['r', 'c', 'u', 'd', 'tombstone', 'c', 'c', 'd']);
      await w.page.locator('.row').nth(2).click();
      const changed = await w.page
        .locator('#detail tr.changed')
        .evaluateAll((trs) =>
          trs.map((tr) => (tr as unknown as { dataset: { field: string } }).dataset.field),
        );
      assert.deepEqual(changed, ['email', 'email']);
      assert.equal(
        await w.page.locator('#detail table.after tr.changed td').nth(1).textContent(),
        '"anne@new.org"',
      );
      assert.equal(
        await w.page.locator('#detail table.before tr.changed td').nth(1).textContent(),
        '"a@x.org"',
      );
      assert.equal(
        await w.page.locator('#detail .source').textContent(),
        'table public.customers · lsn 24023240 · txId 556 · snapshot false',
      );
      assert.equal(await w.page.locator('#detail pre.raw').isVisible(), false);
      await w.page.locator('#raw-toggle').click();
      assert.match(
        (await w.page.locator('#detail pre.raw').textContent()) ?? '',
        /"ts_ns": 1559033904900841257/,
      );
      await w.page.locator('.row').nth(4).click();
      assert.match((await w.page.locator('#detail .cdc').textContent()) ?? '', /^Tombstone/);
      await w.page.locator('.row').nth(7).click();
      assert.match(
        (await w.page.locator('#detail .source').textContent()) ?? '',
        /ExtractNewRecordState row/,
      );
    } finally {
      await w.close();
    }
  });

  void it('DLQ view: decoded columns, grouping by exception, stack trace on demand, reveal and Redrive', async () => {
    const w = await panel('dlq', views(dlqRecords, 'dlq'));
    try {
      await until(
        w,
        '3 groups',
        (x) => x.page.locator('.group').count(),
        (v) => v === 3,
      );
      assert.deepEqual(await w.page.locator('.group .group-name').allTextContents(), [
        'org.apache.kafka.connect.errors.DataException',
        'org.apache.kafka.connect.errors.ConnectException',
      ]);
      assert.deepEqual(await w.page.locator('.group .group-count').allTextContents(), ['2', '1']);
      assert.match(
        (await w.page.locator('.row').first().textContent()) ?? '',
        /jdbc-sink-orders.*task 0.*VALUE_CONVERTER.*DataException.*orders\[0\]@17/,
      );
      await w.page.locator('.group', { hasText: 'ConnectException' }).click();
      await countsStart('1 shown')(w);
      await w.page.locator('.row').first().click();
      assert.equal(
        await w.page.locator('#detail tr[data-field="stage"] td').nth(1).textContent(),
        'TRANSFORMATION',
      );
      assert.equal(
        await w.page.locator('#detail tr[data-field="original offset"] td').nth(1).textContent(),
        '19',
      );
      assert.equal(await w.page.locator('#detail pre.stacktrace').isVisible(), false);
      await w.page.locator('#stack-toggle').click();
      assert.match(
        (await w.page.locator('#detail pre.stacktrace').textContent()) ?? '',
        /at org.apache.kafka.connect.runtime.WorkerSinkTask/,
      );
      await w.page.locator('#reveal').click();
      assert.deepEqual(lastOf(await w.sent(), 'reveal')?.body, { connector: 'jdbc-sink-orders', task: 0 });
      assert.equal(await w.page.locator('#open-original').textContent(), 'orders[0]@19');
      await w.page.locator('#open-original').click();
      assert.deepEqual(lastOf(await w.sent(), 'openRecord')?.body, {
        topic: 'orders',
        partition: 0,
        offset: '19',
      });
      // Select via the checkboxes of all shown rows.
      await w.page.locator('.group').first().click();
      await countsStart('3 shown')(w);
      await w.page.locator('.row vscode-checkbox').nth(0).click();
      await w.page.locator('.row vscode-checkbox').nth(1).click();
      await w.page.locator('#redrive').click();
      const ids = lastOf(await w.sent(), 'redrive')?.body.ids;
      assert.equal(ids?.length, 2);
      await w.post({ type: 'redriveResult', body: { sent: 2, failed: 0 } });
      assert.equal(await w.page.locator('#status').textContent(), 'redrive: 2 sent, 0 failed');
    } finally {
      await w.close();
    }
  });

  void it('bad input stays text: non-UTF-8, binary keys and headers, HTML, invalid JSON, huge values with show all', async () => {
    const recs = views(badRecords, 'records');
    const w = await panel('records', recs);
    try {
      await visibleRows(4)(w);
      await w.page.locator('.row').nth(0).click();
      assert.equal(
        await w.page.locator('#detail vscode-collapsible').first().getAttribute('title'),
        'Key · binary · 4 bytes · not UTF-8, shown as base64',
      );
      assert.equal(await w.page.locator('#detail pre.key').textContent(), '//4AAQ==');
      await w.page.locator('.row').nth(1).click();
      assert.equal(await w.page.locator('#detail pre.value').textContent(), recs[1].value.text);
      assert.equal(
        await w.page.evaluate(
          'window.__pwned === undefined && document.querySelectorAll("img, script:not([nonce]), b, i").length === 0',
        ),
        true,
      );
      const headers = await w.page.locator('#detail table.headers').textContent();
      assert.match(headers ?? '', /bingIE= \(binary, base64\)/);
      assert.match(headers ?? '', /nilnull/);
      assert.match(headers ?? '', /<b>h<\/b><i>x<\/i>/);
      await w.page.locator('.row').nth(2).click();
      assert.match(
        (await w.page.locator('#detail vscode-collapsible').nth(1).getAttribute('title')) ?? '',
        /^Value · text · \d+ bytes · invalid JSON$/,
      );
      await w.page.locator('.row').nth(3).click();
      assert.doesNotMatch((await w.page.locator('#detail pre.value').textContent()) ?? '', /TAIL-MARKER/);
      await w.page.locator('#show-all-value').click();
      const ask = lastOf(await w.sent(), 'showAll');
      assert.deepEqual(ask?.body, { id: recs[3].id, which: 'value' });
      await w.post({
        type: 'fullText',
        body: { id: recs[3].id, which: 'value', text: `{"blob":"…","end":"TAIL-MARKER"}` },
      });
      assert.match((await w.page.locator('#detail pre.value').textContent()) ?? '', /TAIL-MARKER/);
      assert.deepEqual(await w.cspViolations(), []);
    } finally {
      await w.close();
    }
  });

  void it("opened at a record (a DLQ entry's original): shows where it starts and selects that record", async () => {
    const recs = views(cdcRecords, 'records');
    const target = recs[2];
    const w = await openWebview(browser, script);
    try {
      await w.post({
        type: 'init',
        body: {
          title: 't',
          topic: target.topic,
          partitions: [0],
          mode: 'records',
          bufferSize: 1000,
          start: { from: 'offset', offset: target.offset },
          focus: { topic: target.topic, partition: target.partition, offset: target.offset },
        },
      });
      assert.equal(await w.page.evaluate("document.getElementById('from').value"), 'offset');
      assert.equal(await w.page.evaluate("document.getElementById('from-arg').value"), target.offset);
      await w.post({ type: 'records', body: { records: recs } });
      await until(
        w,
        'the focused record in the detail',
        (x) => x.page.locator('#detail > div').getAttribute('data-id'),
        (v) => v === String(target.id),
      );
      await until(
        w,
        'the focused row selected',
        (x) => x.page.locator('.row.selected').getAttribute('data-id'),
        (v) => v === String(target.id),
      );
    } finally {
      await w.close();
    }
  });

  void it('keeps a bounded buffer and virtualizes the list', async () => {
    const w = await panel('records', []);
    try {
      await w.post({
        type: 'init',
        body: { title: 't', topic: 't', partitions: [0], mode: 'records', bufferSize: 500 },
      });
      const batch = Array.from({ length: 12 }, () => cdcRecords).flat();
      for (let i = 0; i < 10; i++)
        await w.post({ type: 'records', body: { records: views(batch, 'records') } });
      await until(
        w,
        'bounded counts',
        (x) => x.page.locator('#counts').textContent(),
        (v) => v === '500 shown · 500 buffered · 720 received · 220 evicted',
      );
      const rows = await w.page.locator('.row').count();
      assert.ok(rows < 80, `only visible rows are in the DOM (${rows})`);
    } finally {
      await w.close();
    }
  });
});

void describe('records webview metrics strip', () => {
  const text = (sel: string) => (x: WebviewPage) => x.page.locator(sel).textContent();
  const cell = (key: string) => `#metrics .metric[data-metric="${key}"]`;

  void it('stays hidden until a sample, then shows only the figures present', async () => {
    const w = await panel('records', []);
    try {
      assert.equal(await w.page.locator('#metrics').isHidden(), true);
      await w.post({
        type: 'metrics',
        body: { at: 1, topic: 't', topicRecords: 1234, produceRate: 12.345, receiveRate: 0 },
      });
      await until(w, 'records figure', text(`${cell('records')} .metric-value`), (v) => v === '1,234');
      assert.equal(await w.page.locator('#metrics').isVisible(), true);
      assert.equal(await w.page.locator(`${cell('produce')} .metric-value`).textContent(), '12.3');
      assert.equal(await w.page.locator(`${cell('receive')} .metric-value`).textContent(), '0');
      // Not tied to a connector: no lag, DLQ, tasks or gaps.
      for (const key of ['lag', 'dlq', 'tasks', 'unavailable'])
        assert.equal(await w.page.locator(cell(key)).isHidden(), true, key);
      assert.deepEqual(await w.cspViolations(), []);
    } finally {
      await w.close();
    }
  });

  void it('shows lag, DLQ and task states with their warning states, and updates in place', async () => {
    const w = await panel('records', []);
    try {
      await w.post({
        type: 'metrics',
        body: {
          at: 1,
          topic: 'orders',
          topicRecords: 40,
          produceRate: 5,
          lag: { group: 'connect-sink', total: 7, partitions: 3 },
          dlq: { topic: 'dlq-orders', records: 2 },
          tasks: { connectorState: 'RUNNING', total: 3, running: 2, failed: 1, paused: 0 },
          unavailable: ['lag: partial'],
        },
      });
      await until(
        w,
        'tasks figure',
        text(`${cell('tasks')} .metric-value`),
        (v) => v === '2/3 running · 1 failed',
      );
      const lag = w.page.locator(cell('lag'));
      assert.equal(await lag.locator('.metric-value').textContent(), '7');
      assert.equal(await lag.getAttribute('data-state'), 'behind');
      assert.match((await lag.getAttribute('title')) ?? '', /connect-sink over 3 partition/);
      assert.equal(await w.page.locator(cell('dlq')).getAttribute('data-state'), 'warn');
      assert.equal(await w.page.locator(cell('tasks')).getAttribute('data-state'), 'failed');
      assert.equal(await w.page.locator(cell('unavailable')).getAttribute('title'), 'lag: partial');
      // The same value nodes are rewritten (no rebuild); caught-up lag and healthy tasks lose their state.
      await lag
        .locator('.metric-value')
        .evaluate((el: { setAttribute(k: string, v: string): void }) => el.setAttribute('data-probe', '1'));
      await w.post({
        type: 'metrics',
        body: {
          at: 2,
          topic: 'orders',
          topicRecords: 47,
          lag: { group: 'connect-sink', total: 0, partitions: 3 },
          tasks: { connectorState: 'RUNNING', total: 3, running: 3, failed: 0, paused: 0 },
        },
      });
      await until(w, 'lag caught up', text(`${cell('lag')} .metric-value`), (v) => v === '0');
      assert.equal(await lag.locator('.metric-value').getAttribute('data-probe'), '1');
      assert.equal(await lag.getAttribute('data-state'), null);
      assert.equal(await w.page.locator(cell('tasks')).getAttribute('data-state'), null);
      for (const key of ['dlq', 'produce', 'unavailable'])
        assert.equal(await w.page.locator(cell(key)).isHidden(), true, key);
      assert.deepEqual(await w.cspViolations(), []);
    } finally {
      await w.close();
    }
  });

  void it("shows the runtime endpoint's figures, and hides them (no gap, no error) when a sample has none", async () => {
    const w = await panel('records', []);
    const workerCells = ['task-rate', 'task-total', 'batch-ms', 'errors'];
    try {
      const base = { at: 1, topic: 'orders', topicRecords: 40 };
      await w.post({
        type: 'metrics',
        body: {
          ...base,
          worker: {
            type: 'sink',
            rate: 33.35,
            total: 1500,
            batchMs: 2.5,
            errors: 2,
            skipped: 2,
            dlqSent: 2,
            tasks: 1,
          },
        },
      });
      await until(w, 'put rate', text(`${cell('task-rate')} .metric-value`), (v) => v === '33.4');
      const rate = w.page.locator(cell('task-rate'));
      assert.equal(await rate.locator('.muted').textContent(), 'put/s');
      assert.match((await rate.getAttribute('title')) ?? '', /sink-record-send-rate/);
      assert.equal(await w.page.locator(`${cell('task-total')} .metric-value`).textContent(), '1,500');
      assert.equal(await w.page.locator(`${cell('task-total')} .muted`).textContent(), 'put');
      assert.equal(await w.page.locator(`${cell('batch-ms')} .metric-value`).textContent(), '2.5');
      const errors = w.page.locator(cell('errors'));
      assert.equal(await errors.locator('.metric-value').textContent(), '2');
      assert.equal(await errors.getAttribute('data-state'), 'warn');
      assert.match((await errors.getAttribute('title')) ?? '', /deadletterqueue-produce-requests 2/);
      // A source connector's figures are labelled as written records.
      await w.post({
        type: 'metrics',
        body: {
          ...base,
          at: 2,
          worker: { type: 'source', rate: 0, total: 9, errors: 0, skipped: 0, dlqSent: 0, tasks: 1 },
        },
      });
      await until(w, 'source label', text(`${cell('task-rate')} .muted`), (v) => v === 'written/s');
      assert.equal(await w.page.locator(cell('batch-ms')).isHidden(), true);
      assert.equal(await errors.getAttribute('data-state'), null);
      // A cluster without the endpoint (real Connect answers 404): the host sends no `worker` figures.
      await w.post({ type: 'metrics', body: { ...base, at: 3, topicRecords: 41 } });
      await until(w, 'next sample', text(`${cell('records')} .metric-value`), (v) => v === '41');
      for (const key of workerCells) assert.equal(await w.page.locator(cell(key)).isHidden(), true, key);
      assert.equal(await w.page.locator(cell('unavailable')).isHidden(), true);
      assert.equal(await w.page.locator('#metrics').isVisible(), true);
      assert.deepEqual(await w.cspViolations(), []);
    } finally {
      await w.close();
    }
  });
});
