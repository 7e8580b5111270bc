import { describe, expect, test } from 'vitest';
import { A, call, F, K, L, M, R, S, T } from './test-helpers.ts';

// Expected values are what Elixir 1.14 prints (elixir -e 'IO.inspect(...)').
describe('Enum (TS BIFs)', () => {
  test('to_list, count, member?, empty?', () => {
    expect(call('Enum', 'to_list', R(1, 5))).toBe('[1, 2, 3, 4, 5]');
    expect(call('Enum', 'to_list', R(10, 1))).toBe('[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]');
    expect(call('Enum', 'to_list', R(1, 10, 3))).toBe('[1, 4, 7, 10]');
    expect(call('Enum', 'to_list', M([A('b'), 1], [A('a'), 2]))).toBe('[a: 2, b: 1]');
    expect(call('Enum', 'count', R(1, 0, 1))).toBe('0');
    expect(call('Enum', 'count', M([A('a'), 1]))).toBe('1');
    expect(call('Enum', 'member?', R(1, 10), F(5))).toBe('false');
    expect(call('Enum', 'member?', R(1, 10), 5)).toBe('true');
    expect(call('Enum', 'member?', R(1, 10, 2), 4)).toBe('false');
    expect(call('Enum', 'member?', L(1), F(1))).toBe('false');
    expect(call('Enum', 'member?', M([A('a'), 1]), T(A('a'), 1))).toBe('true');
    expect(call('Enum', 'empty?', M())).toBe('true');
  });

  test('Protocol.UndefinedError for non-enumerables', () => {
    expect(call('Enum', 'at', A('x'), 1)).toBe('** (Protocol.UndefinedError) protocol Enumerable not implemented for :x of type Atom');
    expect(call('Enum', 'sort', A('a'))).toBe('** (Protocol.UndefinedError) protocol Enumerable not implemented for :a of type Atom');
    expect(call('Enum', 'zip', A('a'), L(1))).toBe('** (Protocol.UndefinedError) protocol Enumerable not implemented for :a of type Atom');
  });

  test('sum, product, reverse', () => {
    expect(call('Enum', 'sum', R(1, 10))).toBe('55');
    expect(call('Enum', 'sum', L(1, F(2.5)))).toBe('3.5');
    expect(call('Enum', 'sum', L())).toBe('0');
    expect(call('Enum', 'sum', L(1, A('a')))).toBe('** (ArithmeticError) bad argument in arithmetic expression');
    expect(call('Enum', 'sum', L(9007199254740991, 1))).toBe('9007199254740992');
    expect(call('Enum', 'product', L())).toBe('1');
    expect(call('Enum', 'product', L(2, F(2)))).toBe('4.0');
    expect(call('Enum', 'reverse', R(1, 5))).toBe('[5, 4, 3, 2, 1]');
    expect(call('Enum', 'reverse', L(1, 2), L(3))).toBe('[2, 1, 3]');
  });

  test('at, fetch, fetch!', () => {
    expect(call('Enum', 'at', R(1, 10), 3)).toBe('4');
    expect(call('Enum', 'at', L(1, 2), -1)).toBe('2');
    expect(call('Enum', 'at', L(1, 2), 5)).toBe('nil');
    expect(call('Enum', 'at', L(1, 2), 5, A('none'))).toBe(':none');
    expect(call('Enum', 'at', M([A('a'), 1]), 0)).toBe('{:a, 1}');
    expect(call('Enum', 'at', L(1), A('a'))).toBe('** (FunctionClauseError) no function clause matching in Enum.at/3');
    expect(call('Enum', 'fetch', L(1), 0)).toBe('{:ok, 1}');
    expect(call('Enum', 'fetch', L(1), 3)).toBe(':error');
    expect(call('Enum', 'fetch!', L(1), 5)).toBe('** (Enum.OutOfBoundsError) out of bounds error');
  });

  test('sort, max, min', () => {
    expect(call('Enum', 'sort', L(3, F(1), 1, A('a')))).toBe('[1.0, 1, 3, :a]');
    expect(call('Enum', 'sort', M([A('b'), 1], [A('a'), 2]))).toBe('[a: 2, b: 1]');
    expect(call('Enum', 'max', L(1, F(2), 2))).toBe('2.0');
    expect(call('Enum', 'min', L(F(1), 1))).toBe('1.0');
    expect(call('Enum', 'max', M([A('a'), 1], [A('b'), 0]))).toBe('{:b, 0}');
    expect(call('Enum', 'max', L())).toBe('** (Enum.EmptyError) empty error');
    expect(call('Enum', 'min', L())).toBe('** (Enum.EmptyError) empty error');
    expect(call('Enum', 'min_max', L(3, 1, 2))).toBe('{1, 3}');
  });

  test('join', () => {
    expect(call('Enum', 'join', L(1, S('a'), A('b'), L(99, 100)), S('-'))).toBe('"1-a-b-cd"');
    expect(call('Enum', 'join', L())).toBe('""');
    expect(call('Enum', 'join', L(S('a'), S('b')))).toBe('"ab"');
    expect(call('Enum', 'join', L(1, T()), S(','))).toBe(
      '** (Protocol.UndefinedError) protocol String.Chars not implemented for {} of type Tuple',
    );
    expect(call('Enum', 'join', L(1), A('a'))).toBe('** (FunctionClauseError) no function clause matching in Enum.join/2');
  });

  test('take, drop, split, slice', () => {
    expect(call('Enum', 'take', R(1, 5), 2)).toBe('[1, 2]');
    expect(call('Enum', 'take', L(1, 2, 3), -2)).toBe('[2, 3]');
    expect(call('Enum', 'take', L(1), A('a'))).toBe('** (FunctionClauseError) no function clause matching in Enum.take/2');
    expect(call('Enum', 'drop', L(1, 2, 3), -2)).toBe('[1]');
    expect(call('Enum', 'drop', L(1, 2, 3), 1)).toBe('[2, 3]');
    expect(call('Enum', 'split', L(1, 2, 3), -1)).toBe('{[1, 2], [3]}');
    expect(call('Enum', 'split', R(1, 5), 10)).toBe('{[1, 2, 3, 4, 5], []}');
    expect(call('Enum', 'slice', L(1, 2, 3, 4, 5), R(1, 2))).toBe('[2, 3]');
    expect(call('Enum', 'slice', L(1, 2, 3, 4, 5), 1, 2)).toBe('[2, 3]');
    expect(call('Enum', 'slice', L(1, 2, 3, 4, 5), R(-3, -1))).toBe('[3, 4, 5]');
    expect(call('Enum', 'slice', L(1, 2, 3, 4, 5), R(0, -1, 2))).toBe('[1, 3, 5]');
    expect(call('Enum', 'slice', L(1, 2, 3, 4, 5), R(-10, 2))).toBe('[1, 2, 3]');
    expect(call('Enum', 'slice', L(1, 2, 3, 4, 5), R(3, 1))).toBe('[]');
    expect(call('Enum', 'slice', L(1, 2, 3), -5, 2)).toBe('[1, 2]');
    expect(call('Enum', 'slice', L(1, 2, 3), 5, 2)).toBe('[]');
    expect(call('Enum', 'slice', L(1), 1, -1)).toBe('** (FunctionClauseError) no function clause matching in Enum.slice/3');
  });

  test('zip, concat, uniq, dedup, frequencies', () => {
    expect(call('Enum', 'zip', L(1, 2, 3), L(A('a'), A('b')))).toBe('[{1, :a}, {2, :b}]');
    expect(call('Enum', 'zip', L(L(1, 2), L(3, 4), L(5, 6)))).toBe('[{1, 3, 5}, {2, 4, 6}]');
    expect(call('Enum', 'zip', L())).toBe('[]');
    expect(call('Enum', 'concat', L(L(1), L(2, 3)))).toBe('[1, 2, 3]');
    expect(call('Enum', 'concat', R(1, 2), M([A('a'), 1]))).toBe('[1, 2, {:a, 1}]');
    expect(call('Enum', 'uniq', L(1, F(1), 1))).toBe('[1, 1.0]');
    expect(call('Enum', 'uniq', L(3, 1, 3, 2, 1))).toBe('[3, 1, 2]');
    expect(call('Enum', 'dedup', L(1, 1, 2, 1, F(1)))).toBe('[1, 2, 1, 1.0]');
    expect(call('Enum', 'frequencies', L(S('a'), S('b'), S('a')))).toBe('%{"a" => 2, "b" => 1}');
    expect(call('Enum', 'frequencies', L(1, F(1)))).toBe('%{1 => 1, 1.0 => 1}');
  });

  test('chunk_every', () => {
    expect(call('Enum', 'chunk_every', L(1, 2, 3, 4, 5), 2)).toBe('[[1, 2], [3, 4], [5]]');
    expect(call('Enum', 'chunk_every', L(1, 2, 3, 4), 3, 2)).toBe('[[1, 2, 3], [3, 4]]');
    expect(call('Enum', 'chunk_every', L(1, 2, 3, 4, 5, 6), 2, 3, L())).toBe('[[1, 2], [4, 5]]');
    expect(call('Enum', 'chunk_every', L(1, 2, 3, 4, 5), 3, 2, A('discard'))).toBe('[[1, 2, 3], [3, 4, 5]]');
    expect(call('Enum', 'chunk_every', L(1, 2, 3, 4, 5), 3, 2, L(A('x'), A('y')))).toBe('[[1, 2, 3], [3, 4, 5], [5, :x, :y]]');
    expect(call('Enum', 'chunk_every', L(1, 2, 3, 4), 2, 2, L(A('x')))).toBe('[[1, 2], [3, 4]]');
    expect(call('Enum', 'chunk_every', L(1, 2, 3, 4, 5, 6, 7), 3, 3, L())).toBe("[[1, 2, 3], [4, 5, 6], '\\a']");
    expect(call('Enum', 'chunk_every', L(1, 2, 3), 2, 1)).toBe('[[1, 2], [2, 3], [3]]');
    expect(call('Enum', 'chunk_every', L(1, 2, 3, 4), 2, 1, A('discard'))).toBe('[[1, 2], [2, 3], [3, 4]]');
    expect(call('Enum', 'chunk_every', L(1, 2, 3), 0)).toBe('** (FunctionClauseError) no function clause matching in Enum.chunk_every/4');
  });

  test('into, any?, all?, take_every', () => {
    expect(call('Enum', 'into', K({ a: 1 }), M())).toBe('%{a: 1}');
    expect(call('Enum', 'into', M([A('a'), 1]), M([A('b'), 2]))).toBe('%{a: 1, b: 2}');
    expect(call('Enum', 'into', M([A('a'), 1]), L())).toBe('[a: 1]');
    expect(call('Enum', 'into', L(1), M())).toBe('** (ArgumentError) argument error');
    expect(call('Enum', 'any?', L(A('false'), A('nil'), 0))).toBe('true');
    expect(call('Enum', 'all?', L(1, A('nil')))).toBe('false');
    expect(call('Enum', 'take_every', R(1, 10), 3)).toBe('[1, 4, 7, 10]');
  });
});
