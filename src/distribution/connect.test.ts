import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../core/term/types.ts';
import { Cluster, collect } from './testing.ts';

const NODEUP = atom('nodeup');
const NODEDOWN = atom('nodedown');

describe('Node.connect / Node.list / Node.disconnect', () => {
  it('connects two nodes; both list each other; self and already-connected are true at once', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    c.settle();
    expect(one.dist.list()).toEqual([]);
    expect(c.connect(one, two)).toBe(true);
    expect(one.dist.list()).toEqual([two.name]);
    expect(two.dist.list()).toEqual([one.name]);
    expect(one.dist.list(['this', 'visible'])).toEqual([one.name, two.name]);
    expect(one.dist.list('hidden')).toEqual([]);
    expect(one.dist.list('known')).toEqual([one.name, two.name]);
    expect(one.dist.connect(two.name, () => {})).toEqual({ type: 'done', result: true });
    expect(one.dist.connect(one.name, () => {})).toEqual({ type: 'done', result: true });
  });

  it('connect to a missing node is false, with nothing logged', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    c.settle();
    expect(c.connect(one, atom('nonexist@lab'))).toBe(false);
    expect(one.dist.list()).toEqual([]);
    expect(one.logs).toEqual([]);
  });

  it('a node that is not alive answers :ignored, :nocookie, notalive', () => {
    const c = new Cluster();
    const anon = c.add('nonode@nohost');
    const two = c.add('two@lab');
    c.settle();
    expect(anon.dist.isAlive()).toBe(false);
    expect(c.connect(anon, two)).toBe('ignored');
    expect(anon.dist.getCookie()).toBe(atom('nocookie'));
    expect(anon.dist.setCookie(two.name, 'x')).toBe('notalive');
    expect(anon.dist.disconnect(two.name)).toBe('ignored');
    expect(anon.dist.kernelPid).toBe(null);
    expect(two.dist.getCookie()).toBe(atom('secret'));
  });

  it('disconnect: true when connected (both sides see it), false when not', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    c.connect(one, two);
    expect(one.dist.disconnect(two.name)).toBe(true);
    c.settle();
    expect(one.dist.list()).toEqual([]);
    expect(two.dist.list()).toEqual([]);
    expect(one.dist.disconnect(two.name)).toBe(false);
  });

  it('simultaneous connect: both callers get true and one connection survives', () => {
    const c = new Cluster();
    const a = c.add('a@lab');
    const b = c.add('b@lab');
    c.settle();
    const results: boolean[] = [];
    const statuses: string[] = [];
    b.dist.subscribe((e) => e.type === 'handshake:step' && e.name === 'status' && e.direction === 'out' && statuses.push(`b:${e.outcome}`));
    a.dist.subscribe((e) => e.type === 'handshake:step' && e.name === 'status' && e.direction === 'out' && statuses.push(`a:${e.outcome}`));
    a.dist.connect(b.name, (ok) => results.push(ok));
    b.dist.connect(a.name, (ok) => results.push(ok));
    c.settle();
    expect(results).toEqual([true, true]);
    // the greater name's attempt survives (b > a): b refuses a's attempt, a accepts b's
    expect(statuses).toEqual(['b:nok', 'a:ok_simultaneous']);
    expect(a.dist.list()).toEqual([b.name]);
    expect(b.dist.list()).toEqual([a.name]);
    // messages flow both ways on the surviving connection
    const ra = collect(a.node);
    const rb = collect(b.node);
    c.settle();
    a.node.send(rb.pid, 1);
    b.node.send(ra.pid, 2);
    c.settle();
    expect(rb.got).toEqual([1]);
    expect(ra.got).toEqual([2]);
  });
});

