/**
 * Hostile callers over the memory transport: a link may claim only the name its signalling
 * identity belongs to, failures count against that identity (not a claimed name), and a live
 * connection is replaced only by a caller that has proven the cookie.
 */
import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../core/term/types.ts';
import { Cluster, collect } from './testing.ts';
import type { TestPeer } from './testing.ts';
import { caller, type Attempt } from './testing-caller.ts';
import { NOK_LINGER_MS } from './peers.ts';

const NODEUP = atom('nodeup');
const NODEDOWN = atom('nodedown');

/** one@lab and two@lab connected, with a nodes monitor on each side. */
function liveCluster(): { c: Cluster; one: TestPeer; two: TestPeer; seenByOne: unknown[]; seenByTwo: unknown[] } {
  const c = new Cluster();
  const one = c.add('one@lab');
  const two = c.add('two@lab');
  c.settle();
  expect(c.connect(one, two)).toBe(true);
  const w1 = collect(one.node);
  const w2 = collect(two.node);
  c.settle();
  one.dist.monitorNodes(w1.pid, true);
  two.dist.monitorNodes(w2.pid, true);
  return { c, one, two, seenByOne: w1.got, seenByTwo: w2.got };
}

/** two@lab alone on the network, and a hand-driven caller registered as evil@lab. */
function twoAndEvil(): { c: Cluster; two: TestPeer; evil: ReturnType<typeof caller> } {
  const c = new Cluster();
  const two = c.add('two@lab');
  c.settle();
  return { c, two, evil: caller(c, 'evil@lab') };
}

/** No nodedown on either side, and the one@lab <-> two@lab connection still carries messages. */
function expectUntouched({ c, one, two, seenByOne, seenByTwo }: ReturnType<typeof liveCluster>): void {
  expect(seenByTwo).toEqual([]);
  expect(seenByOne).toEqual([]);
  expect(two.dist.list()).toEqual([one.name]);
  expectLinkCarries(c, one, two);
}

/** A message each way over the one@lab <-> two@lab connection arrives. */
function expectLinkCarries(c: Cluster, one: TestPeer, two: TestPeer): void {
  const at1 = collect(one.node);
  const at2 = collect(two.node);
  c.settle();
  one.node.send(at2.pid, atom('ping'));
  two.node.send(at1.pid, atom('pong'));
  c.settle();
  expect(at2.got).toEqual([atom('ping')]);
  expect(at1.got).toEqual([atom('pong')]);
}

const errors = (p: TestPeer): string[] => p.logs.filter(([l]) => l === 'error').map(([, t]) => t);
const warnings = (p: TestPeer): string[] => p.logs.filter(([l]) => l === 'warning').map(([, t]) => t);

describe('a link claims only the name of its signalling identity', () => {
  it('an impostor claiming one@lab, even with the cookie, is refused at send_name: nothing changes on two', () => {
    const live = liveCluster();
    const { c, two } = live;
    const evil = caller(c, 'evil@lab');
    const a = evil.open('one@lab', 'secret');
    c.settle();
    expect(evil.heard).toEqual(['not_allowed']);
    expect(a.closed).toBe(true);
    expect(errors(two)).toEqual(['** Connection attempt from disallowed node one@lab ** ']);
    expectUntouched(live);
  });

  it('a claimed name never reaches the node table, and no nodedown goes out for it', () => {
    const { c, two, seenByTwo } = liveCluster();
    const watcher = collect(two.node);
    c.settle();
    two.dist.monitorNode(watcher.pid, atom('one@lab'), true);
    const evil = caller(c, 'evil@lab');
    evil.open('ghost@lab', 'secret');
    evil.open('one@lab', 'secret');
    c.settle();
    expect(two.dist.list('known')).toEqual([two.name, atom('one@lab')]);
    expect(seenByTwo).toEqual([]);
    expect(watcher.got).toEqual([]);
  });

  it('the real one@lab connects after impostors failed under its name many times', () => {
    const { c, two, evil } = twoAndEvil();
    for (let i = 0; i < 5; i++) evil.open('one@lab', 'wrong');
    c.settle();
    const one = c.add('one@lab');
    c.settle();
    expect(c.connect(one, two)).toBe(true);
    expect(warnings(two)).toEqual(['** Connection attempts from node :evil@lab rate-limited: 3 failed within 60 s; refusing it for 60 s **']);
  });
});

