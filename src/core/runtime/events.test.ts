import { describe, expect, it } from 'vitest';
import { atom } from '../term/types.ts';
import type { RuntimeEvent } from './events.ts';
import { generatorBody, receive } from './bodies.ts';
import { collector, testNode } from './test-helpers.ts';

/** Events without their timestamps, as `type` plus the fields a test cares about. */
function brief(e: RuntimeEvent): string {
  switch (e.type) {
    case 'process:spawned':
      return `spawned ${e.pid.id}`;
    case 'process:exited':
      return `exited ${e.pid.id} ${(e.reason as { name: string }).name}`;
    case 'message:sent':
      return `sent ${String(e.message)}`;
    case 'message:received':
      return `received ${e.pid.id} ${String(e.message)}`;
    case 'link:added':
    case 'link:removed':
      return `${e.type} ${e.from.id}-${e.to.id}`;
    case 'monitor:added':
    case 'monitor:removed':
      return `${e.type} ${e.watcher.id}->${e.target.id}`;
    case 'name:registered':
    case 'name:unregistered':
      return `${e.type} ${e.name.name} ${e.pid.id}`;
    case 'spawn:requested':
      return `${e.type} ${e.from.id} ${e.node.name}`;
  }
}

describe('event stream', () => {
  it('reports spawns, messages, links, monitors, names and exits in order', () => {
    const { node } = testNode();
    const events: string[] = [];
    const unsubscribe = node.subscribe((e) => events.push(brief(e)));
    const a = collector(node);
    const b = node.spawn(generatorBody(function* (proc) {
      proc.link(a.pid);
      proc.monitor(a.pid);
      proc.register(atom('b'), proc.self);
      proc.send(a.pid, 7);
      yield receive();
    }));
    node.runUntilIdle();
    node.exit(a.pid, atom('boom'));
    const [ia, ib] = [a.pid.id, b.id];
    expect(events).toEqual([
      `spawned ${ia}`,
      `spawned ${ib}`,
      `link:added ${ib}-${ia}`,
      `monitor:added ${ib}->${ia}`,
      `name:registered b ${ib}`,
      'sent 7',
      `received ${ia} 7`,
      `exited ${ia} boom`,
      `link:removed ${ia}-${ib}`,
      `monitor:removed ${ib}->${ia}`,
      `name:unregistered b ${ib}`,
      `exited ${ib} boom`,
    ]);
    unsubscribe();
    node.spawn(generatorBody(function* () {}));
    expect(events.length).toBe(12);
  });

  it('carries the clock time', () => {
    const { node, clock } = testNode();
    const times: number[] = [];
    node.subscribe((e) => times.push(e.time));
    clock.set(1234);
    collector(node);
    expect(times).toEqual([1234]);
  });
});

describe('snapshot', () => {
  it('lists live processes and names, and is the same object until something changes', () => {
    const { node } = testNode();
    const c = collector(node);
    node.register(atom('box'), c.pid);
    const s1 = node.getSnapshot();
    expect(s1.node).toBe(atom('nonode@nohost'));
    expect(s1.processes.map((p) => p.pid)).toEqual([node.groupLeader, c.pid]);
    expect(s1.registered).toEqual([[atom('box'), c.pid]]);
    expect(node.getSnapshot()).toBe(s1);
    node.send(c.pid, 1);
    const s2 = node.getSnapshot();
    expect(s2).not.toBe(s1);
    expect(s2.processes[1]?.messageQueueLen).toBe(1);
  });
});
