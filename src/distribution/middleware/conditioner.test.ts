import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../../core/ports.ts';
import { createConditioner } from './conditioner.ts';
import { MemoryNetwork } from '../transports/memory.ts';
import type { Link } from '../transports/transport.ts';

function setup(seed = 1) {
  const clock = new SimulatedClock();
  const net = new MemoryNetwork();
  const cond = createConditioner({ clock, random: new SeededRandom(seed) });
  const ta = cond.wrap(net.transport());
  const tb = net.transport();
  const got: number[] = [];
  const gotA: number[] = [];
  let a: Link | null = null;
  let b: Link | null = null;
  ta.listen('a@x', () => {});
  tb.listen('b@x', (l) => {
    b = l;
    l.onMessage((m) => got.push(m[0] as number));
  });
  ta.connect('b@x', (r) => {
    if (r.ok) {
      a = r.link;
      r.link.onMessage((m) => gotA.push(m[0] as number));
    }
  });
  net.flush();
  const run = () => {
    for (let i = 0; i < 10; i++) {
      net.flush();
      cond.runDue();
    }
  };
  return { clock, net, cond, a: a as unknown as Link, b: b as unknown as Link, got, gotA, run };
}

describe('link conditioner', () => {
  it('delays messages on the injected clock, both ways, keeping order', () => {
    const s = setup();
    s.cond.set('b@x', { delayMs: 500 });
    s.a.send(Uint8Array.of(1));
    s.clock.advance(100);
    s.cond.set('b@x', { delayMs: 0 }); // a later message must not overtake
    s.a.send(Uint8Array.of(2));
    s.run();
    expect(s.got).toEqual([]);
    expect(s.cond.nextDueAt()).toBe(500);
    s.clock.set(500);
    s.run();
    expect(s.got).toEqual([1, 2]);
    s.cond.set('b@x', { delayMs: 200 });
    s.b.send(Uint8Array.of(9));
    s.run();
    expect(s.gotA).toEqual([]);
    s.clock.advance(200);
    s.run();
    expect(s.gotA).toEqual([9]);
  });

  it('drops with the given probability (seeded), and cut drops everything until heal', () => {
    const s = setup(7);
    s.cond.set('b@x', { dropProbability: 0.5 });
    for (let i = 0; i < 200; i++) s.a.send(Uint8Array.of(i));
    s.run();
    expect(s.got.length).toBeGreaterThan(70);
    expect(s.got.length).toBeLessThan(130);
    expect(s.got).toEqual([...s.got].sort((x, y) => x - y));
    s.cond.set('b@x', { dropProbability: 0 });
    s.cond.cut('b@x');
    const before = s.got.length;
    s.a.send(Uint8Array.of(1));
    s.b.send(Uint8Array.of(2));
    s.run();
    expect(s.got.length).toBe(before);
    expect(s.gotA).toEqual([]);
    s.cond.heal('b@x');
    s.a.send(Uint8Array.of(3));
    s.run();
    expect(s.got.at(-1)).toBe(3);
    expect(s.cond.get('b@x')).toEqual({ delayMs: 0, dropProbability: 0, cut: false });
  });
});
