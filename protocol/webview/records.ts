/**
 * The Records panel's message protocol, described once and used by both the extension host
 * (src/webviews/records/) and the browser (webview/records/). Every message is `{type, body}`;
 * the maps below give each type its body, so a sender and its receiver cannot disagree.
 */
import type { MetricsView } from './records-metrics';

/** Decoded key or value bytes, ready to show as text (never as HTML). */
export interface PayloadView {
  /** null: no bytes (tombstone value / null key); binary: not UTF-8, shown as base64. */
  kind: 'null' | 'text' | 'json' | 'binary';
  /** Display text: pretty JSON, UTF-8 text or base64; cut at the host's display limit. */
  text: string;
  /** Byte length of the original payload. */
  bytes: number;
  /** `text` is a prefix; ask the host with `showAll`. */
  truncated: boolean;
  /** JsonConverter `{schema, payload}` envelope that was unwrapped for display. */
  envelope?: boolean;
  /** The text was not valid JSON though it looked like it (starts with `{` or `[`). */
  invalidJson?: boolean;
}

export interface HeaderView {
  key: string;
  /** UTF-8 text, or base64 when `binary`; null header values stay null. */
  value: string | null;
  binary: boolean;
}

/** Debezium op codes (spec §6.3). */
export type CdcOp = 'c' | 'u' | 'd' | 'r' | 't' | 'm';

export interface CdcView {
  op: CdcOp | null;
  /** Field name → exact JSON text of its value; null when the side is absent. */
  before: Array<[string, string]> | null;
  after: Array<[string, string]> | null;
  /** Fields whose text differs between before and after (both present). */
  changed: string[];
  source: { table?: string; lsn?: string; txId?: string; snapshot?: string; db?: string; connector?: string };
  /** ExtractNewRecordState output: a flat row (op from `__op`/`__deleted` when present). */
  flattened: boolean;
  tombstone: boolean;
}

/** `__connect.errors.*` context headers (spec §3), decoded. */
export interface DlqView {
  topic?: string;
  partition?: string;
  offset?: string;
  connector?: string;
  task?: string;
  stage?: string;
  className?: string;
  exceptionClass?: string;
  exceptionMessage?: string;
  stacktrace?: string;
}

export interface RecordView {
  /** Host-assigned, unique per panel session. */
  id: number;
  topic: string;
  partition: number;
  /** int64 as decimal text. */
  offset: string;
  /** Epoch ms as decimal text. */
  timestamp: string;
  key: PayloadView;
  value: PayloadView;
  headers: HeaderView[];
  cdc?: CdcView;
  dlq?: DlqView;
}

export type StartFrom =
  | { from: 'beginning' }
  | { from: 'latest' }
  | { from: 'offset'; offset: string }
  | { from: 'timestamp'; timestamp: number };

export type RecordsMode = 'records' | 'cdc' | 'dlq';

/** One record's place in Kafka. */
export interface RecordRef {
  topic: string;
  partition: number;
  /** int64 as decimal text. */
  offset: string;
}

/** Host → webview. */
export interface RecordsNotifications {
  init: {
    title: string;
    topic: string;
    partitions: number[];
    mode: RecordsMode;
    bufferSize: number;
    /** The connector the panel was opened from, if any. */
    connector?: string;
    /** Where the panel starts reading (default: the beginning of every partition). */
    start?: StartFrom;
    /** Select this record when it arrives (opened from a DLQ entry's original record). */
    focus?: RecordRef;
  };
  records: { records: RecordView[] };
  status: { state: 'idle' | 'running' | 'paused' | 'stopped' | 'error'; message?: string };
  fullText: { id: number; which: 'key' | 'value'; text: string };
  redriveResult: { sent: number; failed: number; message?: string };
  /** The metrics strip's figures, every few seconds while the panel is visible. */
  metrics: MetricsView;
}

/** Webview → host. */
export interface RecordsRequests {
  ready: Record<string, never>;
  start: { start: StartFrom; partitions: number[] | null };
  pause: Record<string, never>;
  resume: Record<string, never>;
  showAll: { id: number; which: 'key' | 'value' };
  copy: { text: string };
  export: { json: string; count: number };
  redrive: { ids: number[] };
  reveal: { connector: string; task?: number };
  /** Open the record a DLQ entry came from in a Records panel at its offset. */
  openRecord: RecordRef;
}

export type MessageOf<M> = { [K in keyof M]: { type: K; body: M[K] } }[keyof M];
export type ToWebview = MessageOf<RecordsNotifications>;
export type ToHost = MessageOf<RecordsRequests>;

const HOST_TYPES: ReadonlyArray<keyof RecordsRequests> = [
  'ready',
  'start',
  'pause',
  'resume',
  'showAll',
  'copy',
  'export',
  'redrive',
  'reveal',
  'openRecord',
];

/** The host's guard for what arrives from the webview (it is untrusted input). */
export function isToHost(x: unknown): x is ToHost {
  const m = x as { type?: unknown; body?: unknown } | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.type === 'string' &&
    (HOST_TYPES as readonly string[]).includes(m.type) &&
    typeof m.body === 'object' &&
    m.body !== null
  );
}
