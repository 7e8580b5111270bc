/**
 * Two nodes connecting to each other at the same moment (OTP's simultaneous connect): exactly one
 * connection survives, both sides agree on it, both `Node.connect` callers get true, nothing sent
 * meanwhile is lost and nothing is logged. OTP settles it in net_kernel's `{accept_pending, ...}`
 * (one pending entry per node, whoever started it): the greater name keeps its attempt and
 * answers the other `nok`; the smaller answers `ok_simultaneous` and drops its own.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import type { LogLevel } from '../core/ports.ts';
import { atom } from '../core/term/types.ts';
import { createNode } from '../core/runtime/node.ts';
import { attachDistribution } from './distribution.ts';
import type { DistEvent } from './dist-types.ts';
import { createPeerJsTransport } from './transports/peerjs.ts';
import { FakePeerNetwork } from './transports/peerjs-fake.ts';
import { peerIdForNode } from './peer-id.ts';
import { Cluster, collect, type TestPeer } from './testing.ts';
import { caller } from './testing-caller.ts';
import { NOK_LINGER_MS } from './peers.ts';
import { encodeChallenge, encodeStatus } from './handshake/messages.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';
import type { Link } from './transports/transport.ts';

/** Lets the transport's microtasks (its deferred callbacks) run. */
const microtasks = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('over PeerJS: an incoming data connection that fires open twice', () => {
  async function tabs() {
    const clock = new SimulatedClock();
    const net = new FakePeerNetwork();
    const make = (name: string, seed: number) => {
      const logs: string[] = [];
      const logger = { log: (_l: LogLevel, text: string) => void logs.push(text) };
      const node = createNode({ clock, random: new SeededRandom(seed), stdout: () => {}, name, creation: seed, logger });
      const transport = createPeerJsTransport(net.add(peerIdForNode(name)));
      const dist = attachDistribution(node, { cookie: 'secret', transport, clock, random: new SeededRandom(seed * 31), logger });
      return { node, dist, logs };
    };
    const one = make('one@lab', 1);
    const two = make('two@lab', 2);
    const settle = async () => {
      for (let i = 0; i < 10_000; i++) {
        let moved = one.node.runUntilIdle() + two.node.runUntilIdle();
        if (net.step()) moved++;
        await microtasks();
        if (moved === 0 && !one.node.hasWork() && !two.node.hasWork()) return;
      }
      throw new Error('did not settle');
    };
    await settle();
    return { net, one, two, settle };
  }

  it('both tabs connect at once: one channel, one handshake on it, both callers get true', async () => {
    const { net, one, two, settle } = await tabs();
    net.openTwice(2);
    const results: string[] = [];
    one.dist.connect(atom('two@lab'), (ok) => results.push(`one:${ok}`));
    two.dist.connect(atom('one@lab'), (ok) => results.push(`two:${ok}`));
    await settle();
    expect([...one.logs, ...two.logs]).toEqual([]);
    expect(results.sort()).toEqual(['one:true', 'two:true']);
    expect(one.dist.list()).toEqual([atom('two@lab')]);
    expect(two.dist.list()).toEqual([atom('one@lab')]);
  });
});

/**
 * Both nodes call `Node.connect` for each other, the second call coming `k` network events after
 * the first, with one side's links slowed by `delay` ms: every place the second attempt can meet
 * the first (before its link exists, at send_name, at the status, mid-challenge, once one side is
 * up). Each side also sends a message to the other before the connection is up.
 */
