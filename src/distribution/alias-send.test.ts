/**
 * Process aliases across nodes (ALIAS_SEND): a message to another node's alias reaches its owner
 * while the alias is active, and is dropped once it is not. A hostile peer sending to forged,
 * inactive or foreign aliases reaches no one and crashes nothing; malformed ALIAS_SEND closes its
 * link with a reason, as any malformed control message does.
 */
import { describe, expect, it } from 'vitest';
import { Pid, Ref, atom, tuple, type Term } from '../core/term/types.ts';
import type { NodeRuntime } from '../core/runtime/node-runtime.ts';
import { Cluster, collect, rawPeer } from './testing.ts';
import { PacketWriter } from './packet-stream.ts';
import { encodeControl } from './control.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';

function setUp() {
  const c = new Cluster();
  const one = c.add('one@lab');
  const two = c.add('two@lab');
  c.settle();
  const owner = collect(one.node);
  const sender = collect(two.node);
  c.connect(one, two);
  const api = one.node.processApi(owner.pid);
  const senderApi = two.node.processApi(sender.pid);
  if (api === undefined || senderApi === undefined) throw new Error('no process');
  return { c, one, two, owner, sender, api, senderApi };
}

describe('sends to an alias of another node', () => {
  it('arrive while the alias is active, and are dropped after unalias', () => {
    const { c, owner, api, senderApi } = setUp();
    const alias = api.alias('explicit');
    senderApi.send(alias, atom('first'));
    c.settle();
    expect(owner.got).toEqual([atom('first')]);
    expect(api.unalias(alias)).toBe(true);
    senderApi.send(alias, atom('late'));
    c.settle();
    expect(owner.got).toEqual([atom('first')]);
  });

  it('a reply alias takes one message; a demonitor alias ends with its monitor', () => {
    const { c, one, owner, api, senderApi } = setUp();
    const once = api.alias('reply');
    senderApi.send(once, 1);
    senderApi.send(once, 2);
    c.settle();
    expect(owner.got).toEqual([1]);
    const target = collect(one.node);
    const mref = api.monitor(target.pid, 'demonitor');
    senderApi.send(mref, 3);
    c.settle();
    one.node.exit(target.pid, atom('kill'));
    c.settle();
    senderApi.send(mref, 4);
    c.settle();
    expect(owner.got).toEqual([1, 3, tuple(atom('DOWN'), mref, atom('process'), target.pid, atom('killed'))]);
  });

  it("a dead owner's alias drops what comes, and the owner's aliases leave the node's table", () => {
    const { c, one, owner, api, senderApi } = setUp();
    const alias = api.alias('explicit');
    one.node.exit(owner.pid, atom('kill'));
    c.settle();
    senderApi.send(alias, atom('to_the_dead'));
    c.settle();
    expect((one.node as unknown as { rt: NodeRuntime }).rt.aliases.size).toBe(0);
  });
});

describe('a hostile peer and aliases', () => {
  it('sends to a plain ref, a monitor ref that is no alias, a guessed ref and another node\'s ref reach no one', () => {
    const { c, one, two, owner, api, sender } = setUp();
    const target = collect(one.node);
    const plainMonitor = api.monitor(target.pid);
    const real = api.alias('explicit');
    const forge = (two.node as unknown as { rt: NodeRuntime }).rt.router;
    if (forge?.sendAlias === undefined) throw new Error('no alias route');
    const guessed = new Ref(real.node, real.creation, [(real.ids[0] as number) + 1, ...real.ids.slice(1)]);
    const elsewhere = new Ref(atom('three@lab'), 1, [...real.ids]);
    for (const r of [one.node.makeRef(), plainMonitor, guessed, elsewhere]) forge.sendAlias(sender.pid, r, atom('forged'));
    c.settle();
    expect(owner.got).toEqual([]);
    // the connection and the real alias still work
    forge.sendAlias(sender.pid, real, atom('real'));
    c.settle();
    expect(owner.got).toEqual([atom('real')]);
    expect(one.dist.list()).toEqual([atom('two@lab')]);
  });

  it('a flood to an inactive alias leaves nothing behind', () => {
    const { c, one, owner, api, senderApi } = setUp();
    const alias = api.alias('reply');
    for (let i = 0; i < 5000; i++) senderApi.send(alias, i);
    c.settle();
    expect(owner.got).toEqual([0]);
    expect((one.node as unknown as { rt: NodeRuntime }).rt.aliases.size).toBe(0);
  });

  it('ALIAS_SEND_TT (its trace token ignored) delivers; a malformed ALIAS_SEND closes the link with its reason', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    const box = collect(two.node);
    c.settle();
    const alias = two.node.processApi(box.pid)?.alias('explicit') as Ref;
    const evil = rawPeer(c, 'evil@lab', two);
    const from = new Pid(atom('evil@lab'), 40, 0, 5);
    const w = new PacketWriter(1 << 16);
    const push = (control: Term, payload?: Term) => expect(w.pushTerms(control, payload, { versionByte: false })).toBe(null);
    const e = encodeControl({ type: 'alias_send', from, alias, message: atom('plain') }, PLAYGROUND_FLAGS);
    push(e.control, e.payload);
    push(tuple(34, from, alias, atom('token')), atom('traced'));
    push(tuple(33, from, atom('not_a_ref')), atom('bad'));
    for (const b of w.take()) evil.link.send(b);
    c.settle();
    expect(box.got).toEqual([atom('plain'), atom('traced')]);
    expect(evil.closed.length).toBe(1);
    expect(two.logs.at(-1)?.[1]).toBe('** Connection to node :evil@lab closed: protocol error: ALIAS_SEND alias is not a reference **');
  });
});
