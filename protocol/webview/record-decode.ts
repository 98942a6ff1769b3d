/**
 * Turns a consumed Kafka record (raw bytes) into what the Records panel shows. Runs on the host;
 * pure so unit tests cover it without a browser. Nothing here produces HTML.
 */
import type { JsonNode } from './json-text';
import { compactJson, field, parseJsonText, prettyJson, scalarText } from './json-text';
import type { CdcOp, CdcView, DlqView, HeaderView, PayloadView, RecordView, RecordsMode } from './records';

// protocol/ has no DOM or Node typings; TextDecoder exists in both browsers and Node.
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean },
) => { decode(b: Uint8Array): string };

export interface RawRecord {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: Array<[string, Uint8Array | null]>;
}

/** Display limit per key/value, in characters; the rest comes with "show all". */
export const DEFAULT_DISPLAY_LIMIT = 16 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

export function utf8OrUndefined(b: Uint8Array): string | undefined {
  try {
    return utf8.decode(b);
  } catch {
    return undefined;
  }
}

export interface DecodedPayload {
  view: PayloadView;
  /** The parsed JSON (envelope payload when unwrapped), for CDC extraction. */
  node?: JsonNode;
  /** Untruncated display text, for "show all". */
  full: string;
}

/** JsonConverter envelope: exactly `{schema, payload}` (spec §4). */
function unwrapEnvelope(n: JsonNode): JsonNode | undefined {
  if (n.k !== 'obj' || n.v.length !== 2) return undefined;
  const keys = n.v.map(([k]) => k).sort();
  return keys[0] === 'payload' && keys[1] === 'schema' ? field(n, 'payload') : undefined;
}

