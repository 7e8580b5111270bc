/**
 * The MONITOR_P / DEMONITOR_P fast path (monitor-path.ts), and ALIAS_SEND's writer, write and read exactly what the
 * generic path does (control tuple built and encoded term by term; packet decoded by frames, then
 * checked by decodeControl), in the pass-through and the atom cache's header form; a cut,
 * extended or corrupted packet gives the generic result or is left to the generic path.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { Pid, Ref, atom, tuple, type Atom, type Term } from '../../core/term/types.ts';
import { decodeControl, encodeControl, type ControlMessage } from '../control.ts';
import { DFLAG, PLAYGROUND_FLAGS } from '../handshake/flags.ts';
import { Connection } from '../connection.ts';
import { PacketWriter, PacketReader } from '../packet-stream.ts';
import { InAtomCache, OutAtomCache } from './atom-cache.ts';
import { concatBytes } from './concat.ts';
import { encodeInto } from './encode.ts';
import { DEMONITOR_P, MONITOR_P, writeMonitorTuple, type MonitorOp } from './monitor-path.ts';
import { decodePacket, encodePacket, hasAtomCacheRefs } from './packet.ts';
import { readSendSender, readSendSenderAt } from './send-path.ts';
import { hex, mangled } from './test-util.ts';
import { ByteWriter } from './writer.ts';

const a = atom('one@lab');
const b = atom('twó@lab');
const from = new Pid(a, 87, 0, 3);
const to = new Pid(b, 112, 1, 0xfffffffe);
const refs = [new Ref(a, 3, [9, 8, 7]), new Ref(a, 0xfffffffe, [1]), new Ref(b, 2, [5, 0, 0, 0, 0xffffffff])];
const targets: (Pid | Atom)[] = [to, atom('bench_echo'), atom('nämed')];
const ops: MonitorOp[] = [MONITOR_P, DEMONITOR_P];

/** Every signal the fast path writes: both ops, pid and name targets, refs of 1, 3 and 5 words. */
const signals: ControlMessage[] = ops.flatMap((op) =>
  targets.flatMap((target) => refs.map((ref): ControlMessage => ({ type: op === MONITOR_P ? 'monitor' : 'demonitor', from, target, ref }))),
);
const opOf = (m: ControlMessage): MonitorOp => (m.type === 'monitor' ? MONITOR_P : DEMONITOR_P);
const controlOf = (m: ControlMessage): Term => encodeControl(m, PLAYGROUND_FLAGS).control;
const concat = (ms: Uint8Array[]): Uint8Array => concatBytes(ms, ms.reduce((n, m) => n + m.length, 0));

/** What the generic path makes of a 112-form packet: the control message, or its error. */
function generic(body: Uint8Array): ControlMessage | string {
  const d = decodePacket(body);
  if (!d.ok) return d.error;
  if (d.packet.kind === 'tick') return 'tick';
  return decodeControl(d.packet.control, d.packet.payload);
}

