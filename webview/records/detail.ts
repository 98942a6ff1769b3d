/** The selected record: key/value/headers, the CDC before/after diff and the DLQ columns. */
import type {
  CdcView,
  PayloadView,
  RecordRef,
  RecordView,
  RecordsMode,
} from '../../protocol/webview/records';
import { button, h } from './dom';

export interface DetailActions {
  full(which: 'key' | 'value'): string | undefined;
  showAll(which: 'key' | 'value'): void;
  copy(text: string): void;
  reveal(connector: string, task?: number): void;
  openRecord(ref: RecordRef): void;
}

const OP_NAMES: Record<string, string> = {
  c: 'create',
  u: 'update',
  d: 'delete',
  r: 'read (snapshot)',
  t: 'truncate',
  m: 'message',
};

function collapsible(title: string, open: boolean, ...body: Node[]): HTMLElement {
  const c = document.createElement('vscode-collapsible');
  c.setAttribute('title', title);
  if (open) c.setAttribute('open', '');
  c.append(...body);
  return c;
}

function payload(which: 'key' | 'value', p: PayloadView, actions: DetailActions): HTMLElement {
  const full = actions.full(which);
  const flags: string[] = [p.kind, `${p.bytes} bytes`];
  if (p.envelope) flags.push('JsonConverter envelope unwrapped');
  if (p.kind === 'binary') flags.push('not UTF-8, shown as base64');
  if (p.invalidJson) flags.push('invalid JSON');
  const pre = h('pre', { class: `payload ${which}` }, p.kind === 'null' ? 'null' : (full ?? p.text));
  pre.dataset.which = which;
  const more =
    p.truncated && full === undefined
      ? button(`Show all (${p.bytes} bytes)`, () => actions.showAll(which), {
          secondary: true,
          id: `show-all-${which}`,
        })
      : null;
  return collapsible(
    `${which === 'key' ? 'Key' : 'Value'} · ${flags.join(' · ')}`,
    true,
    pre,
    ...(more ? [more] : []),
  );
}

function fieldsTable(
  side: 'before' | 'after',
  fields: Array<[string, string]> | null,
  changed: Set<string>,
): HTMLElement {
  const t = h('table', { class: `fields ${side}` });
  if (!fields) {
    t.append(h('tr', {}, h('td', { class: 'muted' }, 'null')));
    return t;
  }
  for (const [k, v] of fields) {
    const tr = h(
      'tr',
      { class: changed.has(k) ? 'changed' : '', data: { field: k } },
      h('td', {}, k),
      h('td', {}, v),
    );
    t.append(tr);
  }
  return t;
}

function cdcSection(r: RecordView, cdc: CdcView): HTMLElement {
  if (cdc.tombstone) {
    return h(
      'div',
      { class: 'cdc' },
      h('h4', {}, 'Tombstone'),
      h('div', { class: 'muted' }, 'Value is null: compaction removes this key.'),
    );
  }
  const changed = new Set(cdc.changed);
  const src = cdc.source;
  const meta = [
    src.table && `table ${src.table}`,
    src.lsn && `lsn ${src.lsn}`,
    src.txId && `txId ${src.txId}`,
    src.snapshot && `snapshot ${src.snapshot}`,
    cdc.flattened && 'ExtractNewRecordState row',
  ].filter((x): x is string => !!x);
  const raw = h('pre', { class: 'raw' });
  raw.hidden = true;
  raw.textContent = r.value.text;
  const toggle = button('Raw envelope', () => (raw.hidden = !raw.hidden), {
    secondary: true,
    id: 'raw-toggle',
  });
  return h(
    'div',
    { class: 'cdc' },
    h(
      'h4',
      {},
      h('span', { class: `badge op-${cdc.op ?? 'x'}` }, cdc.op ?? '?'),
      ' ',
      OP_NAMES[cdc.op ?? ''] ?? 'unknown op',
    ),
    h('div', { class: 'muted source' }, meta.join(' · ')),
    h(
      'div',
      { class: 'sides' },
      h('div', {}, h('h4', {}, 'before'), fieldsTable('before', cdc.before, changed)),
      h('div', {}, h('h4', {}, 'after'), fieldsTable('after', cdc.after, changed)),
    ),
    toggle,
    raw,
  );
}

