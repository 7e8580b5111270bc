/**
 * The VM's inline fast paths (vm-code.ts EV_* shapes, closure-call inline caches, receive's
 * literal and variable clauses) must give exactly what the closures they shortcut give: at the
 * safe-integer boundary (overflow to bigint), with non-integers, with a call site that sees
 * different funs, and with patterns that look alike but must not match.
 */
import { describe, expect, it } from 'vitest';
import { run } from './vm-test-helpers.ts';

describe('VM fast paths', () => {
  it('x + k arguments and a + b returns overflow to bigint like the operators', () => {
    expect(run('a = 9007199254740991; f = fn x -> x end; f.(a + 1)')).toBe('9007199254740992');
    expect(run('f = fn g, n -> if n > 9007199254740991, do: n, else: g.(g, n + 1) end; f.(f, 9007199254740990)')).toBe('9007199254740992');
    expect(run('f = fn x, y -> x + y end; f.(9007199254740991, 1) + f.(1, 2)')).toBe('9007199254740995');
    expect(run('f = fn x -> x end; f.(1.5 - 1)')).toBe('0.5');
  });

  it('arithmetic on a non-number still raises from the operator', () => {
    expect(run('f = fn x -> x end; a = :a; try do f.(a - 1) rescue e -> e.__struct__ end')).toBe('ArithmeticError');
  });

  it('a call site calling different funs, and a wrong arity after a cached hit', () => {
    expect(run('f = fn x -> x end; g = fn y -> y * 2 end; Enum.map([f, g, f], fn h -> h.(3) end)')).toBe('[3, 6, 3]');
    expect(run('c = fn h -> h.(1) end; c.(fn x -> x end); try do c.(fn x, y -> x + y end) rescue e -> e.__struct__ end')).toBe('BadArityError');
    expect(run('loop = fn l, 0, acc -> acc; l, n, acc -> l.(l, n - 1, acc + n) end; loop.(loop, 100, 0)')).toBe('5050');
  });

  it('receive: literal clauses match by identity only, variable clauses bind', () => {
    expect(run('send(self(), 1.0); receive do 1 -> :int; _ -> :other end')).toBe(':other');
    expect(run('send(self(), 3); send(self(), :b); receive do :b -> :got_b end')).toBe(':got_b');
    expect(run('send(self(), 3); receive do k when k > 5 -> :big; k -> {:small, k} end')).toBe('{:small, 3}');
    expect(run('case 5 do 0 -> :a; k -> k end')).toBe('5');
  });
});
