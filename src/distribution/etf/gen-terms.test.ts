// encodeInto writes a GenServer call's request `{:"$gen_call", {pid, [:alias | ref]}, req}` and
// reply `{[:alias | ref], reply}` without its work stack (encode.ts writeGenMessage), and leaves
// and flat tuples likewise: the bytes must be the generic loop's for every shape, with and
// without atom-cache refs, and near misses must take the generic loop. The generic bytes come
// from the same term as the element of a one-element list, which the loop writes item by item.
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { Binary, Pid, Ref, atom, list, tuple, type Atom, type Term } from '../../core/term/types.ts';
import { strictEquals } from '../../core/term/equality.ts';
import { encodeInto } from './encode.ts';
import { decodeTerm } from './decode.ts';
import { ByteWriter, type AtomRefs } from './writer.ts';

/** Refs in order of first use, as a connection's outgoing cache gives them. */
class Refs implements AtomRefs {
  readonly atoms: Atom[] = [];
  ref(a: Atom): number {
    const i = this.atoms.indexOf(a);
    if (i >= 0) return i;
    this.atoms.push(a);
    return this.atoms.length - 1;
  }
}

function encode(t: Term, cached: boolean): { bytes: Uint8Array; atoms: Atom[] } {
  const w = new ByteWriter();
  const refs = new Refs();
  if (cached) w.atomRefs = refs;
  encodeInto(w, t, { versionByte: false });
  return { bytes: w.finish(), atoms: refs.atoms };
}

/** The generic loop's bytes of `t`: written as the first item of `[t, {}]` (LIST_EXT, u32 2, t, 104 0, NIL). */
function generic(t: Term, cached: boolean): { bytes: Uint8Array; atoms: Atom[] } {
  const { bytes, atoms } = encode(list([t, tuple()]), cached);
  return { bytes: bytes.subarray(5, bytes.length - 3), atoms };
}

const ALIAS = atom('alias');
const GEN_CALL = atom('$gen_call');

describe('a GenServer call\'s request and reply, written in place', () => {
  const rnd = new SeededRandom(12);
  const int = (n: number) => Math.floor(rnd.next() * n);
  const nodes = [atom('a@bench'), atom('b@lab'), atom('nämed@hôst')];
  const pid = () => new Pid(nodes[int(3)] as Atom, int(1 << 15), int(8), int(2) === 0 ? int(4) : 0xfffffffe);
  const ref = () => new Ref(nodes[int(3)] as Atom, int(4), Array.from({ length: [1, 3, 5][int(3)] as number }, () => int(2 ** 32)));
  const payloads = (): Term[] => [
    int(300), -int(1e9), 2n ** 70n, atom('get'), tuple(atom('put'), int(9), Binary.fromString('v')),
    list([1, 2, 3]), list([tuple(atom('k'), list([pid()]))]), tuple(), Binary.fromString('é'), ref(), pid(),
  ];

  it('writes the generic bytes for every request and reply, with and without atom-cache refs', () => {
    let checked = 0;
    for (let i = 0; i < 200; i++) {
      for (const p of payloads()) {
        const r = ref();
        const tag = list([ALIAS], r);
        for (const t of [tuple(GEN_CALL, tuple(pid(), tag), p), tuple(tag, p)]) {
          for (const cached of [false, true]) {
            const got = encode(t, cached);
            expect(got).toEqual(generic(t, cached));
            const back = decodeTerm(got.bytes, 0, cached ? { versionByte: false, atomRefs: got.atoms } : { versionByte: false });
            if (!back.ok) throw new Error(back.error);
            expect(strictEquals(back.term, t)).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(200 * 11 * 4);
  });

  it('near misses and leaves take the generic loop, and give its bytes', () => {
    const r = ref();
    const p = pid();
    const shapes: Term[] = [
      tuple(GEN_CALL, tuple(p, list([ALIAS], r))), // no request
      tuple(GEN_CALL, tuple(p, list([ALIAS, r])), 1), // a proper list
      tuple(GEN_CALL, tuple(p, list([atom('other')], r)), 1),
      tuple(GEN_CALL, tuple(atom('p'), list([ALIAS], r)), 1),
      tuple(GEN_CALL, tuple(p, r), 1), // a pre-OTP-24 tag
      tuple(GEN_CALL, tuple(p, list([ALIAS], r), 1), 1),
      tuple(atom('$gen_cast'), tuple(p, list([ALIAS], r)), 1),
      tuple(list([ALIAS], 7), 1), // not a ref
      tuple(list([ALIAS], r), 1, 2),
      tuple(list([ALIAS, ALIAS], r), 1),
      tuple(tuple(GEN_CALL, tuple(p, list([ALIAS], r)), 1), 0), // nested: only the outer is looked at
      0, 255, 256, -1, 2 ** 31, -(2 ** 31) - 1, 2n ** 64n, ALIAS, atom('nämed'),
    ];
    for (const t of shapes) for (const cached of [false, true]) expect(encode(t, cached)).toEqual(generic(t, cached));
  });
});
