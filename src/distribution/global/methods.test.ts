/**
 * register_name/3's resolve methods when two partitions meet (global.erl's random_exit_name,
 * random_notify_name and notify_all_name; the node with the smaller name of the two that meet
 * runs the method of the name in its own table).
 */
import { describe, expect, it } from 'vitest';
import { Fun, atom, tuple } from '../../core/term/types.ts';
import type { Pid, Term } from '../../core/term/types.ts';
import { generatorBody, receive } from '../../core/runtime/bodies.ts';
import { TestCluster } from './test-cluster.ts';

const dup = atom('dup');
const yes = atom('yes');
const exportFun = (name: string): Fun => new Fun(3, { type: 'export', module: atom('global'), name: atom(name) }, null, null);

/** A process on `on` that keeps what it receives in `got`. */
function listener(c: TestCluster, on: string): { pid: Pid; got: Term[] } {
  const got: Term[] = [];
  const pid = c.get(on).node.spawn(generatorBody(function* () {
    for (;;) got.push((yield receive()) as Term);
  }));
  return { pid, got };
}

/** one@lab (the resolver) holds dup with `method`, two@lab with the default; then they meet. */
function clash(method: Term) {
  const c = new TestCluster();
  c.add('one@lab');
  c.add('two@lab');
  const a = listener(c, 'one@lab');
  const b = listener(c, 'two@lab');
  const ra = c.call('one@lab', 'register_name', [dup, a.pid, method]);
  const rb = c.call('two@lab', 'register_name', [dup, b.pid]);
  c.settle();
  expect([ra.result, rb.result]).toEqual([yes, yes]);
  c.connect('one@lab', 'two@lab');
  c.settle();
  return { c, a, b };
}

describe('resolve methods of register_name/3', () => {
  it('random_notify_name: the pid on the smaller node keeps the name, the other gets {:global_name_conflict, name} and lives', () => {
    const { c, a, b } = clash(exportFun('random_notify_name'));
    for (const n of ['one@lab', 'two@lab']) expect(c.get(n).global.whereis(dup)).toBe(a.pid);
    expect(b.got).toEqual([tuple(atom('global_name_conflict'), dup)]);
    expect(c.get('two@lab').node.isAlive(b.pid)).toBe(true);
    expect(a.got).toEqual([]);
  });

  it('notify_all_name: both are told who the other was, and the name goes everywhere', () => {
    const { c, a, b } = clash(exportFun('notify_all_name'));
    for (const n of ['one@lab', 'two@lab']) expect(c.get(n).global.whereis(dup)).toBeUndefined();
    expect(a.got).toEqual([tuple(atom('global_name_conflict'), dup, b.pid)]);
    expect(b.got).toEqual([tuple(atom('global_name_conflict'), dup, a.pid)]);
  });

  it('the legacy {module, function} form works as the fun does; random_exit_name kills the other', () => {
    const { c, a, b } = clash(tuple(atom('global'), atom('random_exit_name')));
    for (const n of ['one@lab', 'two@lab']) expect(c.get(n).global.whereis(dup)).toBe(a.pid);
    expect(c.get('two@lab').node.isAlive(b.pid)).toBe(false);
  });

  it('a method that is not a fun of arity 3 nor {module, function}: :badarg from the server', () => {
    const c = new TestCluster();
    c.add('one@lab');
    const r = c.call('one@lab', 'register_name', [dup, c.idle('one@lab'), atom('bad')]);
    c.settle();
    expect(r.result).toBe(atom('badarg'));
  });
});
