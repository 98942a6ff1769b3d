/** Search and grouping over decoded records; pure, shared by the webview and unit tests. */
import type { RecordView } from './records';

/** Case-insensitive substring over key, value, header names/values and DLQ columns. */
export function matchesFilter(r: RecordView, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const has = (s: string | null | undefined) => s != null && s.toLowerCase().includes(q);
  if (has(r.key.text) || has(r.value.text)) return true;
  if (r.headers.some((h) => has(h.key) || has(h.value))) return true;
  if (r.dlq && Object.values(r.dlq as Record<string, string | undefined>).some((v) => has(v))) return true;
  return has(`${r.partition}:${r.offset}`);
}

export interface DlqGroup {
  exceptionClass: string;
  message: string;
  ids: number[];
}

/** DLQ records grouped by exception class (first message kept as the group's example). */
export function groupByException(records: readonly RecordView[]): DlqGroup[] {
  const groups = new Map<string, DlqGroup>();
  for (const r of records) {
    const cls = r.dlq?.exceptionClass ?? '(no exception header)';
    let g = groups.get(cls);
    if (!g) groups.set(cls, (g = { exceptionClass: cls, message: r.dlq?.exceptionMessage ?? '', ids: [] }));
    g.ids.push(r.id);
  }
  return [...groups.values()].sort((a, b) => b.ids.length - a.ids.length);
}

/** A bounded FIFO: keeps the newest `capacity` items and counts what it evicted. */
export class RingBuffer<T> {
  private items: T[] = [];
  private head = 0;
  evicted = 0;
  constructor(public capacity: number) {}
  push(batch: readonly T[]): void {
    for (const x of batch) this.items.push(x);
    const over = this.items.length - this.head - this.capacity;
    if (over > 0) {
      this.head += over;
      this.evicted += over;
      // Compact now and then so the array does not grow without bound.
      if (this.head > this.capacity) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    }
  }
  get length(): number {
    return this.items.length - this.head;
  }
  at(i: number): T {
    return this.items[this.head + i];
  }
  toArray(): T[] {
    return this.items.slice(this.head);
  }
  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
