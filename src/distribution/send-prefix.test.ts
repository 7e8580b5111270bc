/**
 * PacketWriter's SEND fast path in the atom cache's form (the kept `{22, From, To}` of the last
 * pair, the flat tuple, the repeated header) writes exactly the bytes of the generic path, which
 * builds the control tuple and encodes it term by term.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/ports.ts';
import { Binary, Pid, Tuple, atom, tuple, type Term } from '../core/term/types.ts';
import { OutAtomCache } from './etf/atom-cache.ts';
import { PacketWriter } from './packet-stream.ts';
import { hex } from './etf/test-util.ts';
import { concatBytes } from './etf/concat.ts';

const concat = (ms: Uint8Array[]): Uint8Array => concatBytes(ms, ms.reduce((n, m) => n + m.length, 0));

const MAX = 64 * 1024;
const opts = { versionByte: false };

describe('SEND in the header form', () => {
  it('random sends between a few pids (equal pids as other objects too) give the generic bytes', () => {
    const rnd = new SeededRandom(31);
    const nodes = [atom('a@lab'), atom('b@lab'), atom('c@lab')];
    const pids = () => new Pid(nodes[Math.floor(rnd.next() * 3)] as typeof nodes[0], 80 + Math.floor(rnd.next() * 2), 0, 1 + Math.floor(rnd.next() * 2));
    const fast = new PacketWriter(MAX, MAX, new OutAtomCache());
    const slow = new PacketWriter(MAX, MAX, new OutAtomCache());
    let from = pids();
    let to = pids();
    for (let i = 0; i < 2000; i++) {
      if (rnd.next() < 0.2) from = pids();
      if (rnd.next() < 0.2) to = pids();
      const k = Math.floor(rnd.next() * 4);
      const message: Term = k === 0 ? tuple(atom('msg'), i) : k === 1 ? tuple(atom(`t${i % 7}`), from, Binary.fromBytes(Uint8Array.of(i & 255))) : k === 2 ? i * 1000 : new Tuple([atom('x'), tuple(i)]);
      // The same values as new objects now and then: the kept prefix compares pids by value.
      const f = rnd.next() < 0.5 ? from : new Pid(from.node, from.id, from.serial, from.creation);
      expect(fast.pushSend(f, to, message, opts, true)).toBeNull();
      expect(slow.pushTerms(tuple(22, from, to), message, opts, true)).toBeNull();
      if (i % 97 === 0) expect(hex(concat(fast.take()))).toBe(hex(concat(slow.take())));
    }
    expect(hex(concat(fast.take()))).toBe(hex(concat(slow.take())));
  });
});
