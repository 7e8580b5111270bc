import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../term/types.ts';
import type { Atom, Pid, Ref, Term } from '../term/types.ts';
import type { Node } from './node.ts';
import type { RemoteRouter } from './remote.ts';
import { generatorBody, receive } from './bodies.ts';
import { collector, testNode } from './test-helpers.ts';
import { runAll } from './testing.ts';

const EXIT = atom('EXIT');
const DOWN = atom('DOWN');
const boom = atom('boom');

/**
 * A stand-in for distribution: routes every signal to the other node's inbox through a queue
 * (a router must not call back synchronously), flushed by `pump`.
 */
function connect(nodes: Node[]): { pump: () => void; log: string[] } {
  const queue: (() => void)[] = [];
  const log: string[] = [];
  const byName = new Map<Atom, Node>(nodes.map((n) => [n.name, n]));
  const at = (node: Atom) => byName.get(node)?.remote;
  for (const n of nodes) {
    const router: RemoteRouter = {
      send: (_from, to, m) => void queue.push(() => at(to.node)?.deliverSend(to, m)),
      sendNamed: (_from, node, name, m) => void queue.push(() => at(node)?.deliverNamedSend(name, m)),
      link: (from, to) => queue.push(() => at(to.node)?.deliverLink(from, to)),
      unlink: (from, to) => queue.push(() => at(to.node)?.deliverUnlink(from, to)),
      exit: (from, to, reason, viaLink) => {
        log.push(`exit viaLink=${viaLink}`);
        queue.push(() => at(to.node)?.deliverExit(from, to, reason, viaLink));
      },
      monitor: (watcher, target, node, ref) => queue.push(() => at(node)?.deliverMonitor(watcher, target, ref)),
      demonitor: (watcher, target, node, ref) => queue.push(() => at(node)?.deliverDemonitor(watcher, target, ref)),
      monitorDown: (_target, watcher, ref, reason) => queue.push(() => at(watcher.node)?.deliverMonitorDown(watcher, ref, reason, n.name)),
    };
    n.setRemoteRouter(router);
  }
  const pump = () => {
    for (let i = 0; i < 1000; i++) {
      runAll(nodes);
      if (queue.length === 0) return;
      while (queue.length > 0) (queue.shift() as () => void)();
    }
  };
  return { pump, log };
}

function waiter(node: Node, trap: boolean, got: Term[]): Pid {
  return node.spawn(generatorBody(function* (proc) {
    proc.setTrapExit(trap);
    for (;;) got.push((yield receive()) as Term);
  }));
}

describe('remote signals through a router', () => {
  it('sends to remote pids and to {name, node}', () => {
    const one = testNode({ name: 'one@lab', creation: 1 }).node;
    const two = testNode({ name: 'two@lab', creation: 2 }).node;
    const { pump } = connect([one, two]);
    const c = collector(two);
    two.register(atom('box'), c.pid);
    one.send(c.pid, 1);
    one.send(tuple(atom('box'), two.name), 2);
    pump();
    expect(c.messages).toEqual([1, 2]);
  });

  it('links across nodes: a remote death kills or sends EXIT; a dead remote pid answers noproc', () => {
    const one = testNode({ name: 'one@lab' }).node;
    const two = testNode({ name: 'two@lab' }).node;
    const { pump } = connect([one, two]);
    const got: Term[] = [];
    const trapper = waiter(one, true, got);
    const plain = waiter(one, false, []);
    const remote = waiter(two, false, []);
    pump();
    one.processApi(trapper)?.link(remote);
    one.processApi(plain)?.link(remote);
    pump();
    expect(two.info(remote)?.links.length).toBe(2);
    two.exit(remote, boom);
    pump();
    expect(got).toEqual([tuple(EXIT, remote, boom)]);
    expect(one.isAlive(plain)).toBe(false);
    one.processApi(trapper)?.link(remote);
    pump();
    expect(got[1]).toEqual(tuple(EXIT, remote, atom('noproc')));
  });

  it('a local death reaches remote links, and exit/2 crosses nodes', () => {
    const one = testNode({ name: 'one@lab' }).node;
    const two = testNode({ name: 'two@lab' }).node;
    const { pump, log } = connect([one, two]);
    const got: Term[] = [];
    const watcher = waiter(two, true, got);
    const local = waiter(one, false, []);
    pump();
    two.processApi(watcher)?.link(local);
    pump();
    two.processApi(watcher)?.exit(local, boom);
    pump();
    expect(log).toEqual(['exit viaLink=false', 'exit viaLink=true']);
    expect(got).toEqual([tuple(EXIT, local, boom)]);
  });

  it('monitors across nodes, by pid and by name, and nodeDown fires :noconnection', () => {
    const one = testNode({ name: 'one@lab' }).node;
    const two = testNode({ name: 'two@lab' }).node;
    const { pump } = connect([one, two]);
    const got: Term[] = [];
    const w = waiter(one, false, got);
    const t1 = waiter(two, false, []);
    const t2 = waiter(two, false, []);
    pump();
    two.register(atom('svc'), t2);
    const api = one.processApi(w);
    const r1 = api?.monitor(t1) as Ref;
    const r2 = api?.monitor(tuple(atom('svc'), two.name)) as Ref;
    const linkedGot: Term[] = [];
    const linker = waiter(one, true, linkedGot);
    pump();
    one.processApi(linker)?.link(t2);
    pump();
    two.exit(t1, boom);
    pump();
    expect(got).toEqual([tuple(DOWN, r1, atom('process'), t1, boom)]);
    one.remote.nodeDown(two.name);
    pump();
    expect(got[1]).toEqual(tuple(DOWN, r2, atom('process'), tuple(atom('svc'), two.name), atom('noconnection')));
    expect(linkedGot).toEqual([tuple(EXIT, t2, atom('noconnection'))]);
  });
  it("tells the target's viewers when a remote watcher's monitor goes: by demonitor and by nodedown", () => {
    const one = testNode({ name: 'one@lab' }).node;
    const two = testNode({ name: 'two@lab' }).node;
    const { pump } = connect([one, two]);
    const w = waiter(one, false, []);
    const t = waiter(two, false, []);
    pump();
    const seen: string[] = [];
    two.subscribe((e) => {
      if (e.type === 'monitor:added' || e.type === 'monitor:removed') seen.push(`${e.type} ${e.watcher.node.name}`);
    });
    const api = one.processApi(w);
    const r = api?.monitor(t) as Ref;
    pump();
    api?.demonitor(r);
    pump();
    api?.monitor(t);
    pump();
    two.remote.nodeDown(one.name);
    pump();
    expect(seen).toEqual(['monitor:added one@lab', 'monitor:removed one@lab', 'monitor:added one@lab', 'monitor:removed one@lab']);
  });
});

describe('without a router (not distributed)', () => {
  it('drops remote sends and answers links/monitors with :noconnection', () => {
    const { node } = testNode();
    const elsewhere = testNode({ name: 'two@lab' }).node;
    const far = elsewhere.spawn(generatorBody(function* () { yield receive(); }));
    const got: Term[] = [];
    const w = waiter(node, true, got);
    node.runUntilIdle();
    expect(node.send(far, 1)).toBe(true);
    expect(node.send(tuple(atom('x'), atom('two@lab')), 1)).toBe(true);
    const api = node.processApi(w);
    api?.link(far);
    const ref = api?.monitor(far) as Ref;
    node.runUntilIdle();
    expect(got).toEqual([tuple(EXIT, far, atom('noconnection')), tuple(DOWN, ref, atom('process'), far, atom('noconnection'))]);
  });
});
