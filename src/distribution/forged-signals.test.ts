/**
 * A hostile peer forging signals. Links and exits: a peer may only speak for its own processes
 * (erts checks that a signal's sender is on the connection's node), so it cannot break or fire a
 * link between two processes of this node.
 *
 * Monitors: a hostile peer forging monitor signals with refs that are not its own (refs are sequential,
 * so a peer can guess them; spawn_request hands the serving node a ref of the caller's choice
 * too). Whatever it sends, a monitor between two processes of this node, or another peer's,
 * keeps its DOWN: a DEMONITOR_P cancels only the sender's own monitor, a MONITOR_P reusing a
 * ref in use is ignored, and a MONITOR_P_EXIT fires only a monitor of a process on the peer
 * that sends it.
 */
import { describe, expect, it } from 'vitest';
import { atom, tuple, type Ref } from '../core/term/types.ts';
import type { NodeRuntime } from '../core/runtime/node-runtime.ts';
import { Cluster, collect } from './testing.ts';

const DOWN = atom('DOWN');
const PROCESS = atom('process');
const boom = atom('boom');

function setUp() {
  const c = new Cluster();
  const one = c.add('one@lab');
  const two = c.add('two@lab');
  c.settle();
  const watcher = collect(one.node);
  const target = collect(one.node);
  const peerProc = collect(two.node);
  c.connect(one, two);
  // A local monitor on node one, whose ref the peer guesses.
  const ref = one.node.processApi(watcher.pid)?.monitor(target.pid) as Ref;
  c.settle();
  // What node two's connection sends: any control message, with any fields.
  const forge = (two.node as unknown as { rt: NodeRuntime }).rt.router;
  if (forge === undefined || forge === null) throw new Error('two has no router');
  return { c, one, two, watcher, target, peerProc, ref, forge };
}

/** The target dies: the local watcher must get its one real DOWN. */
function expectRealDown({ c, one, watcher, target, ref }: ReturnType<typeof setUp>): void {
  c.settle();
  one.node.exit(target.pid, boom);
  c.settle();
  expect(watcher.got).toEqual([tuple(DOWN, ref, PROCESS, target.pid, boom)]);
}

describe('forged monitor signals from a peer', () => {
  it("a DEMONITOR_P with another watcher's ref does not cancel that monitor", () => {
    const s = setUp();
    s.forge.demonitor(s.peerProc.pid, s.target.pid, s.one.name, s.ref);
    expectRealDown(s);
  });

  it('a MONITOR_P reusing a ref in use does not take that monitor over', () => {
    const s = setUp();
    s.forge.monitor(s.peerProc.pid, s.target.pid, s.one.name, s.ref);
    expectRealDown(s);
    expect(s.peerProc.got).toEqual([]);
  });

  it('a MONITOR_P_EXIT for a monitor of a process on another node is dropped', () => {
    const s = setUp();
    s.forge.monitorDown(s.peerProc.pid, s.watcher.pid, s.ref, atom('forged'));
    s.c.settle();
    expect(s.watcher.got).toEqual([]);
    expectRealDown(s);
  });
});

describe('forged link signals from a peer', () => {
  function linked() {
    const s = setUp();
    const a = collect(s.one.node);
    const b = collect(s.one.node, true); // traps exits: an EXIT from a shows in its mailbox
    s.one.node.processApi(a.pid)?.link(b.pid);
    s.c.settle();
    return { ...s, a, b };
  }

  it('an UNLINK naming a local process as its sender does not break a local link', () => {
    const { c, one, a, b, forge } = linked();
    forge.unlink(a.pid, b.pid);
    c.settle();
    one.node.exit(a.pid, boom);
    c.settle();
    expect(b.got).toEqual([tuple(atom('EXIT'), a.pid, boom)]);
  });

  it('an EXIT naming a local process as its sender is dropped', () => {
    const { c, a, b, forge } = linked();
    forge.exit(a.pid, b.pid, atom('forged'), true);
    forge.exit(a.pid, b.pid, atom('forged2'), false);
    c.settle();
    expect(b.got).toEqual([]);
  });
});