function race(first: string, second: string, k: number, delay: number) {
  const c = new Cluster();
  const a = c.add(first);
  const b = c.add(second);
  const atA = collect(a.node);
  const atB = collect(b.node);
  c.settle();
  if (delay > 0) a.conditioner.set(second, { delayMs: delay });
  const events: string[] = [];
  const watch = (p: TestPeer) => p.dist.subscribe((e: DistEvent) => {
    if (e.type === 'connection:up' || e.type === 'connection:down') events.push(`${p.name.name} ${e.type}`);
  });
  watch(a);
  watch(b);
  const results: string[] = [];
  const connect = (p: TestPeer, q: TestPeer) => {
    const now = p.dist.connect(q.name, (ok) => results.push(`${p.name.name}:${ok}`));
    if (now.type === 'done') results.push(`${p.name.name}:${now.result}`);
  };
  connect(a, b);
  a.node.send(atB.pid, atom('from_a'));
  for (let i = 0; i < k; i++) {
    a.node.runUntilIdle();
    c.net.flush(1);
    a.conditioner.runDue();
  }
  connect(b, a);
  b.node.send(atA.pid, atom('from_b'));
  c.advance(100);
  return { a, b, atA, atB, results: results.sort(), events: events.sort(), logs: [...a.logs, ...b.logs].map((l) => l[1]) };
}

describe('over the memory transport: every interleaving of two connects', () => {
  for (const [first, second] of [['a@lab', 'b@lab'], ['b@lab', 'a@lab']] as const) {
    it(`${first} connects first, ${second} a few network events later: one connection, both true, nothing lost`, () => {
      for (let k = 0; k <= 24; k++) {
        for (const delay of [0, 1, 3]) {
          const r = race(first, second, k, delay);
          const where = `k=${k} delay=${delay}`;
          expect(r.logs, where).toEqual([]);
          expect(r.results, where).toEqual([`${first}:true`, `${second}:true`].sort());
          expect(r.a.dist.list(), where).toEqual([r.b.name]);
          expect(r.b.dist.list(), where).toEqual([r.a.name]);
          // One connection: one nodeup each side, never a nodedown.
          expect(r.events, where).toEqual([`${first} connection:up`, `${second} connection:up`].sort());
          expect(r.atB.got, where).toEqual([atom('from_a')]);
          expect(r.atA.got, where).toEqual([atom('from_b')]);
        }
      }
    });
  }
});

/** A hand-driven node listening as `name` that answers each message of an incoming handshake with `answer`. */
function responder(c: Cluster, name: string, answer: (bytes: Uint8Array, n: number) => Uint8Array[]): { links: Link[] } {
  const links: Link[] = [];
  const t = c.net.transport();
  t.listen(name, (link) => {
    links.push(link);
    let n = 0;
    link.onMessage((b) => {
      for (const m of answer(b, n++)) link.send(m);
    });
  });
  return { links };
}

