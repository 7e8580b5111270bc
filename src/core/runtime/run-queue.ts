/**
 * The scheduler's queue of runnable processes: a growable ring buffer, because Array.shift is
 * O(n) on large arrays and the ring benchmark pushes and pops once per message.
 */
export class RunQueue<T> {
  private buf: (T | undefined)[] = new Array<T | undefined>(1024);
  private head = 0;
  private tail = 0;
  size = 0;

  push(x: T): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[this.tail] = x;
    this.tail = (this.tail + 1) & (this.buf.length - 1);
    this.size++;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    return x;
  }

  private grow(): void {
    const old = this.buf;
    const next = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.buf = next;
    this.head = 0;
    this.tail = this.size;
  }
}
