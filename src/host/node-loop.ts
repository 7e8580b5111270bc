/**
 * Drives a node's scheduler in a real host (a browser tab, the terminal). The runtime never
 * schedules itself (DESIGN.md: "Scheduler"); this loop runs slices for a few milliseconds per
 * task, yields so the page stays responsive, and sleeps until the next timer when the node is
 * idle. Anything that gives the node work from outside (a typed line, a network message) calls
 * `wake()`.
 *
 * In the page `postTask` is a MessageChannel post (setTimeout is clamped to 4 ms, and to 1 s in
 * hidden tabs); in Node it is setImmediate.
 */
import type { Node } from '../core/runtime/node.ts';
import type { Clock } from '../core/ports.ts';

export interface HostScheduling {
  postTask(run: () => void): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface NodeLoop {
  wake(): void;
  stop(): void;
}

/** Milliseconds of work per task before yielding to the host. */
const SLICE_MS = 8;

export function startNodeLoop(node: Node, clock: Clock, host: HostScheduling): NodeLoop {
  let posted = false;
  let timer: unknown = null;
  let stopped = false;

  const tick = () => {
    posted = false;
    if (stopped) return;
    const start = clock.now();
    let more = true;
    while (more && clock.now() - start < SLICE_MS) more = node.runSlice();
    if (more || node.hasWork()) return post();
    const at = node.nextTimerAt();
    if (at !== null) {
      if (timer !== null) host.clearTimer(timer);
      timer = host.setTimer(() => {
        timer = null;
        post();
      }, Math.max(0, at - clock.now()));
    }
  };
  const post = () => {
    if (posted || stopped) return;
    posted = true;
    host.postTask(tick);
  };

  post();
  return {
    wake: post,
    stop() {
      stopped = true;
      if (timer !== null) host.clearTimer(timer);
    },
  };
}

/** The page's scheduling: MessageChannel tasks and real timers. */
export function browserScheduling(): HostScheduling {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    postTask(run) {
      queue.push(run);
      channel.port2.postMessage(null);
    },
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

/** Node's scheduling, for `npm run iex`. */
export function nodeScheduling(): HostScheduling {
  return {
    postTask: (run) => void setImmediate(run),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

/** A monotonic clock in milliseconds. */
export const realClock: Clock = { now: () => performance.now() };
