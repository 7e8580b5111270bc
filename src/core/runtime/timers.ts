/**
 * Timers on the injected clock: a binary min-heap ordered by (due time, creation order), so
 * timers due at the same instant fire in the order they were set, as BEAM does.
 *
 * Nothing here ever waits: the host asks `nextAt()` when to come back and calls `fireDue(now)`.
 * Cancelling marks the timer dead (lazy deletion); the heap is compacted when dead timers
 * outnumber live ones, so a server that re-arms `after` on every message does not leak.
 */
export class Timer {
  cancelled = false;
  constructor(
    readonly at: number,
    readonly seq: number,
    readonly fire: () => void,
  ) {}
}

export class TimerHeap {
  private heap: Timer[] = [];
  private seq = 0;
  private dead = 0;

  add(at: number, fire: () => void): Timer {
    const t = new Timer(at, this.seq++, fire);
    this.heap.push(t);
    this.up(this.heap.length - 1);
    return t;
  }

  cancel(t: Timer): void {
    if (t.cancelled) return;
    t.cancelled = true;
    this.dead++;
    if (this.dead > 64 && this.dead * 2 > this.heap.length) this.compact();
  }

  /** When the earliest live timer is due, or null when there is none. */
  nextAt(): number | null {
    this.dropDeadTop();
    const t = this.heap[0];
    return t === undefined ? null : t.at;
  }

  /** Fires every live timer due at or before `now`; returns how many fired. */
  fireDue(now: number): number {
    let fired = 0;
    for (;;) {
      this.dropDeadTop();
      const t = this.heap[0];
      if (t === undefined || t.at > now) return fired;
      this.pop();
      t.cancelled = true; // fired timers count as gone for cancel_timer
      t.fire();
      fired++;
    }
  }

  get size(): number {
    return this.heap.length - this.dead;
  }

  private dropDeadTop(): void {
    while (this.heap.length > 0 && (this.heap[0] as Timer).cancelled) {
      this.pop();
      this.dead--;
    }
  }

  private compact(): void {
    this.heap = this.heap.filter((t) => !t.cancelled);
    this.dead = 0;
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private pop(): void {
    const last = this.heap.pop() as Timer;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    const x = h[i] as Timer;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const px = h[p] as Timer;
      if (!this.less(x, px)) break;
      h[i] = px;
      i = p;
    }
    h[i] = x;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = h.length;
    const x = h[i] as Timer;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(h[r] as Timer, h[l] as Timer) ? r : l;
      const cx = h[c] as Timer;
      if (!this.less(cx, x)) break;
      h[i] = cx;
      i = c;
    }
    h[i] = x;
  }
}