describe('MONITOR_P / DEMONITOR_P fast path', () => {
  it('writes the control tuple the generic encoder writes', () => {
    for (const m of signals) {
      if (m.type !== 'monitor' && m.type !== 'demonitor') throw new Error('not a monitor signal');
      const fast = new ByteWriter();
      writeMonitorTuple(fast, opOf(m), m.from, m.target, m.ref);
      const slow = new ByteWriter();
      encodeInto(slow, controlOf(m), { versionByte: false });
      expect(hex(fast.finish())).toBe(hex(slow.finish()));
    }
  });

  it('PacketWriter writes the generic bytes in every form (pass-through, empty header, atom cache), between requests and replies', () => {
    const rnd = new SeededRandom(5);
    const opts = { versionByte: false };
    for (const form of ['pass-through', 'empty header', 'atom cache'] as const) {
      const cache = form === 'atom cache';
      const fast = new PacketWriter(1 << 16, 1 << 16, cache ? new OutAtomCache() : null);
      const slow = new PacketWriter(1 << 16, 1 << 16, cache ? new OutAtomCache() : null);
      fast.emptyHeader = slow.emptyHeader = form === 'empty header';
      for (let i = 0; i < 300; i++) {
        const m = signals[Math.floor(rnd.next() * signals.length)] as ControlMessage & { type: 'monitor' | 'demonitor' };
        expect(fast.pushMonitor(opOf(m), m.from, m.target, m.ref, opts, cache)).toBeNull();
        expect(slow.pushTerms(controlOf(m), undefined, opts, cache)).toBeNull();
        // A call's request between its monitor and demonitor: the header's refs change from packet to packet.
        if (rnd.next() < 0.5) {
          const call = tuple(atom('$gen_call'), tuple(from, m.ref), i);
          expect(fast.pushSend(from, to, call, opts, cache)).toBeNull();
          expect(slow.pushSend(from, to, call, opts, cache)).toBeNull();
        }
        // The server's reply to the caller's alias (ALIAS_SEND's fast writer, against its control tuple).
        if (rnd.next() < 0.5) {
          const reply = tuple(m.ref, tuple(atom('ok'), i));
          expect(fast.pushAliasSend(to, m.ref, reply, opts, cache)).toBeNull();
          expect(slow.pushTerms(tuple(33, to, m.ref), reply, opts, cache)).toBeNull();
        }
      }
      expect(hex(concat(fast.take()))).toBe(hex(concat(slow.take())));
    }
  });

  it('reads a 112-form packet as the generic path does', () => {
    for (const m of signals) {
      const body = encodePacket(controlOf(m));
      const expected = generic(body);
      expect(expected).toEqual(m);
      expect(readSendSender(body, {})).toEqual(expected);
    }
  });

  it('reads the atom cache header form as the generic path does', () => {
    const w = new PacketWriter(1 << 16, 1 << 16, new OutAtomCache());
    for (const m of signals) {
      if (m.type !== 'monitor' && m.type !== 'demonitor') throw new Error('not a monitor signal');
      expect(w.pushMonitor(opOf(m), m.from, m.target, m.ref, { versionByte: false }, true)).toBeNull();
    }
    const fastCache = new InAtomCache();
    const slowCache = new InAtomCache();
    const packets = new PacketReader(1 << 16).push(concat(w.take())).packets;
    expect(packets.length).toBe(signals.length);
    packets.forEach((p, i) => {
      expect(hasAtomCacheRefs(p)).toBe(true);
      const h = fastCache.read(p, 2);
      if (typeof h === 'string') throw new Error(h);
      const slow = decodePacket(p, {}, slowCache);
      if (!slow.ok || slow.packet.kind !== 'message') throw new Error('generic decode failed');
      const expected = decodeControl(slow.packet.control, slow.packet.payload);
      expect(expected).toEqual(signals[i]);
      expect(readSendSenderAt(p, h.next, false, { versionByte: false }, h.refs)).toEqual(expected);
    });
  });

  it('leaves a payload, a bad target or ref, and other 4-tuples to the generic path, which refuses them in its own words', () => {
    const ref = refs[0] as Ref;
    const bad: [Term, Term | undefined][] = [
      [tuple(19, from, to, ref), 1], // MONITOR_P has no payload
      [tuple(20, from, to, ref), atom('x')],
      [tuple(19, from, ref, ref), undefined], // target a ref
      [tuple(19, from, 7, ref), undefined],
      [tuple(20, from, tuple(atom('n'), b), ref), undefined], // {name, node} is not a wire target
      [tuple(19, from, to, to), undefined], // ref a pid
      [tuple(20, from, to, tuple(ref)), undefined],
      [tuple(19, ref, to, ref), undefined], // from a ref
      [tuple(19, atom('x'), to, ref), undefined],
    ];
    for (const [control, payload] of bad) {
      const body = encodePacket(control, payload);
      expect(readSendSender(body, {})).toBeNull();
      expect(typeof generic(body)).toBe('string');
    }
    // Other 4-tuples (REG_SEND, UNLINK_ID, MONITOR_P_EXIT's payload form) are not this path's.
    for (const control of [tuple(6, from, atom(''), atom('x')), tuple(35, 1, from, to), tuple(28, to, from, ref)]) {
      expect(readSendSender(encodePacket(control, 1), {})).toBeNull();
    }
  });

  it('a cut, extended or corrupted packet gives the generic result or nothing, never a signal the generic path refuses', () => {
    const rnd = new SeededRandom(23);
    let checked = 0;
    let refused = 0;
    for (const m of signals) {
      const body = encodePacket(controlOf(m));
      const variants = mangled(body, [[0], [131, 106]], 150, () => rnd.next());
      for (const v of variants) {
        const fast = readSendSender(v, {});
        const slow = generic(v);
        if (fast === null) {
          if (typeof slow === 'string') refused++;
          continue;
        }
        checked++;
        expect(fast).toEqual(slow);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });

  it('a call between two connections: the monitor and demonitor arrive as sent, in every form', () => {
    const noCache = PLAYGROUND_FLAGS & ~DFLAG.DIST_HDR_ATOM_CACHE;
    for (const [flags, beam] of [[PLAYGROUND_FLAGS, false], [PLAYGROUND_FLAGS, true], [noCache, false]] as const) {
      const x = new Connection({ peer: b, flags, maxMessageBytes: 16384, now: 0, beam });
      const y = new Connection({ peer: a, flags, maxMessageBytes: 16384, now: 0 });
      const sent: ControlMessage[] = [
        ...signals,
        { type: 'send', from, to, message: tuple(atom('$gen_call'), tuple(from, refs[0] as Ref), 1) },
        { type: 'alias_send', from: to, alias: refs[0] as Ref, message: tuple(refs[0] as Ref, 1) },
        ...signals,
      ];
      for (const m of sent) expect(x.send(m)).toBeNull();
      const got: ControlMessage[] = [];
      for (const bytes of x.take(0)) {
        const r = y.receive(bytes, 0);
        expect(r.error).toBeNull();
        got.push(...r.messages);
      }
      expect(got).toEqual(sent);
    }
  });
});
