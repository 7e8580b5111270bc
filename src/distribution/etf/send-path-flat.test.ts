/**
 * The SEND_SENDER fast path's flat reader (a leaf, or small tuples and lists of leaves nested a
 * few deep, read without the generic decoder's frames): it gives exactly what the generic path gives, and on any damaged
 * packet it gives nothing the generic path would refuse.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { Binary, Float, Fun, NIL, Pid, Ref, Tuple, atom, list, str, tuple, type Term } from '../../core/term/types.ts';
import { decodePacket, encodePacket } from './packet.ts';
import { readSendSender, type FastControl } from './send-path.ts';
import { mangled, termEq } from './test-util.ts';
import { mapFromPairs } from '../../core/term/map.ts';

const from = new Pid(atom('one@lab'), 87, 0, 3);
const to = new Pid(atom('twó@lab'), 112, 1, 0xfffffffe);

/** What the generic path makes of a body: the message of a SEND_SENDER, or null. */
/** The message a fast read gave (monitor signals carry none). */
const messageOf = (f: FastControl | null): Term | undefined => (f !== null && 'message' in f ? f.message : undefined);

function generic(body: Uint8Array): Term | null {
  const d = decodePacket(body);
  if (!d.ok || d.packet.kind !== 'message' || d.packet.payload === undefined) return null;
  const c = d.packet.control;
  if (!(c instanceof Tuple) || c.elements[0] !== 22 || !(c.elements[1] instanceof Pid) || !(c.elements[2] instanceof Pid)) return null;
  return d.packet.payload;
}

const leaves: Term[] = [
  0, 255, 256, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 40, -(2n ** 70n), new Float(1.5), atom('ok'), atom('ünïcode'), NIL,
  str('bytes'), Binary.fromBytes(new Uint8Array(300).fill(1)), from, new Ref(atom('a@b'), 7, [1, 2, 3]),
  new Fun(2, { type: 'export', module: atom('lists'), name: atom('map') }, null, null), list([1, 2, 3]),
];

const ref = new Ref(atom('one@lab'), 3, [9, 8, 7]);
/** A GenServer call as gen:do_call/4 sends it, and its reply through the alias. */
const genCall = tuple(atom('$gen_call'), tuple(from, list([atom('alias')], ref)), 42);
const genReply = tuple(list([atom('alias')], ref), tuple(atom('ok'), str('done')));

describe('SEND_SENDER fast path: flat messages', () => {
  it('reads leaves and small tuples of leaves as the generic decoder does', () => {
    const messages: Term[] = [
      ...leaves, tuple(), tuple(atom('msg'), 7), new Tuple(leaves.slice(0, 8)), genCall, genReply,
      tuple(atom('a'), tuple(1, list([2, tuple()]))), list([atom('x'), tuple(1, 2)]), tuple(list([1, 2], atom('improper'))),
    ];
    for (const m of messages) {
      const body = encodePacket(tuple(22, from, to), m);
      const fast = readSendSender(body, {});
      expect(fast).not.toBeNull();
      expect(termEq(messageOf(fast) as Term, generic(body) as Term)).toBe(true);
      expect(termEq(messageOf(fast) as Term, m)).toBe(true);
    }
  });

  it('leaves deeper and larger containers, and maps, to the generic decoder, with the same result', () => {
    const deep = tuple(atom('a'), tuple(1, tuple(2, tuple(3))));
    const longList = tuple(atom('m'), list([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => tuple(i))));
    const map = tuple(atom('m'), mapFromPairs([[1, tuple(2)]]));
    for (const m of [deep, map, new Tuple(leaves.slice(0, 9)), longList, tuple(atom('a'), tuple(1, 2)), tuple(atom('m'), list([tuple(1)]))]) {
      const body = encodePacket(tuple(22, from, to), m);
      expect(termEq(messageOf(readSendSender(body, {})) as Term, m)).toBe(true);
    }
  });

  it('a cut, extended or corrupted packet gives the generic result or nothing, never a message the generic path refuses', () => {
    const rnd = new SeededRandom(17);
    const bodies = [tuple(atom('msg'), 7), new Tuple(leaves.slice(0, 8)), tuple(new Float(2.5), atom('x'), str('y')), genCall, genReply].map((m) => encodePacket(tuple(22, from, to), m));
    let checked = 0;
    for (const body of bodies) {
      const variants = mangled(body, [[0], [106]], 400, () => rnd.next());
      for (const v of variants) {
        const fast = readSendSender(v, {});
        const slow = generic(v);
        if (fast === null) continue; // the generic path reads it and reports its own error, if any
        checked++;
        expect(slow).not.toBeNull();
        expect(termEq(messageOf(fast) as Term, slow as Term)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a NaN float, a bad UTF-8 atom or an unknown tag inside the tuple is refused on both paths', () => {
    const body = encodePacket(tuple(22, from, to), tuple(atom('msg'), new Float(1.5)));
    const nan = body.slice();
    new DataView(nan.buffer).setFloat64(nan.length - 8, NaN);
    const badAtom = encodePacket(tuple(22, from, to), tuple(atom('mság'), 1));
    const at = badAtom.indexOf(0xc3);
    badAtom[at] = 0xff;
    const unknown = body.slice();
    unknown[unknown.length - 9] = 200;
    for (const b of [nan, badAtom, unknown]) {
      expect(readSendSender(b, {})).toBeNull();
      expect(decodePacket(b).ok).toBe(false);
    }
  });
});
