/**
 * Records panel: live records, the CDC view of Debezium envelopes and the DLQ view. State lives
 * here; the host only streams decoded records (see protocol/webview/records.ts).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import type { DlqGroup } from '../../protocol/webview/record-filter';
import { RingBuffer, groupByException, matchesFilter } from '../../protocol/webview/record-filter';
import type {
  RecordRef,
  RecordView,
  RecordsMode,
  RecordsNotifications,
  StartFrom,
} from '../../protocol/webview/records';
import { onMessage, send } from './comms';
import { renderDetail } from './detail';
import { button, h } from './dom';
import { MetricsStrip } from './metrics-strip';
import { css } from './styles';
import { VirtualList } from './virtual-list';

const ROW = 22;

const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const state = {
  init: undefined as RecordsNotifications['init'] | undefined,
  mode: 'records' as RecordsMode,
  buffer: new RingBuffer<RecordView>(100_000),
  shown: [] as RecordView[],
  filter: '',
  group: undefined as string | undefined,
  selected: undefined as RecordView | undefined,
  checked: new Set<number>(),
  paused: false,
  received: 0,
  full: new Map<string, string>(),
  /** A record to select when it arrives (the panel was opened at it). */
  focus: undefined as RecordRef | undefined,
};

// ---- layout -------------------------------------------------------------------------------
const textfield = (placeholder: string, id: string) => {
  const t = document.createElement('vscode-textfield');
  t.setAttribute('placeholder', placeholder);
  t.id = id;
  return t;
};
const select = (id: string, options: Array<[string, string]>) => {
  const s = document.createElement('vscode-single-select');
  s.id = id;
  for (const [value, label] of options) {
    const o = document.createElement('vscode-option');
    o.setAttribute('value', value);
    o.textContent = label;
    s.append(o);
  }
  return s;
};
const valueOf = (el: HTMLElement) => (el as HTMLElement & { value: string }).value ?? '';

const fromSelect = select('from', [
  ['beginning', 'From beginning'],
  ['latest', 'Latest'],
  ['offset', 'From offset'],
  ['timestamp', 'From timestamp'],
]);
const fromArg = textfield('offset or ISO time', 'from-arg');
const partitionsField = textfield('partitions (all)', 'partitions');
const modeSelect = select('mode', [
  ['records', 'Records'],
  ['cdc', 'CDC'],
  ['dlq', 'DLQ'],
]);
const filterField = textfield('Filter key, value, headers', 'filter');
const pauseButton = button('Pause', () => togglePause(), { secondary: true, id: 'pause' });
const status = h('span', { class: 'status' });
const counts = h('span', { class: 'muted' });
counts.id = 'counts';
status.id = 'status';
const redriveButton = button('Redrive selected', () => redrive(), { id: 'redrive' });
const toolbar = h(
  'div',
  { class: 'toolbar' },
  fromSelect,
  fromArg,
  partitionsField,
  button('Start', () => start(), { id: 'start' }),
  pauseButton,
  modeSelect,
  filterField,
  button('Export shown', () => exportShown(), { secondary: true, id: 'export' }),
  redriveButton,
  counts,
  status,
);
const groups = h('div', { class: 'groups' });
groups.id = 'groups';
const list = h('div', { class: 'list' });
list.id = 'list';
const detail = h('div', { class: 'detail' });
detail.id = 'detail';
const metrics = new MetricsStrip();
const app = h('div', {}, toolbar, metrics.el, h('div', { class: 'main' }, groups, list), detail);
app.id = 'app';
document.body.append(app);

// ---- data flow ----------------------------------------------------------------------------
/** The DLQ group list needs rebuilding at the next render. */
let groupsDirty = true;

function visible(r: RecordView): boolean {
  if (state.mode === 'cdc' && !r.cdc) return false;
  if (state.mode === 'dlq' && state.group !== undefined) {
    if ((r.dlq?.exceptionClass ?? '(no exception header)') !== state.group) return false;
  }
  return matchesFilter(r, state.filter);
}

function focusOn(batch: RecordView[], ref: RecordRef): void {
  const hit = batch.find(
    (r) => r.topic === ref.topic && r.partition === ref.partition && r.offset === ref.offset,
  );
  if (!hit) return;
  state.focus = undefined;
  state.selected = hit;
  // Stop following the tail so the record stays in view; the user scrolls or restarts to follow.
  queueMicrotask(() => {
    const i = state.shown.indexOf(hit);
    if (i >= 0) rows.reveal(i);
    rows.refresh();
  });
  showDetail();
}

function refilter(): void {
  state.shown = state.buffer.toArray().filter(visible);
  rows.setItems(state.shown);
  groupsDirty = true;
}

