/**
 * A peer's fragmented messages (DFLAG_FRAGMENTS): reassembled across interleaved packets, and a
 * hostile stream refused in words with bounded memory.
 */
import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../../core/term/types.ts';
import { InAtomCache } from './atom-cache.ts';
import { FragmentReader, MAX_FRAGMENTED_IN_FLIGHT } from './fragments.ts';
import { decodeTerms } from './packet.ts';

const u64 = (n: number) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n));
  return [...b];
};
/** `131,69` with no atom cache refs, or `131,70`, then `data`. */
const first = (seq: number, frag: number, data: number[]) => Uint8Array.from([131, 69, ...u64(seq), ...u64(frag), 0, ...data]);
const cont = (seq: number, frag: number, data: number[]) => Uint8Array.from([131, 70, ...u64(seq), ...u64(frag), ...data]);

// {6, :a, :"", :b} then :hello, without version bytes, split in three.
const TERMS = [104, 4, 97, 6, 119, 1, 97, 119, 0, 119, 1, 98, 119, 5, 104, 101, 108, 108, 111];

describe('fragmented messages', () => {
  it('are put together from fragments counting down to 1, with other messages between them', () => {
    const r = new FragmentReader(new InAtomCache(), 1 << 20);
    expect(r.push(first(7, 3, TERMS.slice(0, 6)))).toBeNull();
    expect(r.push(first(8, 1, TERMS))).toMatchObject({ refs: [] }); // a one-fragment message, whole at once
    expect(r.push(cont(7, 2, TERMS.slice(6, 12)))).toBeNull();
    const done = r.push(cont(7, 1, TERMS.slice(12)));
    if (done === null || typeof done === 'string') throw new Error(String(done));
    expect(decodeTerms(done.terms, 0, { versionByte: false })).toEqual({ ok: true, packet: { kind: 'message', control: tuple(6, atom('a'), atom(''), atom('b')), payload: atom('hello') } });
    // Sequence 7 is finished: a further fragment of it is unknown.
    expect(r.push(cont(7, 1, [1]))).toBe('fragment of unknown sequence 7');
  });

  it('from a link that lends its messages, the fragments kept are copies (the link writes over what it lent)', () => {
    const r = new FragmentReader(new InAtomCache(), 1 << 20, true);
    // Each packet's bytes are written over once pushed, as a lending link's next message would.
    const lent = (p: Uint8Array) => {
      const out = r.push(p);
      p.fill(0xa5);
      return out;
    };
    expect(lent(first(7, 3, TERMS.slice(0, 6)))).toBeNull();
    expect(lent(cont(7, 2, TERMS.slice(6, 12)))).toBeNull();
    const done = lent(cont(7, 1, TERMS.slice(12)));
    if (done === null || typeof done === 'string') throw new Error(String(done));
    expect([...done.terms]).toEqual(TERMS);
  });

  it('the first fragment\'s atom cache refs name the atoms of the whole message', () => {
    const r = new FragmentReader(new InAtomCache(), 1 << 20);
    // One new ref (slot 5: :hello); the payload is ATOM_CACHE_REF 0.
    const head = Uint8Array.from([131, 69, ...u64(1), ...u64(2), 1, 8, 5, 5, 104, 101, 108, 108, 111, ...TERMS.slice(0, 12)]);
    expect(r.push(head)).toBeNull();
    const done = r.push(cont(1, 1, [82, 0]));
    if (done === null || typeof done === 'string') throw new Error(String(done));
    expect(decodeTerms(done.terms, 0, { versionByte: false, atomRefs: done.refs })).toMatchObject({ ok: true, packet: { payload: atom('hello') } });
  });

  it('a hostile stream: unknown sequence, out of order, started twice, id 0, truncated', () => {
    const r = new FragmentReader(new InAtomCache(), 1 << 20);
    expect(r.push(cont(99, 1, [1]))).toBe('fragment of unknown sequence 99');
    expect(r.push(first(1, 5, [1]))).toBeNull();
    expect(r.push(cont(1, 3, [1]))).toBe('fragment 3 of sequence 1 out of order (expected 4)');
    expect(r.push(first(1, 2, [1]))).toBe('fragmented message 1 started twice');
    expect(r.push(first(2, 0, [1]))).toBe('fragment id 0');
    expect(r.push(Uint8Array.of(131, 70, 0, 0))).toBe('truncated fragment header');
  });

  it('too many messages in flight, or too many bytes, are refused', () => {
    const r = new FragmentReader(new InAtomCache(), 1000);
    for (let i = 0; i < MAX_FRAGMENTED_IN_FLIGHT; i++) expect(r.push(first(i, 2, [1]))).toBeNull();
    expect(r.push(first(MAX_FRAGMENTED_IN_FLIGHT, 2, [1]))).toBe(`more than ${MAX_FRAGMENTED_IN_FLIGHT} fragmented messages in flight`);
    const small = new FragmentReader(new InAtomCache(), 1000);
    expect(small.push(first(1, 3, new Array(600).fill(0)))).toBeNull();
    expect(small.push(cont(1, 2, new Array(600).fill(0)))).toBe('fragmented messages larger than the limit of 1000 bytes');
    // The limit holds over all messages in flight, not only each one.
    const total = new FragmentReader(new InAtomCache(), 1000);
    expect(total.push(first(1, 2, new Array(600).fill(0)))).toBeNull();
    expect(total.push(first(2, 2, new Array(600).fill(0)))).toBe('fragmented messages larger than the limit of 1000 bytes');
  });
});