export function decodePayload(bytes: Uint8Array | null, limit = DEFAULT_DISPLAY_LIMIT): DecodedPayload {
  if (bytes === null) return { view: { kind: 'null', text: '', bytes: 0, truncated: false }, full: '' };
  const text = utf8OrUndefined(bytes);
  let view: PayloadView;
  let node: JsonNode | undefined;
  let full: string;
  if (text === undefined) {
    full = base64(bytes);
    view = { kind: 'binary', text: full, bytes: bytes.length, truncated: false };
  } else {
    const parsed = text.trim() === '' ? undefined : parseJsonText(text);
    if (parsed) {
      const inner = unwrapEnvelope(parsed);
      node = inner ?? parsed;
      full = prettyJson(node);
      view = { kind: 'json', text: full, bytes: bytes.length, truncated: false };
      if (inner) view.envelope = true;
    } else {
      full = text;
      view = { kind: 'text', text, bytes: bytes.length, truncated: false };
      if (/^\s*[[{]/.test(text)) view.invalidJson = true;
    }
  }
  if (view.text.length > limit) {
    view.text = view.text.slice(0, limit);
    view.truncated = true;
  }
  return { view, node, full };
}

export function decodeHeader(key: string, value: Uint8Array | null): HeaderView {
  if (value === null) return { key, value: null, binary: false };
  const text = utf8OrUndefined(value);
  return text === undefined
    ? { key, value: base64(value), binary: true }
    : { key, value: text, binary: false };
}

const OPS: readonly string[] = ['c', 'u', 'd', 'r', 't', 'm'];

function fieldsOf(n: JsonNode | undefined): Array<[string, string]> | null {
  return n?.k === 'obj' ? n.v.map(([k, v]) => [k, compactJson(v)]) : null;
}

/** Fields present on both sides whose exact JSON text differs, plus fields only on one side. */
export function changedFields(
  before: Array<[string, string]> | null,
  after: Array<[string, string]> | null,
): string[] {
  if (!before || !after) return [];
  const b = new Map(before);
  const a = new Map(after);
  const names = [...new Set([...b.keys(), ...a.keys()])];
  return names.filter((k) => b.get(k) !== a.get(k));
}

/**
 * Debezium change event (spec §6.3) or ExtractNewRecordState output (§6.10); undefined when the
 * value is neither. `headers` lets `__op` added by `add.headers` name the op of a flat row.
 */
export function cdcOf(
  value: JsonNode | undefined,
  isNull: boolean,
  headers: HeaderView[],
): CdcView | undefined {
  if (isNull) {
    return {
      op: null,
      before: null,
      after: null,
      changed: [],
      source: {},
      flattened: false,
      tombstone: true,
    };
  }
  if (value?.k !== 'obj') return undefined;
  const op = scalarText(field(value, 'op'));
  const source = field(value, 'source');
  const hasSide = field(value, 'before') !== undefined || field(value, 'after') !== undefined;
  if (op !== undefined && OPS.includes(op) && hasSide) {
    const before = fieldsOf(field(value, 'before'));
    const after = fieldsOf(field(value, 'after'));
    const schema = scalarText(field(source, 'schema'));
    const table = scalarText(field(source, 'table'));
    return {
      op: op as CdcOp,
      before,
      after,
      changed: changedFields(before, after),
      source: {
        table: table === undefined ? undefined : schema === undefined ? table : `${schema}.${table}`,
        lsn: scalarText(field(source, 'lsn')),
        txId: scalarText(field(source, 'txId')),
        snapshot: scalarText(field(source, 'snapshot')),
        db: scalarText(field(source, 'db')),
        connector: scalarText(field(source, 'name')),
      },
      flattened: false,
      tombstone: false,
    };
  }
  // ExtractNewRecordState: the row itself, maybe with __op/__deleted/__table… added.
  const headerOp = headers.find((h) => h.key === '__op')?.value ?? undefined;
  const flatOp = scalarText(field(value, '__op')) ?? headerOp;
  const deleted = scalarText(field(value, '__deleted'));
  const row = fieldsOf(value) ?? [];
  const resolved = deleted === 'true' ? 'd' : flatOp;
  const schema = scalarText(field(value, '__schema'));
  const table = scalarText(field(value, '__table'));
  return {
    op: resolved !== undefined && OPS.includes(resolved) ? (resolved as CdcOp) : null,
    before: resolved === 'd' ? row : null,
    after: resolved === 'd' ? null : row,
    changed: [],
    source: {
      table: table === undefined ? undefined : schema === undefined ? table : `${schema}.${table}`,
      lsn: scalarText(field(value, '__lsn')),
      txId: scalarText(field(value, '__txId')),
      snapshot: scalarText(field(value, '__snapshot')),
    },
    flattened: true,
    tombstone: false,
  };
}

export const DLQ_HEADER_PREFIX = '__connect.errors.';

const DLQ_FIELDS: Record<string, keyof DlqView> = {
  topic: 'topic',
  partition: 'partition',
  offset: 'offset',
  'connector.name': 'connector',
  'task.id': 'task',
  stage: 'stage',
  'class.name': 'className',
  'exception.class.name': 'exceptionClass',
  'exception.message': 'exceptionMessage',
  'exception.stacktrace': 'stacktrace',
};

/** The `__connect.errors.*` context headers (spec §3); undefined when the record has none. */
export function dlqOf(headers: HeaderView[]): DlqView | undefined {
  let out: DlqView | undefined;
  for (const h of headers) {
    if (!h.key.startsWith(DLQ_HEADER_PREFIX) || h.value === null || h.binary) continue;
    const name = DLQ_FIELDS[h.key.slice(DLQ_HEADER_PREFIX.length)];
    if (name) (out ??= {})[name] = h.value;
  }
  return out;
}

export function decodeRecord(
  id: number,
  raw: RawRecord,
  mode: RecordsMode,
  limit = DEFAULT_DISPLAY_LIMIT,
): { view: RecordView; fullKey: string; fullValue: string } {
  const key = decodePayload(raw.key, limit);
  const value = decodePayload(raw.value, limit);
  const headers = raw.headers.map(([k, v]) => decodeHeader(k, v));
  const view: RecordView = {
    id,
    topic: raw.topic,
    partition: raw.partition,
    offset: raw.offset,
    timestamp: raw.timestamp,
    key: key.view,
    value: value.view,
    headers,
  };
  // CDC decoding is cheap enough to do always; the webview shows it in the CDC view.
  const cdc = cdcOf(value.node, raw.value === null && mode === 'cdc', headers);
  if (cdc && (mode === 'cdc' || !cdc.flattened)) view.cdc = cdc;
  const dlq = dlqOf(headers);
  if (dlq) view.dlq = dlq;
  return { view, fullKey: key.full, fullValue: value.full };
}
