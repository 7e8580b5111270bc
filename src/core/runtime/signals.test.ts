import { describe, expect, it } from 'vitest';
import { Tuple, atom, tuple } from '../term/types.ts';
import type { Pid, Term } from '../term/types.ts';
import type { ProcessApi } from './process-api.ts';
import type { RunResult } from './process-body.ts';
import { generatorBody, receive } from './bodies.ts';
import { ErlangError } from './errors.ts';
import { collector, testNode } from './test-helpers.ts';

const EXIT = atom('EXIT');
const DOWN = atom('DOWN');
const normal = atom('normal');
const kill = atom('kill');
const killed = atom('killed');
const boom = atom('boom');
const noproc = atom('noproc');

/** A process that waits forever and records what it receives. */
function sleeper(node: ReturnType<typeof testNode>['node'], trap = false): { pid: Pid; got: Term[] } {
  const got: Term[] = [];
  const pid = node.spawn(
    generatorBody(function* (proc) {
      proc.setTrapExit(trap);
      for (;;) got.push((yield receive()) as Term);
    }),
  );
  node.runUntilIdle();
  return { pid, got };
}

function api(node: ReturnType<typeof testNode>['node'], pid: Pid): ProcessApi {
  const a = node.processApi(pid);
  if (a === undefined) throw new Error('dead');
  return a;
}

describe('links and exit signals', () => {
  it('a normal exit does not kill a linked process', () => {
    const { node } = testNode();
    const a = sleeper(node);
    const b = sleeper(node);
    api(node, a.pid).link(b.pid);
    node.exit(b.pid, normal); // ignored: b does not trap, reason normal
    expect(node.isAlive(b.pid)).toBe(true);
    node.send(b.pid, atom('stop'));
    // b exits normally through its body: a survives
    const c = node.spawn(generatorBody(function* () {}), {});
    api(node, a.pid).link(c);
    node.runUntilIdle();
    expect(node.isAlive(a.pid)).toBe(true);
    expect(node.info(a.pid)?.links).toEqual([b.pid]);
  });

  it('a custom reason kills non-trapping linked processes, transitively', () => {
    const { node } = testNode();
    const a = sleeper(node);
    const b = sleeper(node);
    const c = sleeper(node);
    api(node, a.pid).link(b.pid);
    api(node, b.pid).link(c.pid);
    node.exit(a.pid, boom);
    expect([a, b, c].map((x) => node.isAlive(x.pid))).toEqual([false, false, false]);
  });

  it('trap_exit turns the signal into an {:EXIT, pid, reason} message', () => {
    const { node } = testNode();
    const t = sleeper(node, true);
    const a = sleeper(node);
    api(node, t.pid).link(a.pid);
    node.exit(a.pid, boom);
    node.runUntilIdle();
    expect(t.got).toEqual([tuple(EXIT, a.pid, boom)]);
    expect(node.info(t.pid)?.links).toEqual([]);
  });

  it(':kill cannot be trapped and linked processes see :killed', () => {
    const { node } = testNode();
    const victim = sleeper(node, true);
    const watcher = sleeper(node, true);
    api(node, watcher.pid).link(victim.pid);
    node.exit(victim.pid, kill);
    node.runUntilIdle();
    expect(node.isAlive(victim.pid)).toBe(false);
    expect(watcher.got).toEqual([tuple(EXIT, victim.pid, killed)]);
  });

  it('a trapping process gets exit/2 signals as messages, normal included', () => {
    const { node } = testNode();
    const t = sleeper(node, true);
    node.exit(t.pid, normal);
    node.exit(t.pid, boom);
    node.runUntilIdle();
    const init = (t.got[0] as Tuple).elements[1];
    expect(t.got).toEqual([tuple(EXIT, init as Term, normal), tuple(EXIT, init as Term, boom)]);
  });

  it('linking to a dead pid: EXIT :noproc when trapping, error :noproc otherwise', () => {
    const { node } = testNode();
    const dead = node.spawn(generatorBody(function* () {}));
    node.runUntilIdle();
    const t = sleeper(node, true);
    api(node, t.pid).link(dead);
    node.runUntilIdle();
    expect(t.got).toEqual([tuple(EXIT, dead, noproc)]);
    const n = sleeper(node);
    expect(() => api(node, n.pid).link(dead)).toThrow(ErlangError);
  });

  it('unlink removes the link on both sides', () => {
    const { node } = testNode();
    const a = sleeper(node);
    const b = sleeper(node);
    api(node, a.pid).link(b.pid);
    api(node, b.pid).unlink(a.pid);
    node.exit(a.pid, boom);
    expect(node.isAlive(b.pid)).toBe(true);
  });

  it('a process dying with an error reason (its body exits) kills its links', () => {
    const { node } = testNode();
    const a = sleeper(node);
    const parent = api(node, a.pid);
    parent.spawn(
      { run: (): RunResult => ({ type: 'exit', reductions: 1, reason: boom }) },
      { link: true },
    );
    node.runUntilIdle();
    expect(node.isAlive(a.pid)).toBe(false);
  });

  it('signals to the running process wait until its run returns', () => {
    const { node } = testNode();
    const after: string[] = [];
    const pid = node.spawn({
      run(proc): RunResult {
        proc.exit(proc.self, kill);
        after.push(`still running, pending=${proc.exitPending()}`);
        return { type: 'yield', reductions: 1 };
      },
    });
    node.runUntilIdle();
    expect(after).toEqual(['still running, pending=true']);
    expect(node.isAlive(pid)).toBe(false);
  });

  it('a link signal caused by the running process itself reaches it after its run', () => {
    const { node } = testNode();
    const b = sleeper(node);
    const log: string[] = [];
    const a = node.spawn({
      run(proc): RunResult {
        proc.link(b.pid);
        proc.exit(b.pid, boom); // b dies at once; its link signal to us must wait
        log.push(`b alive: ${proc.isAlive(b.pid)}, pending: ${proc.exitPending()}`);
        return { type: 'wait', reductions: 2 };
      },
    });
    node.runUntilIdle();
    expect(log).toEqual(['b alive: false, pending: true']);
    expect(node.isAlive(a)).toBe(false);
  });

  it('exit(self(), :normal) ends the caller', () => {
    const { node } = testNode();
    const pid = node.spawn({
      run(proc): RunResult {
        proc.exit(proc.self, normal);
        return { type: 'wait', reductions: 1 };
      },
    });
    node.runUntilIdle();
    expect(node.isAlive(pid)).toBe(false);
  });

  it('a chain of 20,000 linked processes dies without overflowing the stack', () => {
    const { node } = testNode();
    const pids: Pid[] = [];
    for (let i = 0; i < 20_000; i++) {
      pids.push(node.spawn(generatorBody(function* () { yield receive(); })));
    }
    node.runUntilIdle();
    for (let i = 1; i < pids.length; i++) api(node, pids[i - 1] as Pid).link(pids[i] as Pid);
    node.exit(pids[0] as Pid, boom);
    expect(node.processes().length).toBe(1); // only the group leader is left
  });
});

