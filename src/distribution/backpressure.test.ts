// A flooding sender over a link that pushes back (transport.ts: back-pressure): the distribution
// keeps the overflow in its own queue, so the transport never holds much more than its high-water
// mark, and every message still arrives, in order.
import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../core/term/types.ts';
import type { Term } from '../core/term/types.ts';
import { generatorBody, receive } from '../core/runtime/bodies.ts';
import { Cluster, collect } from './testing.ts';

const MESSAGES = 3000;

function flood(c: Cluster): Term[] {
  const one = c.add('one@lab');
  const two = c.add('two@lab');
  const box = collect(two.node);
  c.connect(one, two);
  one.node.spawn(
    generatorBody(function* (proc) {
      for (let i = 0; i < MESSAGES; i++) proc.send(box.pid, tuple(atom('msg'), i));
      yield receive(() => false, 0);
    }),
  );
  c.settle();
  return box.got;
}

describe('back-pressure', () => {
  it('a flood waits in the connection while the link is not writable, and arrives whole and in order', () => {
    const c = new Cluster({ maxMessageBytes: 1024, highWaterBytes: 4096 });
    const got = flood(c);
    expect(got).toEqual(Array.from({ length: MESSAGES }, (_, i) => tuple(atom('msg'), i)));
    // At most one message past the mark: the link said "not writable" and the driver stopped.
    expect(c.net.maxBufferedBytes).toBeLessThanOrEqual(4096 + 1024);
  });

  it('without back-pressure the same flood piles up in the transport', () => {
    const c = new Cluster({ maxMessageBytes: 1024 });
    expect(flood(c).length).toBe(MESSAGES);
    expect(c.net.maxBufferedBytes).toBeGreaterThan(10 * 4096);
  });
});