function addRecords(batch: RecordView[]): void {
  state.received += batch.length;
  state.buffer.push(batch);
  if (state.focus) focusOn(batch, state.focus);
  for (const r of batch) if (visible(r)) state.shown.push(r);
  // Drop shown records the bounded buffer has evicted (ids increase monotonically).
  const oldest = state.buffer.length > 0 ? state.buffer.at(0).id : Infinity;
  let cut = 0;
  while (cut < state.shown.length && state.shown[cut].id < oldest) cut++;
  if (cut > 0) state.shown.splice(0, cut);
  groupsDirty ||= state.mode === 'dlq';
  rows.changed();
}

// ---- virtualized list ---------------------------------------------------------------------
const rows = new VirtualList<RecordView>({
  list,
  rowHeight: ROW,
  key: (r) => `${r.id}:${state.mode}`,
  fill: (row, r) => fillRow(row, r),
  afterRender: (shown) => {
    for (const { el, item } of shown) el.classList.toggle('selected', state.selected?.id === item.id);
    counts.textContent =
      `${state.shown.length} shown · ${state.buffer.length} buffered · ${state.received} received` +
      (state.buffer.evicted > 0 ? ` · ${state.buffer.evicted} evicted` : '');
    if (groupsDirty) renderGroups();
    groupsDirty = false;
  },
});
rows.spacer.addEventListener('click', (e) => {
  const el = (e.target as HTMLElement).closest<HTMLElement>('.row');
  const r = el ? rows.itemOf(el) : undefined;
  if (!r) return;
  state.selected = r;
  rows.refresh();
  showDetail();
});

function snippet(s: string): string {
  return s.length > 200 ? s.slice(0, 200).replace(/\s+/g, ' ') : s.replace(/\s+/g, ' ');
}

function opBadge(r: RecordView): HTMLElement | null {
  if (!r.cdc) return null;
  if (r.cdc.tombstone) return h('span', { class: 'badge op-tombstone', title: 'tombstone' }, 'tombstone');
  const op = r.cdc.op ?? '?';
  return h('span', { class: `badge op-${op}`, data: { op } }, op);
}

function fillRow(row: HTMLElement, r: RecordView): void {
  row.dataset.id = String(r.id);
  const cells: Array<Node | null> = [];
  if (state.mode === 'dlq') {
    const box = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
    box.checked = state.checked.has(r.id);
    box.className = 'cell pick';
    box.addEventListener('click', (e) => e.stopPropagation());
    box.addEventListener('change', () =>
      box.checked ? state.checked.add(r.id) : state.checked.delete(r.id),
    );
    const d = r.dlq ?? {};
    cells.push(
      box,
      h('span', { class: 'cell' }, d.connector ?? '—'),
      h('span', { class: 'cell muted' }, `task ${d.task ?? '?'}`),
      h('span', { class: 'cell' }, d.stage ?? ''),
      h('span', { class: 'cell' }, (d.exceptionClass ?? '').split('.').pop() ?? ''),
      h(
        'span',
        { class: 'cell muted' },
        d.topic ? `${d.topic}[${d.partition ?? '?'}]@${d.offset ?? '?'}` : '',
      ),
      h('span', { class: 'cell grow' }, snippet(d.exceptionMessage ?? '')),
    );
  } else {
    cells.push(
      h('span', { class: 'cell muted' }, `${r.partition}:${r.offset}`),
      h('span', { class: 'cell muted' }, new Date(Number(r.timestamp)).toISOString()),
      opBadge(r),
    );
    if (state.mode === 'cdc' && r.cdc?.source.table)
      cells.push(h('span', { class: 'cell' }, r.cdc.source.table));
    cells.push(
      h('span', { class: 'cell' }, r.key.kind === 'null' ? '∅' : snippet(r.key.text).slice(0, 60)),
      h('span', { class: 'cell grow' }, r.value.kind === 'null' ? 'null (tombstone)' : snippet(r.value.text)),
    );
  }
  row.replaceChildren(...cells.filter((c): c is Node => c !== null));
}

function showDetail(): void {
  if (!state.selected) {
    detail.replaceChildren();
    return;
  }
  const r = state.selected;
  detail.replaceChildren(
    renderDetail(r, state.mode, {
      full: (which) => state.full.get(`${r.id}:${which}`),
      showAll: (which) => send({ type: 'showAll', body: { id: r.id, which } }),
      copy: (text) => send({ type: 'copy', body: { text } }),
      reveal: (connector, task) => send({ type: 'reveal', body: { connector, task } }),
      openRecord: (ref) => send({ type: 'openRecord', body: ref }),
    }),
  );
}

