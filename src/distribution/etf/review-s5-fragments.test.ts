/**
 * Review (session 5): a peer's fragment stream must not make us hold memory without bound. The
 * byte limit covers the data, but a continuation with no data added nothing to it while its
 * part was still kept: a first fragment with FragmentId 2^64-1 and then endless empty
 * continuations (18 bytes each on the wire) grew the message's parts list forever.
 */
import { describe, expect, it } from 'vitest';
import { InAtomCache } from './atom-cache.ts';
import { FragmentReader } from './fragments.ts';

const u64 = (n: bigint) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, n);
  return [...b];
};
const first = (seq: bigint, frag: bigint, data: number[]) => Uint8Array.from([131, 69, ...u64(seq), ...u64(frag), 0, ...data]);
const cont = (seq: bigint, frag: bigint, data: number[]) => Uint8Array.from([131, 70, ...u64(seq), ...u64(frag), ...data]);

/** The parts a message in flight holds (private state: what the peer makes us keep). */
function partsHeld(r: FragmentReader, seq: bigint): number {
  const inFlight = (r as unknown as { inFlight: Map<bigint, { parts: unknown[] }> }).inFlight;
  return inFlight.get(seq)?.parts.length ?? 0;
}

describe('fragments (review)', () => {
  it('empty continuation fragments hold nothing', () => {
    const r = new FragmentReader(new InAtomCache(), 1 << 16);
    const top = (1n << 64n) - 1n;
    expect(r.push(first(1n, top, [104]))).toBeNull();
    for (let i = 1n; i <= 10_000n; i++) expect(r.push(cont(1n, top - i, []))).toBeNull();
    expect(partsHeld(r, 1n)).toBeLessThanOrEqual(1);
  });

  it('a message whose fragments are partly empty is still put together in order', () => {
    const r = new FragmentReader(new InAtomCache(), 1 << 16);
    expect(r.push(first(2n, 4n, [104, 2]))).toBeNull();
    expect(r.push(cont(2n, 3n, []))).toBeNull();
    expect(r.push(cont(2n, 2n, [97, 1]))).toBeNull();
    const done = r.push(cont(2n, 1n, [97, 2]));
    if (done === null || typeof done === 'string') throw new Error(String(done));
    expect([...done.terms]).toEqual([104, 2, 97, 1, 97, 2]);
  });
});
