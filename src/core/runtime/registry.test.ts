import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../term/types.ts';
import { BadArgError } from './errors.ts';
import { generatorBody } from './bodies.ts';
import { collector, testNode } from './test-helpers.ts';

describe('local registry', () => {
  it('register, whereis, registered, unregister', () => {
    const { node } = testNode();
    const c = collector(node);
    node.register(atom('box'), c.pid);
    expect(node.whereis(atom('box'))).toBe(c.pid);
    expect(node.registered()).toEqual([atom('box')]);
    expect(node.info(c.pid)?.registeredName).toBe(atom('box'));
    node.unregister(atom('box'));
    expect(node.whereis(atom('box'))).toBeUndefined();
    expect(() => node.unregister(atom('box'))).toThrow(BadArgError);
  });

  it('refuses a taken name, a second name, :undefined and dead processes', () => {
    const { node } = testNode();
    const a = collector(node);
    const b = collector(node);
    node.register(atom('a'), a.pid);
    expect(() => node.register(atom('a'), b.pid)).toThrow(BadArgError);
    expect(() => node.register(atom('a2'), a.pid)).toThrow(BadArgError);
    expect(() => node.register(atom('undefined'), b.pid)).toThrow(BadArgError);
    const dead = node.spawn(generatorBody(function* () {}));
    node.runUntilIdle();
    expect(() => node.register(atom('d'), dead)).toThrow(BadArgError);
  });

  it('a name goes away with its process', () => {
    const { node } = testNode();
    const c = collector(node);
    node.register(atom('box'), c.pid);
    node.exit(c.pid, atom('kill'));
    expect(node.whereis(atom('box'))).toBeUndefined();
    expect(node.registered()).toEqual([]);
  });

  it('sends by name; an unregistered atom returns false; {name, node} for this node works', () => {
    const { node } = testNode();
    const c = collector(node);
    node.register(atom('box'), c.pid);
    expect(node.send(atom('box'), 1)).toBe(true);
    expect(node.send(atom('nobody'), 2)).toBe(false);
    expect(node.send(tuple(atom('box'), node.name), 3)).toBe(true);
    // unknown name on this node: dropped silently, as BEAM does
    expect(node.send(tuple(atom('nobody'), node.name), 4)).toBe(true);
    expect(node.send(42, 5)).toBe(false);
    node.runUntilIdle();
    expect(c.messages).toEqual([1, 3]);
  });
});
