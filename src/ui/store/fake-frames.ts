/**
 * Test support: a FrameScheduler whose frames run only when the test says so, on a UI clock
 * moved by hand (the bridges batch store updates per animation frame).
 */
import type { FrameScheduler } from './bridge.ts';

export class FakeFrames implements FrameScheduler {
  t = 0;
  private pending = new Map<number, () => void>();
  private next = 1;
  requestFrame(cb: () => void): number {
    const h = this.next++;
    this.pending.set(h, cb);
    return h;
  }
  cancelFrame(h: number): void {
    this.pending.delete(h);
  }
  now(): number {
    return this.t;
  }
  get waiting(): number {
    return this.pending.size;
  }
  /** Runs the frames requested so far, `ms` later. */
  tick(ms = 16): void {
    this.t += ms;
    const cbs = [...this.pending.values()];
    this.pending.clear();
    for (const cb of cbs) cb();
  }
}
