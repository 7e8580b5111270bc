/**
 * Pids, ports and references in the order real BEAM gives them (order-ids.fixtures.json, made by
 * order-ids.fixtures.exs with two connected OTP 25 nodes): every group's terms, local and remote
 * to the node that sorted them, crafted ones with other node names, creations, numbers, serials
 * and reference lengths among them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Term } from './types.ts';
import { compare } from './order.ts';
import { decodeEtf } from './etf-fixture.ts';
import { listToArray } from './list.ts';
import { mapFromPairs } from './map.ts';
import { sortedPairs } from './map-order.ts';
import { strictEquals } from './equality.ts';

interface Row {
  readonly group: string;
  readonly sorted: string;
  readonly keys: string;
}

const rows = JSON.parse(readFileSync(new URL('./order-ids.fixtures.json', import.meta.url), 'utf8')) as Row[];
const terms = (hex: string): Term[] => listToArray(decodeEtf(hex)).items;

/** Everything that tells two pids, ports or refs apart (inspect hides the node and creation). */
function label(t: Term): string {
  if (typeof t !== 'object') return String(t);
  switch (t.kind) {
    case 'pid':
      return `pid ${t.node.name}/${t.creation} ${t.id}.${t.serial}`;
    case 'port':
      return `port ${t.node.name}/${t.creation} ${t.id}`;
    case 'ref':
      return `ref ${t.node.name}/${t.creation} ${t.ids.join('.')}`;
    default:
      return t.kind;
  }
}

/** Where `ours` differs from BEAM's `theirs` (=:= terms may stand for each other). */
function mismatches(ours: readonly Term[], theirs: readonly Term[]): string[] {
  if (ours.length !== theirs.length) return [`${ours.length} terms where BEAM has ${theirs.length}`];
  return ours.flatMap((t, i) => (strictEquals(t, theirs[i] as Term) ? [] : [`#${i}: ${label(t)} where BEAM has ${label(theirs[i] as Term)}`]));
}

describe('pid, port and reference order as BEAM has it', () => {
  it.each(rows.map((r) => [r.group, r] as const))('%s: sorts as Enum.sort and :lists.sort did', (_, row) => {
    const sorted = terms(row.sorted);
    // Every later term is no less than every earlier one, and sorting any arrangement gives BEAM's.
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++)
        expect(compare(sorted[i] as Term, sorted[j] as Term), `${label(sorted[i] as Term)} vs ${label(sorted[j] as Term)}`).toBeLessThan(1);
    const ours = [...sorted].reverse().sort(compare);
    expect(mismatches(ours, sorted)).toEqual([]);
  });

  it.each(rows.map((r) => [r.group, r] as const))('%s: a map of the terms has the keys BEAM kept, in its order', (_, row) => {
    const keys = terms(row.keys);
    for (let i = 0; i + 1 < keys.length; i++) expect(compare(keys[i] as Term, keys[i + 1] as Term)).toBe(-1);
    const m = mapFromPairs(terms(row.sorted).reverse().map((t) => [t, 1] as const));
    expect(mismatches(sortedPairs(m).map(([k]) => k), keys)).toEqual([]);
  });

  it('a reference equals the same one with trailing zero words, as in BEAM', () => {
    const refs = terms(rows.find((r) => r.group === 'refs')?.sorted ?? '');
    const short = refs.find((r) => typeof r === 'object' && r.kind === 'ref' && r.ids.length === 1 && r.ids[0] === 6);
    const long = refs.find((r) => typeof r === 'object' && r.kind === 'ref' && r.ids.length === 2 && r.ids[0] === 6);
    expect(short && long && strictEquals(short, long)).toBe(true);
    expect(short && long && compare(short, long)).toBe(0);
  });
});