// ---- DLQ groups ---------------------------------------------------------------------------
function renderGroups(): void {
  if (state.mode !== 'dlq') {
    groups.replaceChildren();
    return;
  }
  const all: DlqGroup[] = groupByException(
    state.buffer.toArray().filter((r) => matchesFilter(r, state.filter)),
  );
  groups.replaceChildren(
    h(
      'div',
      { class: `group${state.group === undefined ? ' active' : ''}`, data: { group: '' } },
      `All (${state.buffer.length})`,
    ),
    ...all.map((g) =>
      h(
        'div',
        {
          class: `group${state.group === g.exceptionClass ? ' active' : ''}`,
          title: g.message,
          data: { group: g.exceptionClass },
        },
        h('span', { class: 'group-name' }, g.exceptionClass),
        ' ',
        h('span', { class: 'badge op-r group-count' }, String(g.ids.length)),
      ),
    ),
  );
}
groups.addEventListener('click', (e) => {
  const el = (e.target as HTMLElement).closest<HTMLElement>('.group');
  if (!el) return;
  state.group = el.dataset.group === '' ? undefined : el.dataset.group;
  refilter();
});

// ---- commands -----------------------------------------------------------------------------
function start(): void {
  const from = valueOf(fromSelect);
  const arg = valueOf(fromArg).trim();
  let startFrom: StartFrom;
  if (from === 'offset') startFrom = { from: 'offset', offset: /^\d+$/.test(arg) ? arg : '0' };
  else if (from === 'timestamp') {
    const t = /^\d+$/.test(arg) ? Number(arg) : Date.parse(arg);
    startFrom = { from: 'timestamp', timestamp: Number.isFinite(t) ? t : Date.now() };
  } else startFrom = { from: from === 'latest' ? 'latest' : 'beginning' };
  const parts = valueOf(partitionsField)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
  state.buffer.clear();
  state.buffer.evicted = 0;
  state.shown = [];
  state.received = 0;
  state.selected = undefined;
  state.checked.clear();
  showDetail();
  send({ type: 'start', body: { start: startFrom, partitions: parts.length > 0 ? parts : null } });
  rows.setItems(state.shown);
}

function togglePause(): void {
  state.paused = !state.paused;
  rows.tailing = !state.paused;
  pauseButton.textContent = state.paused ? 'Resume' : 'Pause';
  send({ type: state.paused ? 'pause' : 'resume', body: {} });
}

function exportShown(): void {
  const json = JSON.stringify(state.shown, null, 2);
  send({ type: 'export', body: { json, count: state.shown.length } });
}

function redrive(): void {
  const ids = state.checked.size > 0 ? [...state.checked] : state.selected ? [state.selected.id] : [];
  send({ type: 'redrive', body: { ids } });
}

function setMode(mode: RecordsMode): void {
  state.mode = mode;
  (modeSelect as HTMLElement & { value: string }).value = mode;
  redriveButton.hidden = mode !== 'dlq';
  state.group = undefined;
  refilter();
  showDetail();
}

modeSelect.addEventListener('change', () => setMode(valueOf(modeSelect) as RecordsMode));
let filterTimer: ReturnType<typeof setTimeout> | undefined;
filterField.addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    state.filter = valueOf(filterField);
    refilter();
  }, 80);
});

// ---- host messages ------------------------------------------------------------------------
onMessage((m) => {
  switch (m.type) {
    case 'init':
      state.init = m.body;
      state.buffer.capacity = m.body.bufferSize;
      state.focus = m.body.focus;
      if (m.body.start?.from === 'offset') {
        (fromSelect as HTMLElement & { value: string }).value = 'offset';
        (fromArg as HTMLElement & { value: string }).value = m.body.start.offset;
        if (m.body.focus)
          (partitionsField as HTMLElement & { value: string }).value = String(m.body.focus.partition);
      }
      document.title = m.body.title;
      setMode(m.body.mode);
      break;
    case 'records':
      addRecords(m.body.records);
      break;
    case 'status':
      status.textContent = m.body.state + (m.body.message ? `: ${m.body.message}` : '');
      status.dataset.state = m.body.state;
      break;
    case 'fullText':
      state.full.set(`${m.body.id}:${m.body.which}`, m.body.text);
      if (state.selected?.id === m.body.id) showDetail();
      break;
    case 'redriveResult':
      status.textContent = `redrive: ${m.body.sent} sent, ${m.body.failed} failed${m.body.message ? ` (${m.body.message})` : ''}`;
      status.dataset.state = 'redrive';
      break;
    case 'metrics':
      metrics.update(m.body);
      break;
  }
});
redriveButton.hidden = true;
send({ type: 'ready', body: {} });
