/**
 * A reference with trailing zero words is the same reference (erts compares the words of refs of
 * 3 and 5 words with the missing ones as zeros; a real node may send back `[6, 0]` for our `[6]`):
 * monitors, aliases and timers keyed by a ref must find it either way.
 */
import { describe, expect, it } from 'vitest';
import { Ref, atom, tuple } from '../term/types.ts';
import { refKey } from './identifiers.ts';
import { collector, testNode } from './test-helpers.ts';

/** The same reference with `n` more zero words (how a peer may spell it). */
function padded(r: Ref, n: number): Ref {
  return new Ref(r.node, r.creation, [...r.ids, ...Array<number>(n).fill(0)]);
}

function setUp() {
  const { node } = testNode();
  const owner = collector(node);
  const target = collector(node);
  const other = collector(node);
  const api = node.processApi(owner.pid);
  const otherApi = node.processApi(other.pid);
  if (api === undefined || otherApi === undefined) throw new Error('no process');
  const settle = (): void => {
    while (node.runSlice());
  };
  return { node, owner, target, api, otherApi, settle };
}

describe('references of different word counts', () => {
  it('keys trailing zero words away, and nothing else', () => {
    const a = new Ref(atom('a@h'), 1, [6]);
    expect(refKey(padded(a, 1))).toBe(refKey(a));
    expect(refKey(padded(a, 4))).toBe(refKey(a));
    expect(refKey(new Ref(atom('a@h'), 1, [6, 1]))).not.toBe(refKey(a));
    expect(refKey(new Ref(atom('a@h'), 1, [0, 6]))).not.toBe(refKey(a));
    expect(refKey(new Ref(atom('a@h'), 2, [6]))).not.toBe(refKey(a));
  });

  it('demonitor with the longer spelling removes the monitor', () => {
    const { node, owner, target, api, settle } = setUp();
    const mref = api.monitor(target.pid);
    expect(api.demonitor(padded(mref, 2))).toBe(true);
    node.exit(target.pid, atom('kill'));
    settle();
    expect(owner.messages).toEqual([]);
  });

  it('a message sent to the longer spelling of an alias arrives', () => {
    const { owner, api, otherApi, settle } = setUp();
    const al = api.alias('explicit');
    otherApi.send(padded(al, 2), tuple(atom('hi')));
    settle();
    expect(owner.messages).toEqual([tuple(atom('hi'))]);
    expect(api.unalias(padded(al, 1))).toBe(true);
    otherApi.send(al, 2);
    settle();
    expect(owner.messages).toEqual([tuple(atom('hi'))]);
  });
});