describe('a peer that answers out of turn, or opens many handshakes at once', () => {
  const text = (s: string) => new TextEncoder().encode(s);
  function attempt(c: Cluster, from: TestPeer, to: string): { result: boolean | null } {
    const r: { result: boolean | null } = { result: null };
    from.dist.connect(atom(to), (ok) => (r.result = ok));
    c.settle();
    return r;
  }

  it('nok from the smaller name (it should have said ok_simultaneous): a clean close, logged, at once', () => {
    const c = new Cluster();
    const me = c.add('b@lab');
    c.settle();
    const peer = responder(c, 'a@lab', () => [encodeStatus('nok')]);
    const r = attempt(c, me, 'a@lab');
    // Failed now, not after the setup timeout: nothing pending waits for an attempt that never comes.
    expect(r.result).toBe(false);
    expect(me.logs).toEqual([['error', '** Connection attempt to node :a@lab closed: protocol error: nok from a node with a smaller name **']]);
    expect(peer.links.length).toBe(1);
    expect(me.dist.list()).toEqual([]);
  });

  it('ok_simultaneous or alive where the challenge belongs: a clean close with a logged reason', () => {
    for (const s of ['ok_simultaneous', 'alive', 'nok'] as const) {
      const c = new Cluster();
      const me = c.add('b@lab');
      c.settle();
      responder(c, 'z@lab', () => [encodeStatus('ok'), encodeStatus(s)]);
      const r = attempt(c, me, 'z@lab');
      expect(r.result, s).toBe(false);
      expect(me.logs.length, s).toBe(1);
      expect(me.logs[0]?.[1], s).toMatch(/^\*\* Connection attempt to node :z@lab closed: protocol error: /u);
    }
  });

  it('a status where challenge_ack belongs (the CI failure\'s bytes): logged once, the node goes on', () => {
    const c = new Cluster();
    const me = c.add('b@lab');
    const other = c.add('c@lab');
    c.settle();
    // Answers send_name like a real node would, with a challenge whose name is right; then `sok` for the ack.
    responder(c, 'z@lab', (b, n) => {
      if (n === 0) return [encodeStatus('ok'), challengeFrom('z@lab')];
      return b[0] === 114 ? [encodeStatus('ok')] : [];
    });
    const r = attempt(c, me, 'z@lab');
    expect(r.result).toBe(false);
    expect(me.logs).toEqual([['error', '** Connection attempt to node :z@lab closed: protocol error: bad challenge_ack (3 bytes) **']]);
    expect(c.connect(me, other)).toBe(true);
  });

  it('an acceptor told true/false or ok it never asked for: closed, logged', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    c.settle();
    const evil = caller(c, 'evil@lab');
    const a = evil.junk(text('strue'));
    c.settle();
    expect(a.closed).toBe(true);
    expect(two.logs.map((l) => l[1])).toEqual(['** Connection attempt from node :evil@lab closed: protocol error: bad send_name: tag 115 **']);
  });

  it('many handshakes at once from one identity, toward the greater name: one connection, the rest nok and closed', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    const watcher = collect(two.node);
    c.settle();
    two.dist.monitorNodes(watcher.pid, true);
    const one = caller(c, 'one@lab');
    const tries = Array.from({ length: 50 }, () => one.open('one@lab', 'secret'));
    c.settle();
    expect(two.dist.list()).toEqual([atom('one@lab')]);
    expect(tries.filter((t) => t.received[0] === 'nok').length).toBe(49);
    c.advance(NOK_LINGER_MS);
    expect(tries.filter((t) => t.closed).length).toBe(49);
    expect(watcher.got.length).toBe(1);
    // Kept open after nok, they count against the identity: its further attempts are refused, once logged.
    expect(two.logs).toEqual([['warning', '** Connection attempts from node :one@lab rate-limited: 3 failed within 60 s; refusing it for 60 s **']]);
    // The node is not stuck: another connects.
    const three = c.add('three@lab');
    c.settle();
    expect(c.connect(three, two)).toBe(true);
  });

  it('many handshakes at once from one identity, toward the smaller name: each takes the last one\'s place, one survives', () => {
    const c = new Cluster();
    const a = c.add('a@lab');
    const watcher = collect(a.node);
    c.settle();
    a.dist.monitorNodes(watcher.pid, true);
    const z = caller(c, 'z@lab');
    const tries = Array.from({ length: 50 }, () => z.open('z@lab', 'secret', 'a@lab'));
    c.settle();
    expect(a.dist.list()).toEqual([atom('z@lab')]);
    expect(tries.filter((t) => !t.closed).length).toBe(1);
    expect(watcher.got.length).toBe(1);
    expect(a.logs).toEqual([]);
  });

  it('alive already being answered for a node: a second handshake claiming it is closed without a word', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    c.settle();
    expect(c.connect(one, two)).toBe(true);
    c.net.forget('one@lab');
    const again = caller(c, 'one@lab');
    const first = again.open('one@lab', 'secret');
    const second = again.open('one@lab', 'secret');
    c.settle();
    expect(first.received[0]).toBe('alive');
    expect(second.received).toEqual([]);
    expect(second.closed).toBe(true);
    expect(two.dist.list()).toEqual([atom('one@lab')]);
  });
});

/** A challenge message from `name` (what an acceptor sends after its status). */
function challengeFrom(name: string): Uint8Array {
  return encodeChallenge({ flags: PLAYGROUND_FLAGS, challenge: 12345, creation: 9, name });
}
