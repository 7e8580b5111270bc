/**
 * Drives a node's scheduler in a real host (a browser tab, the terminal). The runtime never
 * schedules itself (runSlice does work and returns, ARCHITECTURE.md); this loop runs slices for a few milliseconds per
 * task, yields so the page stays responsive, and sleeps until the next timer when the node is
 * idle. Anything that gives the node work from outside (a typed line, a network message) calls
 * `wake()`.
 *
 * A wake while the loop is idle runs a short slice (MICRO_SLICE_MS) in a microtask, right after
 * the event that caused it, instead of waiting for a posted task: in the page that task hop
 * costs 100–200 µs of a remote round trip. A slice that does not finish falls back to posted
 * tasks, and a wake while a task is already posted changes nothing, so a flood of events still
 * yields to the browser between tasks.
 *
 * A transport's message event goes one better (`event`): its handler runs between `begin()` and
 * `end()`, and a wake in between runs the node at `end()`, in the same task and with no
 * microtask: a process woken by a remote message answers before the handler returns. Only the
 * outermost `end` runs it, and only when no slice is running (a wake inside a slice posts).
 *
 * In the page `postTask` is a MessageChannel post (setTimeout is clamped to 4 ms, and to 1 s in
 * hidden tabs); in Node it is setImmediate.
 */
import type { Node } from '../core/runtime/node.ts';
import type { Clock } from '../core/ports.ts';

export interface HostScheduling {
  postTask(run: () => void): void;
  /** Runs `run` once the current event's code is done (queueMicrotask); without it, wakes post tasks. */
  microtask?(run: () => void): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Host code that may wake the node runs between `begin` and `end` (try/finally): the node then runs at `end`. */
export interface HostEvent {
  begin(): void;
  end(): void;
}

export interface NodeLoop {
  wake(): void;
  stop(): void;
  /** For a transport's message handler (peerjs.ts): a wake inside it runs the node when it ends. */
  readonly event: HostEvent;
}

/** Milliseconds of work per task before yielding to the host. */
const SLICE_MS = 8;
/** Milliseconds of work in a wake's microtask, before falling back to a posted task. */
const MICRO_SLICE_MS = 1;

export function startNodeLoop(node: Node, clock: Clock, host: HostScheduling): NodeLoop {
  let posted = false;
  let microQueued = false;
  let running = false;
  let timer: unknown = null;
  let timerAt = 0;
  let stopped = false;
  /** Inside how many `event.begin()`s we are, and whether a wake came there. */
  let eventDepth = 0;
  let wokenInEvent = false;

  /** Runs slices for up to `ms`, then posts a task if work is left or sleeps until the next timer. */
  const run = (ms: number) => {
    const start = clock.now();
    let more: boolean;
    running = true;
    try {
      // The first slice takes the time just read (its timers need it: one read per wake saved); then slices while time is left.
      more = node.runSlice(undefined, start);
      while (more && clock.now() - start < ms) more = node.runSlice();
    } finally {
      running = false;
    }
    if (more) return post();
    const at = node.nextTimerAt();
    // A timer due when the slices began (set due by them): run again now. One that fell due while
    // they ran is the host timer's below, which then fires at once; the clock is not read again.
    if (at !== null && at <= start) return post();
    // A timer already armed for no later than `at` can stay: firing early only runs an empty
    // slice that arms it again. Re-arming after every wake cost a setTimeout/clearTimeout pair
    // per remote round trip.
    if (at === null || (timer !== null && timerAt <= at)) return;
    if (timer !== null) host.clearTimer(timer);
    timerAt = at;
    timer = host.setTimer(() => {
      timer = null;
      post();
    }, Math.max(0, at - clock.now()));
  };
  const tick = () => {
    posted = false;
    if (!stopped) run(SLICE_MS);
  };
  const post = () => {
    if (posted || stopped) return;
    posted = true;
    host.postTask(tick);
  };
  const micro = () => {
    microQueued = false;
    // A task got posted meanwhile (or we are inside a slice): it will do the work.
    if (posted || running || stopped) return;
    run(MICRO_SLICE_MS);
  };
  const wake = () => {
    if (posted || stopped || microQueued) return;
    if (running) return post();
    if (eventDepth > 0) {
      wokenInEvent = true;
      return;
    }
    if (host.microtask === undefined) return post();
    microQueued = true;
    host.microtask(micro);
  };
  const event: HostEvent = {
    begin() {
      eventDepth++;
    },
    end() {
      if (--eventDepth > 0 || !wokenInEvent) return;
      wokenInEvent = false;
      // A microtask or task already queued does the work; a slice on the stack posts its own.
      if (posted || running || stopped || microQueued) return;
      run(MICRO_SLICE_MS);
    },
  };

  post();
  return {
    wake,
    event,
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
    microtask: (run) => queueMicrotask(run),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

/** Node's scheduling, for `npm run iex`. */
export function nodeScheduling(): HostScheduling {
  return {
    postTask: (run) => void setImmediate(run),
    microtask: (run) => queueMicrotask(run),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

/** A monotonic clock in milliseconds. */
export const realClock: Clock = { now: () => performance.now() };
