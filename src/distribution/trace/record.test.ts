import { describe, expect, it } from 'vitest';
import { Binary, Pid, atom, str, tuple, type Term } from '../../core/term/types.ts';
import { mapFromPairs } from '../../core/term/map.ts';
import { Recorder, type Recorded } from './record.ts';
import { computeClocks, concurrent, happenedBefore } from './record-clocks.ts';
import { fingerprint } from './fingerprint.ts';
import { decodeEvent, encodeEvent } from './wire.ts';

import { B, pa, pb, pc } from './record-test-nodes.ts';

const sent = (time: number, from: Pid, to: Term, message: Term) => ({ type: 'message:sent' as const, time, from, to, message, remote: true });
const received = (time: number, pid: Pid, message: Term) => ({ type: 'message:received' as const, time, pid, message });
/** What a viewer decodes of an event another node's tracer sent: the message stays home, its fingerprint travels. */
const overWire = <E extends Parameters<typeof encodeEvent>[0]>(e: E) => decodeEvent(encodeEvent(e)) as NonNullable<ReturnType<typeof decodeEvent>>;

describe('the recorder', () => {
  it('orders send/receive pairs across three nodes by vector clock, whatever order the batches came in', () => {
    const r = new Recorder();
    // a → b (:ping), then b → c (:pong); c also does something on its own first; a one more thing.
    // The viewer gets c's batch first, then b's, then a's.
    r.record('c@lab', { type: 'process:spawned', time: 1, pid: pc, parent: null, system: false });
    r.record('c@lab', overWire(received(9, pc, atom('pong'))));
    r.record('b@lab', overWire(received(5, pb, atom('ping'))));
    r.record('b@lab', overWire(sent(6, pb, pc, atom('pong'))));
    r.record('a@lab', overWire(sent(2, pa, pb, atom('ping'))));
    r.record('a@lab', { type: 'process:exited', time: 3, pid: pa, reason: atom('normal') });

    const ev = r.events();
    const [cSpawn, cRecv, bRecv, bSend, aSend, aExit] = ev as [Recorded, Recorded, Recorded, Recorded, Recorded, Recorded];
    expect([aSend.match, bRecv.match, bSend.match, cRecv.match]).toEqual([bRecv.id, aSend.id, cRecv.id, bSend.id]);
    // The receive learns the message from its send (the wire carried only its fingerprint).
    expect(cRecv.term).toBe(atom('pong'));

    const c = computeClocks(ev);
    const at = (e: Recorded) => c.indexOf(e.id);
    const vec = (e: Recorded) => Object.fromEntries(c.nodes.map((n, k) => [n, c.vector(at(e))[k]]));
    expect(vec(aSend)).toEqual({ 'c@lab': 0, 'b@lab': 0, 'a@lab': 1 });
    expect(vec(bRecv)).toEqual({ 'c@lab': 0, 'b@lab': 1, 'a@lab': 1 });
    expect(vec(bSend)).toEqual({ 'c@lab': 0, 'b@lab': 2, 'a@lab': 1 });
    expect(vec(cRecv)).toEqual({ 'c@lab': 2, 'b@lab': 2, 'a@lab': 1 });
    // Every send before its receive in the order, each node's events in its own order.
    expect(at(aSend)).toBeLessThan(at(bRecv));
    expect(at(bSend)).toBeLessThan(at(cRecv));
    expect(at(cSpawn)).toBeLessThan(at(cRecv));
    // Lamport: a receive is later than its send.
    expect(c.lamport[at(cRecv)]).toBeGreaterThan(c.lamport[at(bSend)] as number);
    expect(c.lamport[at(cRecv)]).toBe(4);
    // Causality: a's send → c's receive (through b); a's exit and c's spawn are concurrent with b's events.
    expect(happenedBefore(c, at(aSend), at(cRecv))).toBe(true);
    expect(happenedBefore(c, at(cRecv), at(aSend))).toBe(false);
    expect(concurrent(c, at(aExit), at(bRecv))).toBe(true);
    expect(concurrent(c, at(cSpawn), at(aSend))).toBe(true);
    expect(concurrent(c, at(aExit), at(cRecv))).toBe(true);
    expect(c.broken).toBe(0);
  });

  it('pairs equal messages oldest first, by receiver, and a named send with the process that holds the name', () => {
    const r = new Recorder();
    r.record('b@lab', { type: 'name:registered', time: 0, name: atom('ticker'), pid: pb });
    r.record('a@lab', sent(1, pa, pb, atom('tick')));
    r.record('a@lab', sent(2, pa, tuple(atom('ticker'), B), atom('tick')));
    r.record('a@lab', sent(3, pa, pc, atom('tick')));
    r.record('c@lab', received(4, pc, atom('tick')));
    r.record('b@lab', received(5, pb, atom('tick')));
    r.record('b@lab', received(6, pb, atom('tick')));
    const [, s1, s2, s3, rc, rb1, rb2] = r.events() as Recorded[];
    expect(rc?.match).toBe(s3?.id);
    expect(rb1?.match).toBe(s1?.id);
    expect(rb2?.match).toBe(s2?.id);
    expect(r.unpaired).toBe(0);
  });

  it('a message and its copy from another node have one fingerprint (maps in any order, big binaries bounded)', () => {
    const m1 = mapFromPairs([[atom('a'), 1], [atom('b'), str('x')]]);
    const m2 = mapFromPairs([[atom('b'), str('x')], [atom('a'), 1]]);
    expect(fingerprint(m1)).toBe(fingerprint(m2));
    expect(fingerprint(tuple(atom('x'), pa))).not.toBe(fingerprint(tuple(atom('x'), pb)));
    const big = Binary.fromBytes(new Uint8Array(1 << 20).fill(7));
    expect(fingerprint(big)).toBe(fingerprint(Binary.fromBytes(new Uint8Array(1 << 20).fill(7))));
  });

  it('keeps at most its capacity, oldest out, and its unpaired tables stay bounded', () => {
    const r = new Recorder({ capacity: 100 });
    for (let i = 0; i < 1000; i++) r.record('a@lab', sent(i, pa, new Pid(B, 1000 + i, 0, 1), i));
    expect(r.size).toBe(100);
    expect(r.evicted).toBe(900);
    expect(r.firstId).toBe(900);
    expect((r.events()[0] as Recorded).term).toBe(900);
    expect(r.unpaired).toBeLessThanOrEqual(200);
    // A receive whose send was evicted stays unpaired (never paired with a stranger).
    r.record('b@lab', received(2000, new Pid(B, 1000, 0, 1), 0));
    expect((r.events().at(-1) as Recorded).match).toBe(-1);
    r.clear();
    expect([r.size, r.unpaired]).toEqual([0, 0]);
  });

  it('keeps its unpaired tables bounded at every event, sweeping them a few keys at a time', () => {
    const r = new Recorder({ capacity: 500 });
    let most = 0;
    for (let i = 0; i < 20_000; i++) {
      // Sends to processes never heard from, and receipts of sends never seen: none pairs.
      if (i % 2 === 0) r.record('a@lab', sent(i, pa, new Pid(B, 1000 + (i % 3000), 0, 1), i));
      else r.record('b@lab', received(i, new Pid(B, 9000 + (i % 3000), 0, 1), i));
      most = Math.max(most, r.unpaired);
    }
    expect(r.size).toBe(500);
    // Unpaired ids of events still kept (500), and evicted ones not yet swept: a bounded few more.
    expect(most).toBeLessThanOrEqual(3 * 500);
    // Those kept still pair: the newest send's receipt finds it.
    r.record('b@lab', received(30_000, new Pid(B, 1000 + (19_998 % 3000), 0, 1), 19_998));
    const last = r.events().at(-1) as Recorded;
    expect(r.byId(last.match)?.term).toBe(19_998);
  });

  it('keeps a recorded message bounded, and records nothing while off', () => {
    const r = new Recorder();
    r.record('a@lab', sent(1, pa, pb, Binary.fromBytes(new Uint8Array(1 << 20))));
    const t = (r.events()[0] as Recorded).term as Binary;
    expect(t.byteSize).toBeLessThanOrEqual(256);
    r.recording = false;
    r.record('a@lab', sent(2, pa, pb, 1));
    r.note('a@lab', 'nodeup', 3, B);
    expect(r.size).toBe(1);
  });

  it('a forged pairing that would make a cycle is broken, never a hang', () => {
    const r = new Recorder();
    r.record('a@lab', received(1, pa, atom('x')));
    r.record('b@lab', received(1, pb, atom('y')));
    r.record('a@lab', sent(2, pa, pb, atom('y')));
    r.record('b@lab', sent(2, pb, pa, atom('x')));
    // a's receive waits for b's send, which comes after b's receive, which waits for a's send.
    const c = computeClocks(r.events());
    expect(c.order).toHaveLength(4);
    expect(c.broken).toBe(1);
  });
});
