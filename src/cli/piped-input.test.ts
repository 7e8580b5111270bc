import { describe, expect, it } from 'vitest';
import { END_MS, pipedInput, QUIET_MS, SETTLE_MS } from './piped-input.ts';

/** A fake shell and node on a manual clock: timers run when the test advances time. */
function harness(opts: { evalMs: number; nodeBusy: () => boolean }) {
  let t = 0;
  let timers: { at: number; run: () => void }[] = [];
  const typed: { line: string; at: number }[] = [];
  const out: string[] = [];
  let lastWriteAt = -1;
  let busyUntil = -1;
  let exitedAt: number | null = null;
  const shell = {
    get isBusy() {
      return t < busyUntil;
    },
    prompt: 'iex(9)> ',
    input(line: string) {
      typed.push({ line, at: t });
      busyUntil = t + opts.evalMs;
    },
  };
  const piped = pipedInput({
    shell,
    node: { hasWork: opts.nodeBusy },
    wake: () => {},
    write: (s) => {
      out.push(s);
      lastWriteAt = t;
      piped.output();
    },
    exit: () => void (exitedAt ??= t),
    now: () => t,
    setTimer: (run, ms) => void timers.push({ at: t + ms, run }),
  });
  const advance = (ms: number) => {
    const end = t + ms;
    while (exitedAt === null) {
      const due = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      timers = timers.filter((x) => x !== due);
      t = Math.max(t, due.at);
      due.run();
    }
    t = end;
  };
  return { piped, typed, out, advance, exitedAt: () => exitedAt, lastWriteAt: () => lastWriteAt };
}

describe('piped input', () => {
  it('types each line once the shell is ready, even while the node never goes idle', () => {
    const h = harness({ evalMs: 10, nodeBusy: () => true });
    h.piped.line('a');
    h.piped.line('b');
    h.advance(1000);
    expect(h.typed.map((x) => x.line)).toEqual(['a', 'b']);
    // b waited for a's evaluation, then at most SETTLE_MS (+ a poll) for the node.
    const [a, b] = h.typed.map((x) => x.at) as [number, number];
    expect(b - (a + 10)).toBeLessThanOrEqual(SETTLE_MS + 1);
  });

  it('types the next line at once when the node is idle', () => {
    const h = harness({ evalMs: 5, nodeBusy: () => false });
    h.piped.line('a');
    h.piped.line('b');
    h.advance(100);
    expect(h.typed.map((x) => x.at)).toEqual([0, 5]);
  });

  it('at the end of input prints the last prompt and exits at once when the node is idle', () => {
    const h = harness({ evalMs: 5, nodeBusy: () => false });
    h.piped.line('a');
    h.piped.end();
    h.advance(100);
    expect(h.out).toEqual(['iex(9)> ']);
    expect(h.exitedAt()).toBeLessThanOrEqual(7);
  });

  it('a busy node that prints nothing: exits QUIET_MS after the last prompt', () => {
    const h = harness({ evalMs: 5, nodeBusy: () => true });
    h.piped.line('a');
    h.piped.end();
    h.advance(60_000);
    const promptAt = h.lastWriteAt();
    expect(h.out).toEqual(['iex(9)> ']);
    expect(h.exitedAt()).toBeGreaterThanOrEqual(promptAt + QUIET_MS - 1);
    expect(h.exitedAt()).toBeLessThanOrEqual(promptAt + QUIET_MS + 2);
  });

  it('a busy node that keeps printing: exits END_MS after the end of input', () => {
    const box: { h?: ReturnType<typeof harness> } = {};
    const chatty = () => {
      box.h?.piped.output(); // something printed on every look
      return true;
    };
    const h = (box.h = harness({ evalMs: 0, nodeBusy: chatty }));
    h.piped.end();
    h.advance(60_000);
    expect(h.exitedAt()).toBeGreaterThanOrEqual(END_MS);
    expect(h.exitedAt()).toBeLessThanOrEqual(END_MS + 2);
  });
});