describe('cookies', () => {
  it('mismatch: the caller gets false and logs nothing; the acceptor logs BEAM\'s line per attempt', () => {
    const c = new Cluster();
    const three = c.add('three@vm', { cookie: 'cookie-one' });
    const two = c.add('two@vm', { cookie: 'cookie-two' });
    c.settle();
    expect(c.connect(three, two)).toBe(false);
    expect(three.logs).toEqual([]);
    expect(two.logs).toEqual([['error', '** Connection attempt from node :three@vm rejected. Invalid challenge reply. **']]);
    expect(c.connect(three, two)).toBe(false);
    expect(two.logs.length).toBe(2);
    expect(three.dist.getCookie()).toBe(atom('cookie-one'));
  });

  it('Node.set_cookie(node, c) makes the next connect succeed (used in both directions)', () => {
    const c = new Cluster();
    const one = c.add('node1@vm', { cookie: 'cookie-one' });
    const two = c.add('node2@vm', { cookie: 'cookie-two' });
    c.settle();
    expect(c.connect(one, two)).toBe(false);
    expect(one.dist.setCookie(two.name, atom('cookie-two'))).toBe(true);
    expect(c.connect(one, two)).toBe(true);
    expect(one.dist.list()).toEqual([two.name]);
    // the per-node cookie also answers node2's own attempts
    one.dist.disconnect(two.name);
    c.settle();
    expect(c.connect(two, one)).toBe(true);
  });

  it('rate-limits repeated failures from one peer and says so', () => {
    const c = new Cluster();
    const bad = c.add('bad@vm', { cookie: 'wrong' });
    const two = c.add('two@vm', { cookie: 'right' });
    c.settle();
    for (let i = 0; i < 5; i++) expect(c.connect(bad, two)).toBe(false);
    const errors = two.logs.filter(([l]) => l === 'error');
    expect(errors.length).toBe(3);
    expect(two.logs.filter(([l]) => l === 'warning')).toEqual([
      ['warning', '** Connection attempts from node :bad@vm rate-limited: 3 failed within 60 s; refusing it for 60 s **'],
    ]);
    // after the block, attempts are handled (and logged) again
    c.advance(61_000);
    bad.dist.setCookie(two.name, 'right');
    expect(c.connect(bad, two)).toBe(true);
  });

  it('no byte sent by any node (handshake and traffic) contains a cookie', () => {
    const c = new Cluster();
    const cookies = ['chocolate-chip-1', 'oatmeal-raisin-2'];
    const one = c.add('one@lab', { cookie: cookies[0] as string });
    const two = c.add('two@lab', { cookie: cookies[0] as string });
    const three = c.add('three@lab', { cookie: cookies[1] as string });
    const sent: Uint8Array[] = [];
    c.net.onSend((m) => sent.push(m.bytes));
    c.settle();
    expect(c.connect(one, two)).toBe(true);
    expect(c.connect(three, two)).toBe(false);
    three.dist.setCookie(two.name, cookies[0] as string);
    expect(c.connect(three, two)).toBe(true);
    const box = collect(two.node);
    c.settle();
    one.node.send(box.pid, tuple(atom('hello'), atom('world')));
    c.advance(60_000); // ticks too
    expect(box.got.length).toBe(1);
    expect(sent.length).toBeGreaterThan(10);
    const haystack = Buffer.concat(sent.map((b) => Buffer.from(b))).toString('latin1');
    for (const k of cookies) expect(haystack.includes(k)).toBe(false);
  });
});

describe('monitor_nodes and Node.monitor', () => {
  it('subscribers get {:nodeup, n} and {:nodedown, n}', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    const w = collect(one.node);
    c.settle();
    one.dist.monitorNodes(w.pid, true);
    c.connect(one, two);
    one.dist.disconnect(two.name);
    c.settle();
    expect(w.got).toEqual([tuple(NODEUP, two.name), tuple(NODEDOWN, two.name)]);
    one.dist.monitorNodes(w.pid, false);
    c.connect(one, two);
    expect(w.got.length).toBe(2);
  });

  it('Node.monitor connects, gives one nodedown per call, and nodedown at once for a ghost', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    const w = collect(one.node);
    c.settle();
    expect(one.dist.monitorNode(w.pid, two.name, true)).toBe(true);
    one.dist.monitorNode(w.pid, two.name, true);
    c.settle();
    expect(one.dist.list()).toEqual([two.name]);
    two.dist.disconnect(one.name);
    c.settle();
    expect(w.got).toEqual([tuple(NODEDOWN, two.name), tuple(NODEDOWN, two.name)]);
    one.dist.monitorNode(w.pid, atom('ghost@lab'), true);
    c.settle();
    expect(w.got[2]).toEqual(tuple(NODEDOWN, atom('ghost@lab')));
  });
});