describe('monitors', () => {
  it('deliver {:DOWN, ref, :process, pid, reason} once, and only to the watcher', () => {
    const { node } = testNode();
    const w = sleeper(node);
    const target = sleeper(node);
    const ref = api(node, w.pid).monitor(target.pid);
    expect(node.info(target.pid)?.monitoredBy).toEqual([w.pid]);
    expect(node.info(w.pid)?.monitors).toEqual([ref]);
    node.exit(target.pid, boom);
    node.runUntilIdle();
    expect(w.got).toEqual([tuple(DOWN, ref, atom('process'), target.pid, boom)]);
    expect(node.isAlive(w.pid)).toBe(true);
    expect(node.info(w.pid)?.monitors).toEqual([]);
  });

  it('a monitor of a dead pid or an unknown name says :noproc', () => {
    const { node } = testNode();
    const dead = node.spawn(generatorBody(function* () {}));
    node.runUntilIdle();
    const w = sleeper(node);
    const r1 = api(node, w.pid).monitor(dead);
    const r2 = api(node, w.pid).monitor(atom('nobody'));
    node.runUntilIdle();
    expect(w.got).toEqual([
      tuple(DOWN, r1, atom('process'), dead, noproc),
      tuple(DOWN, r2, atom('process'), tuple(atom('nobody'), node.name), noproc),
    ]);
  });

  it('a monitor by name reports {name, node} and :killed for exit(pid, :kill)', () => {
    const { node } = testNode();
    const target = sleeper(node);
    node.register(atom('foo'), target.pid);
    const w = sleeper(node);
    const ref = api(node, w.pid).monitor(atom('foo'));
    node.exit(target.pid, kill);
    node.runUntilIdle();
    expect(w.got).toEqual([tuple(DOWN, ref, atom('process'), tuple(atom('foo'), atom('nonode@nohost')), killed)]);
  });

  it('demonitor stops it, and flush removes a DOWN already delivered', () => {
    const { node } = testNode();
    const w = collector(node);
    const t1 = sleeper(node);
    const t2 = sleeper(node);
    const a = api(node, w.pid);
    const r1 = a.monitor(t1.pid);
    const r2 = a.monitor(t2.pid);
    expect(a.demonitor(r1)).toBe(true);
    node.exit(t1.pid, boom);
    node.exit(t2.pid, boom);
    expect(a.mailboxLength()).toBe(1);
    a.demonitor(r2, true);
    expect(a.mailboxLength()).toBe(0);
    expect(node.info(t1.pid)).toBeUndefined();
  });

  it('spawn with link and monitor options', () => {
    const { node } = testNode();
    const parent = sleeper(node, true);
    const { pid, monitorRef } = api(node, parent.pid).spawn(
      { run: (): RunResult => ({ type: 'exit', reductions: 1, reason: boom }) },
      { link: true, monitor: true },
    );
    node.runUntilIdle();
    expect(parent.got).toEqual([
      tuple(EXIT, pid, boom),
      tuple(DOWN, monitorRef as Term, atom('process'), pid, boom),
    ]);
  });
});
