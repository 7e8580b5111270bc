/**
 * Aliases bound to a monitor (monitor/3's `{alias, demonitor | reply_demonitor}`, what every
 * GenServer.call makes): kept on the monitor's entry, they must still behave as erts' do and
 * leave nothing in the node's alias table when they end, however they end.
 */
import { describe, expect, it } from 'vitest';
import { Ref, atom, tuple } from '../term/types.ts';
import { refKey } from './identifiers.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { collector, testNode } from './test-helpers.ts';

function setUp() {
  const { node } = testNode();
  const owner = collector(node);
  const target = collector(node);
  const other = collector(node);
  const api = node.processApi(owner.pid);
  const otherApi = node.processApi(other.pid);
  if (api === undefined || otherApi === undefined) throw new Error('no process');
  // Read through the runtime each time: the table is replaced when it empties (aliases.ts).
  const rt = (node as unknown as { rt: NodeRuntime }).rt;
  const aliases = { get size(): number { return rt.aliases.size; } };
  const settle = (): void => {
    while (node.runSlice());
  };
  return { node, owner, target, api, otherApi, aliases, settle };
}

describe('an alias bound to a monitor', () => {
  it('unalias ends the alias and keeps the monitor', () => {
    const { node, owner, target, api, otherApi, aliases, settle } = setUp();
    const mref = api.monitor(target.pid, 'demonitor');
    otherApi.send(mref, 1);
    settle();
    expect(api.unalias(mref)).toBe(true);
    expect(api.unalias(mref)).toBe(false);
    expect(aliases.size).toBe(0);
    otherApi.send(mref, 2);
    node.exit(target.pid, atom('kill'));
    settle();
    expect(owner.messages).toEqual([1, tuple(atom('DOWN'), mref, atom('process'), target.pid, atom('killed'))]);
  });

  it('reply_demonitor takes one message and removes its monitor with it', () => {
    const { node, owner, target, api, otherApi, aliases, settle } = setUp();
    const mref = api.monitor(target.pid, 'reply_demonitor');
    otherApi.send(mref, 1);
    otherApi.send(mref, 2);
    node.exit(target.pid, atom('kill'));
    settle();
    expect(owner.messages).toEqual([1]);
    expect(api.demonitor(mref)).toBe(false);
    expect(aliases.size).toBe(0);
  });

  it('ends with demonitor, with the DOWN, and with its owner: the table is left empty', () => {
    const { node, owner, target, api, otherApi, aliases, settle } = setUp();
    const byDemonitor = api.monitor(target.pid, 'demonitor');
    const byDown = api.monitor(target.pid, 'demonitor');
    expect(aliases.size).toBe(2);
    expect(api.demonitor(byDemonitor)).toBe(true);
    expect(aliases.size).toBe(1);
    node.exit(target.pid, atom('kill'));
    settle();
    expect(aliases.size).toBe(0);
    otherApi.send(byDown, atom('late'));
    settle();
    expect(owner.messages).toEqual([tuple(atom('DOWN'), byDown, atom('process'), target.pid, atom('killed'))]);
    const live = collector(node);
    for (let i = 0; i < 3; i++) api.monitor(live.pid, 'demonitor');
    expect(aliases.size).toBe(3);
    node.exit(owner.pid, atom('kill'));
    settle();
    expect(aliases.size).toBe(0);
  });

  it('a monitor of a dead process answers DOWN at once and makes no alias', () => {
    const { node, owner, target, api, otherApi, aliases, settle } = setUp();
    node.exit(target.pid, atom('kill'));
    settle();
    const mref = api.monitor(target.pid, 'demonitor');
    expect(aliases.size).toBe(0);
    otherApi.send(mref, atom('never'));
    settle();
    expect(owner.messages).toEqual([tuple(atom('DOWN'), mref, atom('process'), target.pid, atom('noproc'))]);
  });
});

// A reference with trailing zero words is the same reference (erts compares refs of 3 and 5
// words with the missing ones as zeros; a real node may send back `[6, 0]` for our `[6]`).
/** The same reference with `n` more zero words (how a peer may spell it). */
function padded(r: Ref, n: number): Ref {
  return new Ref(r.node, r.creation, [...r.ids, ...Array<number>(n).fill(0)]);
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

  it('keys are one-to-one: a node name cannot pose as a ref\'s last word', () => {
    const words = [6, 2, 0xffffffff, 0x10000, 0xd800];
    const refs: Ref[] = [];
    for (let n = 1; n <= 5; n++) refs.push(new Ref(atom('x@h'), 1, words.slice(0, n)));
    // The same refs with their last word moved into the name, spelt as code units (how a key writes words).
    for (let n = 2; n <= 5; n++) {
      const w = words[n - 1] as number;
      refs.push(new Ref(atom(String.fromCharCode(w >>> 16, w & 0xffff) + 'x@h'), 1, words.slice(0, n - 1)));
    }
    refs.push(new Ref(atom('x@h'), 0x10001, [6]), new Ref(atom('x@h'), 1, [0x10001]), new Ref(atom('x@h'), 1, [1, 1]));
    expect(new Set(refs.map(refKey)).size).toBe(refs.length);
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
