/**
 * A virtualized list of fixed-height rows over an array that grows at the end.
 *
 * Built for tailing thousands of records a second without janking the frame:
 * - rendering happens in requestAnimationFrame, and while records stream in (nothing the user did)
 *   at most every DATA_RENDER_MS: nobody reads 5,000 rows a second, and each render costs a layout
 *   and a repaint of the visible rows;
 * - geometry is kept here (scroll position, viewport height from a ResizeObserver, total height
 *   from the row count), so a render reads no layout and writes only: one layout per frame;
 * - following the tail is our own state: the scroll we cause is not taken for the user's;
 * - rows come from a pool, are moved with `transform` and refilled only when their item changes.
 */

export interface VirtualListOptions<T> {
  /** The scroll container (CSS: overflow auto, contain strict). */
  list: HTMLElement;
  rowHeight: number;
  /** Fill a pooled row for `item` (called only when the row shows a different item). */
  fill(row: HTMLElement, item: T): void;
  /** Identity of an item; a row is refilled when this or the item's index changes. */
  key(item: T): string;
  /** Called after each render (counts, selection marks). */
  afterRender?(rows: ReadonlyArray<{ el: HTMLElement; item: T }>): void;
}

export const DATA_RENDER_MS = 100;
const OVERSCAN = 3;

export class VirtualList<T> {
  readonly spacer: HTMLElement;
  private items: readonly T[] = [];
  private readonly pool: Array<{ el: HTMLElement; key: string; item?: T }> = [];
  private viewport = 600;
  private scrollTop = 0;
  /** The scrollTop we last set ourselves; its scroll event is not the user's. */
  private ownScroll = -1;
  private follow = true;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRender = 0;
  /** When false (paused), new items do not move the view. */
  tailing = true;

  constructor(private readonly o: VirtualListOptions<T>) {
    this.spacer = document.createElement('div');
    this.spacer.className = 'spacer';
    o.list.append(this.spacer);
    new ResizeObserver(() => {
      this.viewport = o.list.clientHeight || this.viewport;
      this.schedule(true);
    }).observe(o.list);
    o.list.addEventListener(
      'scroll',
      () => {
        const top = o.list.scrollTop;
        if (top === this.ownScroll) return;
        this.ownScroll = -1;
        this.scrollTop = top;
        this.follow = top + this.viewport >= this.items.length * o.rowHeight - o.rowHeight * 2;
        this.schedule(true);
      },
      { passive: true },
    );
  }

  /** Replace the items (the array may be appended to afterwards; call `changed`). */
  setItems(items: readonly T[]): void {
    this.items = items;
    for (const r of this.pool) r.key = '';
    this.schedule(true);
  }

  /** Items were appended or evicted: render soon, throttled while streaming. */
  changed(): void {
    this.schedule(false);
  }

  /** Re-render now-ish (selection, mode change). */
  refresh(): void {
    for (const r of this.pool) r.key = '';
    this.schedule(true);
  }

  /** Scroll so the item at `index` is in view and stop following the tail. */
  reveal(index: number): void {
    const h = this.o.rowHeight;
    const top = Math.max(0, index * h - Math.floor(this.viewport / 3));
    this.follow = false;
    this.scrollTop = top;
    this.ownScroll = top;
    this.o.list.scrollTop = top;
    this.schedule(true);
  }

  private schedule(urgent: boolean): void {
    if (this.frame !== 0) return;
    const wait = urgent ? 0 : this.lastRender + DATA_RENDER_MS - performance.now();
    if (wait <= 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.frame = requestAnimationFrame(() => this.render());
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.schedule(true);
      }, wait);
    }
  }

  private render(): void {
    this.frame = 0;
    this.lastRender = performance.now();
    const h = this.o.rowHeight;
    const n = this.items.length;
    const total = n * h;
    this.spacer.style.height = `${total}px`;
    const maxTop = Math.max(0, total - this.viewport);
    if (this.follow && this.tailing && this.scrollTop !== maxTop) {
      this.scrollTop = maxTop;
      this.ownScroll = maxTop;
      this.o.list.scrollTop = maxTop;
    } else if (this.scrollTop > maxTop) {
      this.scrollTop = maxTop;
    }
    const first = Math.max(0, Math.floor(this.scrollTop / h) - OVERSCAN);
    const count = Math.max(0, Math.min(n - first, Math.ceil(this.viewport / h) + OVERSCAN * 2));
    if (this.pool.length < count) {
      while (this.pool.length < count) {
        const el = document.createElement('div');
        el.className = 'row';
        this.spacer.append(el);
        this.pool.push({ el, key: '' });
      }
      for (const r of this.pool) r.key = '';
    }
    // Item j always lands in row j % pool size: scrolling by k rows refills k rows, not all.
    const size = this.pool.length;
    const used = new Set<number>();
    const shown: Array<{ el: HTMLElement; item: T }> = [];
    for (let j = first; j < first + count; j++) {
      const item = this.items[j];
      const row = this.pool[j % size];
      used.add(j % size);
      if (row.el.hidden) row.el.hidden = false;
      const key = `${j}:${this.o.key(item)}`;
      if (row.key !== key) {
        row.key = key;
        row.el.style.transform = `translateY(${j * h}px)`;
        this.o.fill(row.el, item);
      }
      row.item = item;
      shown.push({ el: row.el, item });
    }
    for (let i = 0; i < size; i++) {
      if (used.has(i)) continue;
      const row = this.pool[i];
      if (!row.el.hidden) row.el.hidden = true;
      row.item = undefined;
      row.key = '';
    }
    this.o.afterRender?.(shown);
  }

  /** The item a row element shows (for click handling). */
  itemOf(el: HTMLElement): T | undefined {
    return this.pool.find((r) => r.el === el)?.item;
  }
}
