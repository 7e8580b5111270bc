import { describe, expect, it } from 'vitest';
import { Pid, Tuple, atom } from '../core/term/types.ts';
import { Connection, TICK_INTERVAL_MS } from './connection.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';

const pa = new Pid(atom('a@x'), 1, 0, 1);
const pb = new Pid(atom('b@x'), 2, 0, 1);
const conn = (peer: string) => new Connection({ peer: atom(peer), flags: PLAYGROUND_FLAGS, maxMessageBytes: 1024, now: 0 });
const isTick = (m: Uint8Array) => m.length === 4 && m.every((b) => b === 0);

/** One message from `from` to `to` at `t` (read by `to` at `t`). */
function hop(from: Connection, to: Connection, t: number, take: (c: Connection) => Uint8Array[]): void {
  expect(from.send({ type: 'send', from: pa, to: pb, message: new Tuple([atom('n'), t]) })).toBeNull();
  for (const m of take(from)) expect(to.receive(m, t).error).toBeNull();
}

describe('Connection.take with no time: written at the last time the connection knows', () => {
  it('a reply taken with no time after its request answers ticks exactly as one taken with the time', () => {
    const ticksAt = (withTime: boolean): number[] => {
      const a = conn('b@x');
      const b = conn('a@x');
      const out: number[] = [];
      // a asks every 10 s, b answers in the same event (the round trip's case); b's ticker never runs.
      for (let t = 10_000; t <= 120_000; t += 10_000) {
        hop(a, b, t, (c) => c.take(t));
        hop(b, a, t, (c) => (withTime ? c.take(t) : c.take()));
        // Then a is quiet for a while: b hears only a's ticks.
      }
      // a's ticks every 15 s from now: b answers each once it has been quiet for an interval.
      for (let t = 135_000; t <= 240_000; t += 15_000) {
        expect(a.check(t)).toBe('ok');
        for (const m of a.take(t)) b.receive(m, t);
        const answer = withTime ? b.take(t) : b.take();
        if (answer.some(isTick)) out.push(t / 1000);
      }
      return out;
    };
    expect(ticksAt(false)).toEqual(ticksAt(true));
    expect(ticksAt(false).length).toBeGreaterThan(0);
  });

  it('a batch written long after the last read adds a tick at most, never holds one back', () => {
    const a = conn('b@x');
    const b = conn('a@x');
    hop(a, b, 1000, (c) => c.take(1000));
    // b writes at 14 s, timer-driven, with nothing read since 1 s: counted as written at 1 s.
    expect(b.send({ type: 'send', from: pb, to: pa, message: 1 })).toBeNull();
    expect(b.take().length).toBe(1);
    // A message read at 16 s: b counts itself quiet for an interval and adds a tick.
    hop(a, b, 1000 + TICK_INTERVAL_MS, (c) => c.take(16_000));
    expect(b.take().some(isTick)).toBe(true);
    // Its checks as before: none at 30 s (that tick went out since the last check), one at 45 s.
    expect(b.check(30_000)).toBe('ok');
    expect(b.take()).toEqual([]);
    expect(b.check(45_000)).toBe('ok');
    expect(b.take().some(isTick)).toBe(true);
  });
});
