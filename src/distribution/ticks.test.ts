import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../core/term/types.ts';
import { Connection, TICK_INTERVAL_MS, TICK_TIMEOUT_MS } from './connection.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';
import { Cluster, collect } from './testing.ts';

/**
 * Two connections wired back to back with a simulated time loop. Each side runs its tick check
 * on its own schedule (a visible tab every 15 s, a hidden one as its throttled timers allow).
 */
function pairSim(schedA: (t: number) => boolean, schedB: (t: number) => boolean, silentB = false) {
  const a = new Connection({ peer: atom('b@x'), flags: PLAYGROUND_FLAGS, maxMessageBytes: 16384, now: 0 });
  const b = new Connection({ peer: atom('a@x'), flags: PLAYGROUND_FLAGS, maxMessageBytes: 16384, now: 0 });
  const drops: string[] = [];
  const pump = (t: number) => {
    for (let round = 0; round < 4; round++) {
      for (const m of a.take(t)) b.receive(m, t);
      const fromB = b.take(t);
      if (!silentB) for (const m of fromB) a.receive(m, t);
    }
  };
  const run = (until: number) => {
    for (let t = 1000; t <= until; t += 1000) {
      if (schedA(t) && a.check(t) === 'timeout') drops.push(`a drops b at ${t / 1000}s`);
      if (schedB(t) && b.check(t) === 'timeout') drops.push(`b drops a at ${t / 1000}s`);
      pump(t);
      if (drops.length > 0) return;
    }
  };
  return { a, b, drops, run };
}

const every = (ms: number, offset = 0) => (t: number) => (t - offset) % ms === 0;

describe('ticks and the tick timeout (connection level)', () => {
  it('documents the values: tick every 15 s, drop after 120 s of silence', () => {
    expect(TICK_INTERVAL_MS).toBe(15_000);
    expect(TICK_TIMEOUT_MS).toBe(120_000);
  });

  it('two visible tabs tick every 15 s and stay connected for an hour', () => {
    const s = pairSim(every(15_000), every(15_000, 7000));
    s.run(3_600_000);
    expect(s.drops).toEqual([]);
    expect(s.a.stats.ticksOut).toBeGreaterThan(200);
  });

  it('a hidden tab whose timers fire once a minute (even with a missed minute) is not dropped', () => {
    // the hidden side's ticker: once a minute, skipping every fifth minute
    const hidden = (t: number) => t % 60_000 === 0 && (t / 60_000) % 5 !== 0;
    const s = pairSim(every(15_000), hidden);
    s.run(3_600_000);
    expect(s.drops).toEqual([]);
  });

  it('two hidden tabs ticking once a minute stay connected', () => {
    const s = pairSim(every(60_000), every(60_000, 30_000));
    s.run(3_600_000);
    expect(s.drops).toEqual([]);
  });

  it('a silent peer is dropped after the timeout (between 120 and 135 s)', () => {
    const s = pairSim(every(15_000), () => false, true);
    s.run(600_000);
    expect(s.drops).toEqual(['a drops b at 120s']);
  });

  it('a tab whose own timers were frozen for ten minutes does not drop its peers on waking', () => {
    const frozen = (t: number) => t % 15_000 === 0 && (t < 60_000 || t > 660_000);
    const s = pairSim(frozen, () => false, true);
    s.run(700_000);
    // frozen from 60 s to 660 s: silence is counted only from the wake-up at 675 s
    expect(s.drops).toEqual([]);
    s.run(900_000);
    expect(s.drops.length).toBe(1);
  });
});

describe('ticks over the distribution', () => {
  it('an idle connection stays up for an hour; ticks flow', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    c.connect(one, two);
    c.advance(3_600_000);
    expect(one.dist.list()).toEqual([two.name]);
    expect(one.dist.stats(two.name)!.ticksOut).toBeGreaterThan(200);
  });

  it('a peer whose ticker never runs is kept alive by answering ticks', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    c.connect(one, two);
    // two's net_kernel is gone: it neither ticks nor checks on its own schedule
    two.node.exit(two.dist.kernelPid!, atom('kill'));
    c.advance(1_800_000);
    expect(one.dist.list()).toEqual([two.name]);
    expect(two.dist.stats(one.name)!.ticksOut).toBeGreaterThan(100);
  });

  it('a cut link ends with the tick timeout: log, nodedown, :noconnection', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    const w = collect(one.node, true);
    const far = collect(two.node);
    c.settle();
    one.dist.monitorNodes(w.pid, true);
    one.node.processApi(w.pid)?.link(far.pid);
    c.settle();
    one.conditioner.cut('two@lab');
    c.advance(119_000);
    expect(one.dist.list()).toEqual([two.name]);
    c.advance(16_000);
    expect(one.dist.list()).toEqual([]);
    expect(one.logs).toContainEqual(['error', '** Node :two@lab not responding **\n** Removing (timedout) connection **']);
    expect(w.got).toEqual([tuple(atom('nodeup'), two.name), tuple(atom('EXIT'), far.pid, atom('noconnection')), tuple(atom('nodedown'), two.name)]);
    // the other side sees the close at once
    expect(two.dist.list()).toEqual([]);
    one.conditioner.heal('two@lab');
    expect(c.connect(one, two)).toBe(true);
  });
});

describe('setup timeout and the conditioner over the distribution', () => {
  it('a peer that accepts the link but never answers the handshake: connect is false after 7 s', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const mute = c.net.transport();
    mute.listen('mute@lab', () => {});
    c.settle();
    let result: boolean | null = null;
    one.dist.connect(atom('mute@lab'), (ok) => (result = ok));
    c.advance(6_900);
    expect(result).toBe(null);
    c.advance(200);
    expect(result).toBe(false);
  });

  it('a delayed link delivers messages after the delay, in order', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    const box = collect(two.node);
    c.connect(one, two);
    one.conditioner.set('two@lab', { delayMs: 1000 });
    one.node.send(box.pid, 1);
    one.node.send(box.pid, 2);
    c.advance(999);
    expect(box.got).toEqual([]);
    c.advance(1);
    expect(box.got).toEqual([1, 2]);
  });
});