function dlqSection(r: RecordView, actions: DetailActions): HTMLElement | null {
  const d = r.dlq;
  if (!d) return null;
  const rows: Array<[string, string | undefined]> = [
    ['connector', d.connector],
    ['task', d.task],
    ['stage', d.stage],
    ['class', d.className],
    ['exception', d.exceptionClass],
    ['message', d.exceptionMessage],
    ['original topic', d.topic],
    ['original partition', d.partition],
    ['original offset', d.offset],
  ];
  const t = h('table', { class: 'fields dlq' });
  for (const [k, v] of rows)
    if (v !== undefined) t.append(h('tr', { data: { field: k } }, h('td', {}, k), h('td', {}, v)));
  const stack = h('pre', { class: 'stacktrace' });
  stack.hidden = true;
  const out = h('div', { class: 'dlq' }, h('h4', {}, 'Error context'), t);
  if (d.connector) {
    const task = d.task !== undefined && /^\d+$/.test(d.task) ? Number(d.task) : undefined;
    const link = h(
      'span',
      { class: 'link', title: 'Reveal in the Clusters tree' },
      `${d.connector}${task === undefined ? '' : ` task ${task}`}`,
    );
    link.id = 'reveal';
    link.addEventListener('click', () => actions.reveal(d.connector!, task));
    out.append(h('div', {}, 'Failing: ', link));
  }
  if (d.topic && d.partition !== undefined && /^\d+$/.test(d.partition) && /^\d+$/.test(d.offset ?? '')) {
    const ref: RecordRef = { topic: d.topic, partition: Number(d.partition), offset: d.offset! };
    const link = h(
      'span',
      { class: 'link', title: 'Open the original record in a Records panel at its offset' },
      `${ref.topic}[${ref.partition}]@${ref.offset}`,
    );
    link.id = 'open-original';
    link.addEventListener('click', () => actions.openRecord(ref));
    out.append(h('div', {}, 'Original record: ', link));
  }
  if (d.stacktrace) {
    out.append(
      button(
        'Stack trace',
        () => {
          // Filled on demand: traces are long and most records are never opened.
          if (stack.textContent === '') stack.textContent = d.stacktrace ?? '';
          stack.hidden = !stack.hidden;
        },
        { secondary: true, id: 'stack-toggle' },
      ),
      stack,
    );
  }
  return out;
}

export function renderDetail(r: RecordView, mode: RecordsMode, actions: DetailActions): HTMLElement {
  const headers = h('table', { class: 'fields headers' });
  for (const hd of r.headers) {
    headers.append(
      h(
        'tr',
        {},
        h('td', {}, hd.key),
        h(
          'td',
          {},
          hd.value === null ? 'null' : hd.value,
          hd.binary ? h('span', { class: 'flag' }, ' (binary, base64)') : null,
        ),
      ),
    );
  }
  const copy = () =>
    actions.copy(
      JSON.stringify(
        {
          topic: r.topic,
          partition: r.partition,
          offset: r.offset,
          timestamp: r.timestamp,
          key: actions.full('key') ?? r.key.text,
          value: actions.full('value') ?? r.value.text,
          headers: r.headers,
        },
        null,
        2,
      ),
    );
  return h(
    'div',
    { data: { id: String(r.id) } },
    h(
      'div',
      { class: 'toolbar' },
      h(
        'span',
        {},
        `${r.topic} · partition ${r.partition} · offset ${r.offset} · ${new Date(Number(r.timestamp)).toISOString()}`,
      ),
      button('Copy record', copy, { secondary: true, id: 'copy' }),
    ),
    mode === 'dlq' ? dlqSection(r, actions) : null,
    r.cdc && mode !== 'dlq' ? cdcSection(r, r.cdc) : null,
    payload('key', r.key, actions),
    payload('value', r.value, actions),
    r.headers.length > 0 ? collapsible(`Headers (${r.headers.length})`, mode === 'records', headers) : null,
  );
}
