/**
 * The receiving side's memo of the last `{22, From, To}` (send-path.ts SendMemo): a repeated
 * control tuple is compared, not decoded, and must read exactly as the generic path reads it;
 * the same bytes under other atom cache refs, a packet cut inside or right after the kept tuple,
 * and a bad message after it get what they get without the memo.
 */
import { describe, expect, it } from 'vitest';
import { Pid, Tuple, atom, type Atom } from '../../core/term/types.ts';
import { decodeControl } from '../control.ts';
import { decodePacket } from './packet.ts';
import { SendMemo, readSendSender, readSendSenderAt, writeSendSenderControl, writeSendSenderTuple } from './send-path.ts';
import { encodeInto } from './encode.ts';
import { ByteWriter } from './writer.ts';
import * as T from './tags.ts';

const a = atom('one@lab');
const b = atom('twó@lab');
const p1 = new Pid(a, 87, 0, 3);
const p2 = new Pid(b, 112, 1, 0xfffffffe);
const p3 = new Pid(b, 113, 1, 0xfffffffe);

/** A 112-form SEND_SENDER packet body. */
function passThrough(from: Pid, to: Pid, i: number): Uint8Array {
  const w = new ByteWriter();
  w.u8(112);
  writeSendSenderControl(w, from, to);
  w.u8(T.VERSION);
  encodeInto(w, new Tuple([atom('msg'), i]), {});
  return w.finish();
}

/** What the generic path reads from a 112-form packet. */
function generic(body: Uint8Array): unknown {
  const d = decodePacket(body);
  if (!d.ok) return d.error;
  if (d.packet.kind === 'tick') return 'tick';
  return decodeControl(d.packet.control, d.packet.payload);
}

/** `{22, From, To} {msg, i}` with both pids' node names as atom cache refs 0 and 1 (after a header). */
function withRefs(i: number): Uint8Array {
  const pid = (ref: number, id: number): number[] => [T.NEW_PID_EXT, T.ATOM_CACHE_REF, ref, 0, 0, 0, id, 0, 0, 0, 0, 0, 0, 0, 1];
  return new Uint8Array([T.SMALL_TUPLE_EXT, 3, T.SMALL_INTEGER_EXT, 22, ...pid(0, 5), ...pid(1, 6), T.SMALL_TUPLE_EXT, 2, T.SMALL_ATOM_UTF8_EXT, 3, 109, 115, 103, T.SMALL_INTEGER_EXT, i]);
}

describe('SendMemo', () => {
  it('reads a run of packets, repeated pairs and changing ones, as the generic path does', () => {
    const memo = new SendMemo();
    const pairs: [Pid, Pid][] = [[p1, p2], [p1, p2], [p1, p2], [p1, p3], [p1, p3], [p2, p1], [p1, p2], [p1, p2]];
    pairs.forEach(([from, to], i) => {
      const body = passThrough(from, to, i);
      expect(readSendSender(body, {}, memo)).toEqual(generic(body));
    });
  });

  it('shares the pids of a repeated tuple (read once)', () => {
    const memo = new SendMemo();
    const x = readSendSender(passThrough(p1, p2, 1), {}, memo);
    const y = readSendSender(passThrough(p1, p2, 2), {}, memo);
    if (x?.type !== 'send' || y?.type !== 'send') throw new Error('not a send');
    expect(y.from).toBe(x.from);
    expect(y.to).toBe(x.to);
    expect(y.message).toEqual(new Tuple([atom('msg'), 2]));
  });

  it('reads the same tuple bytes under other atom cache refs as those refs say', () => {
    const memo = new SendMemo();
    const opts = { versionByte: false as const };
    const first = readSendSenderAt(withRefs(1), 0, false, opts, [a, b, a], memo);
    const swapped = readSendSenderAt(withRefs(2), 0, false, opts, [b, a, a], memo);
    const fewer = readSendSenderAt(withRefs(3), 0, false, opts, [b, a], memo);
    const refsFor = (x: typeof first): Atom[] => (x?.type === 'send' ? [x.from.node, x.to.node] : []);
    expect(refsFor(first)).toEqual([a, b]);
    expect(refsFor(swapped)).toEqual([b, a]);
    expect(refsFor(fewer)).toEqual([b, a]);
    expect(readSendSenderAt(withRefs(4), 0, false, opts, [a], new SendMemo())).toBeNull();
    // A ref the header does not have, after a memo made with one it did: refused as without the memo.
    expect(readSendSenderAt(withRefs(4), 0, false, opts, [a], memo)).toBeNull();
  });

  it('refuses a packet cut inside or right after the kept tuple, and a bad message after it, as without the memo', () => {
    const memo = new SendMemo();
    const good = passThrough(p1, p2, 7);
    expect(readSendSender(good, {}, memo)).toEqual(generic(good));
    const tuple = new ByteWriter();
    writeSendSenderTuple(tuple, p1, p2);
    const tupleEnd = 2 + tuple.finish().length; // 112, 131, then the tuple
    const cases = [
      good.subarray(0, tupleEnd - 3), // inside the To pid
      good.subarray(0, tupleEnd), // no message
      good.subarray(0, tupleEnd + 1), // a message that is only its version byte
      new Uint8Array([...good.subarray(0, tupleEnd), T.VERSION, 0xff]), // a bad tag
      new Uint8Array([...good.subarray(0, tupleEnd), 0, T.SMALL_INTEGER_EXT, 1]), // no version byte
      new Uint8Array([...good, 0]), // a byte after the message
    ];
    for (const body of cases) {
      expect(readSendSender(body, {}, memo)).toEqual(readSendSender(body, {}));
      expect(readSendSender(body, {}, memo)).toBeNull();
      expect(typeof generic(body)).toBe('string');
    }
    // The memo still holds the good tuple.
    expect(readSendSender(passThrough(p1, p2, 8), {}, memo)).toEqual(generic(passThrough(p1, p2, 8)));
  });
});
