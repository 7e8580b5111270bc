import { describe, expect, it } from 'vitest';
import { Pid, atom } from '../term/types.ts';
import type { ProcessInfo } from './process-api.ts';
import { generatorBody, receive } from './bodies.ts';
import { testNode } from './test-helpers.ts';

describe('Process.info', () => {
  it('reports status, mailbox, links, monitors, name, reductions, current function, group leader, trap_exit', () => {
    const { node } = testNode();
    let seenWhileRunning: ProcessInfo | undefined;
    const other = node.spawn(generatorBody(function* () { yield receive(); }));
    const pid = node.spawn(
      generatorBody(function* (proc) {
        proc.setTrapExit(true);
        proc.link(other);
        proc.monitor(other);
        proc.register(atom('me'), proc.self);
        seenWhileRunning = proc.info(proc.self);
        yield receive((m) => m === atom('never'));
      }, ['Elixir.Me', 'loop', 0]),
    );
    node.runUntilIdle();
    node.send(pid, 1);
    node.send(pid, 2);
    node.runUntilIdle();
    expect(seenWhileRunning?.status).toBe('running');
    const info = node.info(pid);
    expect(info).toMatchObject({
      pid,
      status: 'waiting',
      messageQueueLen: 2,
      messages: [1, 2],
      links: [other],
      registeredName: atom('me'),
      currentFunction: ['Elixir.Me', 'loop', 0],
      groupLeader: node.groupLeader,
      trapExit: true,
    });
    expect(info?.monitors.length).toBe(1);
    expect(info?.reductions).toBeGreaterThan(0);
    expect(node.info(other)?.monitoredBy).toEqual([pid]);
  });

  it('falls back to the initial call, says runnable before the first run, undefined when dead', () => {
    const { node } = testNode();
    const pid = node.spawn(generatorBody(function* () { yield receive(); }), { initialCall: ['erlang', 'apply', 2] });
    expect(node.info(pid)).toMatchObject({ status: 'runnable', currentFunction: ['erlang', 'apply', 2] });
    node.exit(pid, atom('kill'));
    expect(node.info(pid)).toBeUndefined();
  });
});

describe('pids', () => {
  it('gives the group leader a low system id and user processes ids from 0.100 up', () => {
    const { node } = testNode({ name: 'one@lab', creation: 3 });
    expect(node.groupLeader).toMatchObject({ id: 64, serial: 0, creation: 3, node: atom('one@lab') });
    const a = node.spawn(generatorBody(function* () {}));
    const b = node.spawn(generatorBody(function* () {}));
    expect([a.id, b.id]).toEqual([100, 101]);
    expect(node.processes()).toEqual([node.groupLeader, a, b]);
  });

  it('two nodes in one process share nothing', () => {
    const one = testNode({ name: 'one@lab' });
    const two = testNode({ name: 'two@lab' });
    const a = one.node.spawn(generatorBody(function* () { yield receive(); }));
    const b = two.node.spawn(generatorBody(function* () { yield receive(); }));
    expect(a.id).toBe(b.id);
    expect(one.node.isAlive(b)).toBe(false);
    expect(one.node.processes().length).toBe(2);
  });

  it('going alive: new pids carry the name, old nonode pids still reach their processes', () => {
    const { node } = testNode();
    const old = node.spawn(generatorBody(function* () { yield receive(); yield receive(); }));
    node.runUntilIdle();
    node.setName(atom('one@lab'), 7);
    const fresh = node.spawn(generatorBody(function* () {}));
    expect(fresh).toMatchObject({ node: atom('one@lab'), creation: 7 });
    expect(node.isAlive(old)).toBe(true);
    // the same process named with the new node name and creation (as it comes back from the wire)
    const renamed = new Pid(atom('one@lab'), old.id, old.serial, 7);
    expect(node.isAlive(renamed)).toBe(true);
    expect(node.isAlive(new Pid(atom('one@lab'), old.id, old.serial, 6))).toBe(false); // an older incarnation
    node.send(renamed, 1);
    node.send(old, 2);
    node.runUntilIdle();
    expect(node.isAlive(old)).toBe(false);
  });
});