describe('failures count per link identity', () => {
  it('a caller changing the claimed name on every try is cut off after 3 tries, its log lines bounded', () => {
    const { c, two, evil } = twoAndEvil();
    const tries: Attempt[] = [];
    for (let i = 0; i < 1000; i++) {
      tries.push(evil.open(`n${i}@lab`, 'wrong'));
      c.settle();
    }
    expect(tries.every((t) => t.closed)).toBe(true);
    // Three answered with not_allowed; every later link closed before a word.
    expect(evil.heard).toEqual(['not_allowed', 'not_allowed', 'not_allowed']);
    expect(errors(two).length).toBe(3);
    expect(warnings(two).length).toBe(1);
  });

  it('links opened all at once by one identity are logged at most 3 times, whatever they claim', () => {
    const { c, two, evil } = twoAndEvil();
    const tries: Attempt[] = [];
    for (let i = 0; i < 200; i++) tries.push(evil.open(i % 2 === 0 ? `n${i}@lab` : 'evil@lab', 'wrong'));
    c.settle();
    // Those claiming evil@lab while one of them was pending were answered nok (two@lab has the
    // greater name); this caller keeps them open, so two closes them after the linger.
    c.advance(NOK_LINGER_MS);
    expect(tries.every((t) => t.closed)).toBe(true);
    expect(errors(two).length).toBe(3);
    expect(warnings(two).length).toBe(1);
    expect(two.dist.list('known')).toEqual([two.name]);
  });

  it('malformed handshake bytes close the link with a logged reason, counted like other failures', () => {
    const { c, two, evil } = twoAndEvil();
    const tries: Attempt[] = [];
    for (let i = 0; i < 10; i++) {
      tries.push(evil.junk(Uint8Array.from([78, 0, 1, i])));
      c.settle();
    }
    expect(tries.every((t) => t.closed)).toBe(true);
    expect(errors(two)).toEqual(Array(3).fill('** Connection attempt from node :evil@lab closed: protocol error: bad send_name: truncated **'));
    expect(warnings(two).length).toBe(1);
    // A claimed name of 10,000 bytes is quoted in the log only in part.
    const { c: c2, two: two2, evil: evil2 } = twoAndEvil();
    const long = new TextEncoder().encode('x'.repeat(10_000));
    const m = new Uint8Array(15 + long.length);
    m.set([78, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, long.length >> 8, long.length & 255]);
    m.set(long, 15);
    evil2.junk(m);
    c2.settle();
    expect(errors(two2).length).toBe(1);
    expect((errors(two2)[0] as string).length).toBeLessThan(300);
  });

  it('a blocked identity does not block another one', () => {
    const { c, two, evil } = twoAndEvil();
    for (let i = 0; i < 3; i++) evil.open('evil@lab', 'wrong');
    c.settle();
    // One failed its cookie; the two that met it pending got nok and were kept open: each counts.
    c.advance(NOK_LINGER_MS);
    const sentBefore = evil.heard.length;
    const blocked = evil.open('evil@lab', 'secret');
    c.settle();
    expect(blocked.closed).toBe(true);
    expect(evil.heard.length).toBe(sentBefore);
    const one = c.add('one@lab');
    c.settle();
    expect(c.connect(one, two)).toBe(true);
  });
});

describe('alive: a live connection is replaced only by a caller that proves the cookie', () => {
  it('a caller holding one@lab\'s signalling id, without the cookie, answering true: the live link stays', () => {
    const live = liveCluster();
    const { c, two } = live;
    // one@lab's tab lost its signalling connection and someone registered its id meanwhile.
    c.net.forget('one@lab');
    const hijack = caller(c, 'one@lab');
    const a = hijack.open('one@lab', 'no-cookie');
    c.settle();
    expect(a.received.slice(0, 2)).toEqual(['alive', 'N']);
    expect(a.closed).toBe(true);
    expect(errors(two)).toEqual(['** Connection attempt from node :one@lab rejected. Invalid challenge reply. **']);
    expectUntouched(live);
  });

  it('one@lab restarted while its old link still looks up: the new incarnation replaces it', () => {
    const { c, one, two, seenByTwo } = liveCluster();
    c.net.forget('one@lab');
    const again = c.add('one@lab', { seed: 99 });
    c.settle();
    expect(c.connect(again, two)).toBe(true);
    expect(seenByTwo).toEqual([tuple(NODEDOWN, one.name), tuple(NODEUP, one.name)]);
    expect(one.dist.list()).toEqual([]);
    expect(two.dist.list()).toEqual([again.name]);
    expectLinkCarries(c, again, two);
  });
});
