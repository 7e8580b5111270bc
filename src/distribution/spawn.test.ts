import { describe, expect, it } from 'vitest';
import { atom, str, tuple } from '../core/term/types.ts';
import type { Tuple } from '../core/term/types.ts';
import type { Atom, Pid, Term } from '../core/term/types.ts';
import { generatorBody, receive } from '../core/runtime/bodies.ts';
import type { ProcessBody } from '../core/runtime/process-body.ts';
import { putCharsRequest } from '../core/runtime/io-protocol.ts';
import { Cluster, collect } from './testing.ts';
import type { SpawnResult } from './remote-spawn.ts';

/** What the VM will do: turn {M, F, Args} into a body. Here a few built-in test functions. */
function spawnBody(module: Atom, fun: Atom, args: readonly Term[]): ProcessBody | string {
  if (module !== atom('test')) return 'badarg';
  switch (fun.name) {
    case 'report': // send {node, self, group_leader} to args[0]
      return generatorBody(function* (proc) {
        proc.send(args[0] as Pid, tuple(proc.nodeName, proc.self, proc.groupLeader()));
        yield receive(() => false, 0);
      });
    case 'puts': // IO.puts(args[0]) on the group leader
      return generatorBody(function* (proc) {
        proc.send(proc.groupLeader(), putCharsRequest(proc.self, atom('r'), args[0] as Term));
        yield receive();
      });
    case 'wait_then_exit':
      return generatorBody(function* () {
        yield receive();
        return atom('bye');
      });
    default:
      return 'badarg';
  }
}

function cluster() {
  const c = new Cluster();
  const one = c.add('one@lab', { spawnBody });
  const two = c.add('two@lab', { spawnBody });
  c.settle();
  return { c, one, two };
}

describe('remote spawn (SPAWN_REQUEST / SPAWN_REPLY)', () => {
  it('runs there, with the caller\'s group leader, so its output appears on the caller\'s node', () => {
    const { c, one, two } = cluster();
    const caller = collect(one.node);
    c.settle();
    const results: SpawnResult[] = [];
    const now = one.dist.spawnRemote(caller.pid, two.name, atom('test'), atom('report'), [caller.pid], {}, one.node.groupLeader, (r) => results.push(r));
    expect(now).toHaveProperty('pending');
    c.settle();
    const r = results[0];
    expect(r?.ok).toBe(true);
    const pid = (r as { pid: Pid }).pid;
    expect(pid.node).toBe(two.name);
    expect(caller.got).toEqual([tuple(two.name, pid, one.node.groupLeader)]);
    one.dist.spawnRemote(caller.pid, two.name, atom('test'), atom('puts'), [str('Hello from two\n')], {}, one.node.groupLeader, () => {});
    c.settle();
    expect(one.out.join('')).toContain('Hello from two');
    expect(two.out.join('')).not.toContain('Hello');
  });

  it('spawn_link links both ways; the child\'s exit reaches the caller', () => {
    const { c, one, two } = cluster();
    const caller = collect(one.node, true);
    c.settle();
    let child: Pid | null = null;
    one.dist.spawnRemote(caller.pid, two.name, atom('test'), atom('wait_then_exit'), [], { link: true }, one.node.groupLeader, (r) => {
      if (r.ok) child = r.pid;
    });
    c.settle();
    expect(child).not.toBe(null);
    expect(one.node.info(caller.pid)?.links).toEqual([child]);
    expect(two.node.info(child!)?.links).toEqual([caller.pid]);
    one.node.send(child!, atom('go'));
    c.settle();
    expect(caller.got).toEqual([tuple(atom('EXIT'), child!, atom('bye'))]);
  });

  it('monitor option gives a DOWN with the exit reason', () => {
    const { c, one, two } = cluster();
    const caller = collect(one.node);
    c.settle();
    let result: SpawnResult | null = null;
    const sent = one.dist.spawnRemote(caller.pid, two.name, atom('test'), atom('wait_then_exit'), [], { monitor: true }, one.node.groupLeader, (r) => (result = r));
    c.settle();
    const r = result as unknown as { pid: Pid; monitorRef: Term };
    // The monitor is named by the request id, as erts names spawn_request's monitor.
    expect(r.monitorRef).toEqual((sent as { pending: Term }).pending);
    one.node.send(r.pid, atom('go'));
    c.settle();
    expect(caller.got).toEqual([tuple(atom('DOWN'), r.monitorRef, atom('process'), r.pid, atom('bye'))]);
  });

  it('an unreachable node gives noconnection; an unknown function an error atom; not alive: notalive', () => {
    const { c, one, two } = cluster();
    const caller = collect(one.node);
    c.settle();
    const results: SpawnResult[] = [];
    one.dist.spawnRemote(caller.pid, atom('nonexist@lab'), atom('test'), atom('report'), [], {}, one.node.groupLeader, (r) => results.push(r));
    one.dist.spawnRemote(caller.pid, two.name, atom('nope'), atom('x'), [], {}, one.node.groupLeader, (r) => results.push(r));
    c.settle();
    expect(results).toEqual([{ ok: false, reason: atom('noconnection') }, { ok: false, reason: atom('badarg') }]);
    const anon = c.add('nonode@nohost');
    expect(anon.dist.spawnRemote(caller.pid, two.name, atom('test'), atom('report'), [], {}, one.node.groupLeader, () => {})).toEqual({
      ok: false, reason: atom('notalive'),
    });
  });

  it('spawning on this node runs here at once', () => {
    const { c, one } = cluster();
    const caller = collect(one.node);
    c.settle();
    const r = one.dist.spawnRemote(caller.pid, one.name, atom('test'), atom('report'), [caller.pid], {}, one.node.groupLeader, () => {});
    expect('ok' in r && r.ok).toBe(true);
    c.settle();
    expect((caller.got[0] as Tuple).elements[0]).toBe(one.name);
  });
});

describe('group leader across nodes', () => {
  it('GROUP_LEADER sets a remote process\'s group leader', () => {
    const { c, one, two } = cluster();
    const caller = collect(one.node);
    const far = collect(two.node);
    c.settle();
    one.node.processApi(caller.pid)?.setGroupLeader(far.pid, one.node.groupLeader);
    c.settle();
    expect(two.node.info(far.pid)?.groupLeader).toEqual(one.node.groupLeader);
  });
});
