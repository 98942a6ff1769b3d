/**
 * The metrics strip above the records: a fixed set of cells built once; a `metrics` message only
 * rewrites the text of cells whose figure changed, in one animation frame, and toggles `hidden`
 * for figures the host could not read (a panel not tied to a connector has no lag, DLQ or tasks;
 * the strip stays hidden until the first sample). Values have a fixed minimum width with tabular
 * digits so a changing number does not move its neighbours.
 */
import type { MetricsView } from '../../protocol/webview/records-metrics';
import { formatFigure } from '../../protocol/webview/records-metrics';
import { h } from './dom';

type Key =
  | 'records'
  | 'produce'
  | 'receive'
  | 'lag'
  | 'dlq'
  | 'tasks'
  | 'task-rate'
  | 'task-total'
  | 'batch-ms'
  | 'errors'
  | 'unavailable';

interface Cell {
  el: HTMLElement;
  value: HTMLElement;
  text: string;
}

const LABELS: Record<Key, string> = {
  records: 'records',
  produce: 'in/s',
  receive: 'read/s',
  lag: 'lag',
  dlq: 'DLQ',
  tasks: 'tasks',
  'task-rate': 'written/s',
  'task-total': 'written',
  'batch-ms': 'batch ms',
  errors: 'errors',
  unavailable: 'unavailable',
};

export class MetricsStrip {
  readonly el: HTMLElement;
  private readonly cells = new Map<Key, Cell>();
  private pending: MetricsView | undefined;
  private frame = 0;

  constructor() {
    this.el = h('div', { class: 'metrics' });
    this.el.id = 'metrics';
    this.el.hidden = true;
    for (const key of Object.keys(LABELS) as Key[]) {
      const value = h('span', { class: 'metric-value' });
      const el = h(
        'span',
        { class: 'metric', data: { metric: key } },
        h('span', { class: 'muted' }, LABELS[key]),
        ' ',
        value,
      );
      el.hidden = true;
      this.cells.set(key, { el, value, text: '' });
      this.el.append(el);
    }
  }

  /** Takes a sample; the DOM is written at the next frame (later samples replace earlier ones). */
  update(view: MetricsView): void {
    this.pending = view;
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      if (this.pending) this.render(this.pending);
      this.pending = undefined;
    });
  }

  private set(key: Key, text: string | undefined, title?: string, state?: string, label?: string): void {
    const c = this.cells.get(key)!;
    if (label !== undefined) {
      const l = c.el.firstElementChild as HTMLElement;
      if (l.textContent !== label) l.textContent = label;
    }
    const hidden = text === undefined;
    if (c.el.hidden !== hidden) c.el.hidden = hidden;
    if (hidden) return;
    if (c.text !== text) {
      c.value.textContent = text;
      c.text = text;
    }
    if (title !== undefined && c.el.title !== title) c.el.title = title;
    if ((c.el.dataset.state ?? '') !== (state ?? '')) {
      if (state) c.el.dataset.state = state;
      else delete c.el.dataset.state;
    }
  }

  private render(v: MetricsView): void {
    const fig = (n: number | undefined) => (n === undefined ? undefined : formatFigure(n));
    this.set('records', fig(v.topicRecords), `records in ${v.topic} (end − start offsets)`);
    this.set('produce', fig(v.produceRate), `records appended to ${v.topic} per second`);
    this.set('receive', fig(v.receiveRate), 'records this panel received per second');
    this.set(
      'lag',
      fig(v.lag?.total),
      v.lag ? `consumer lag of ${v.lag.group} over ${v.lag.partitions} partition(s)` : undefined,
      v.lag && v.lag.total > 0 ? 'behind' : undefined,
    );
    this.set(
      'dlq',
      fig(v.dlq?.records),
      v.dlq ? `records in the dead letter queue ${v.dlq.topic}` : undefined,
      v.dlq && v.dlq.records > 0 ? 'warn' : undefined,
    );
    const t = v.tasks;
    this.set(
      'tasks',
      t
        ? `${t.running}/${t.total} running` +
            (t.failed > 0 ? ` · ${t.failed} failed` : '') +
            (t.paused > 0 ? ` · ${t.paused} paused` : '')
        : undefined,
      t ? `connector ${t.connectorState}` : undefined,
      t && (t.failed > 0 || t.connectorState === 'FAILED') ? 'failed' : undefined,
    );
    // The runtime's metrics endpoint (absent on clusters without it: these cells stay hidden).
    const w = v.worker;
    const verb = w?.type === 'sink' ? 'put' : 'written';
    const stage = w?.type === 'sink' ? 'put()' : 'poll()';
    this.set(
      'task-rate',
      fig(w?.rate),
      w
        ? `${w.type === 'sink' ? 'sink-record-send-rate' : 'source-record-write-rate'} over ${w.tasks} task(s): records ${verb} per second (Connect's 2 × 30 s window)`
        : undefined,
      undefined,
      `${verb}/s`,
    );
    this.set(
      'task-total',
      fig(w?.total),
      w
        ? `${w.type === 'sink' ? 'sink-record-send-total' : 'source-record-write-total'}: records ${verb} by the connector's tasks`
        : undefined,
      undefined,
      verb,
    );
    this.set(
      'batch-ms',
      w?.batchMs === undefined ? undefined : formatFigure(w.batchMs),
      w
        ? `average ${stage} batch time in ms (${w.type === 'sink' ? 'put' : 'poll'}-batch-avg-time-ms)`
        : undefined,
    );
    this.set(
      'errors',
      fig(w?.errors),
      w
        ? `task-error-metrics: total-record-errors ${w.errors}, total-records-skipped ${w.skipped}, deadletterqueue-produce-requests ${w.dlqSent}`
        : undefined,
      w && w.errors > 0 ? 'warn' : undefined,
    );
    const gaps = v.unavailable ?? [];
    this.set('unavailable', gaps.length > 0 ? String(gaps.length) : undefined, gaps.join('\n'));
    if (this.el.hidden) this.el.hidden = false;
  }
}
