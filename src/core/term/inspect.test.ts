import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Binary, Float, Fun, NIL, Pid, Port, Ref, atom, list, str, tuple, type Atom, type Term } from './types.ts';
import { decodeEtf } from './etf-fixture.ts';
import { inspect, inspectPretty } from './inspect.ts';
import { mapFromPairs } from './map.ts';

interface Row {
  src: string;
  etf: string;
  inspect: string;
  pretty: string;
}

// Every expected string below was printed by real Elixir 1.14 (see inspect.fixtures.exs).
const rows = JSON.parse(readFileSync(new URL('./inspect.fixtures.json', import.meta.url), 'utf8')) as Row[];

describe('inspect matches Elixir 1.14 (fixture table)', () => {
  it('has a large table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(180);
  });
  it.each(rows.map((r) => [r.src.length > 70 ? r.src.slice(0, 70) + '…' : r.src, r] as const))('inspect(%s)', (_, r) => {
    expect(inspect(decodeEtf(r.etf))).toBe(r.inspect);
  });
  it.each(rows.map((r) => [r.src.length > 70 ? r.src.slice(0, 70) + '…' : r.src, r] as const))('iex prints %s', (_, r) => {
    expect(inspectPretty(decodeEtf(r.etf))).toBe(r.pretty);
  });
});

const erlEval = atom('erl_eval');
const fn = (arity: number, name: string, index = 43, uniq = 3316493): Fun =>
  new Fun(arity, { type: 'local', module: erlEval, name, index, uniq }, null, null);
const exportFun = (mod: string, name: string, arity: number): Fun =>
  new Fun(arity, { type: 'export', module: atom(mod), name: atom(name) }, null, null);

describe('inspect: terms the fixtures cannot carry', () => {
  const cases: [Term, string][] = [
    // iex: fn -> 1 end  =>  #Function<43.3316493/0 in :erl_eval.expr/6>
    [fn(0, '-expr/6-fun-2-'), '#Function<43.3316493/0 in :erl_eval.expr/6>'],
    [fn(1, 'expr/6', 42, 3316493), '#Function<42.3316493/1 in :erl_eval.expr/6>'],
    [new Fun(0, { type: 'local', module: atom('Elixir.Ticker'), name: '-loop/1-fun-0-', index: 0, uniq: 123 }, null, null), '#Function<0.123/0 in Ticker.loop/1>'],
    [exportFun('Elixir.Enum', 'map', 2), '&Enum.map/2'],
    [exportFun('erlang', 'self', 0), '&:erlang.self/0'],
    [exportFun('lists', 'reverse', 1), '&:lists.reverse/1'],
    [exportFun('erlang', '+', 2), '&:erlang.+/2'],
    [list([exportFun('erlang', 'self', 0), fn(0, '-expr/6-fun-2-')]), '[&:erlang.self/0, #Function<43.3316493/0 in :erl_eval.expr/6>]'],
    [new Float(1e21), '1.0e21'],
    [tuple(atom('ok'), str('a\u{10FFFF}')), '{:ok, "a\u{10FFFF}"}'],
  ];
  it.each(cases)('%#', (t, want) => expect(inspect(t)).toBe(want));
});

describe('inspect: node numbering of pids, refs and ports', () => {
  const here = atom('one@amber-fox');
  const there = atom('two@amber-fox');
  const numbers = (n: Atom): number => (n === here ? 0 : n === there ? 11789 : 12601);
  it('prints the local node as 0 and remote nodes with the caller’s numbers', () => {
    expect(inspect(new Pid(here, 110, 0, 1), { nodeNumber: numbers })).toBe('#PID<0.110.0>');
    expect(inspect(new Pid(there, 112, 0, 1), { nodeNumber: numbers })).toBe('#PID<11789.112.0>');
    expect(inspect(new Port(there, 5, 1), { nodeNumber: numbers })).toBe('#Port<11789.5>');
  });
  it('defaults every node to 0', () => {
    expect(inspect(new Pid(there, 112, 3, 1))).toBe('#PID<0.112.3>');
  });
  it('prints reference words in reverse wire order', () => {
    // Wire order [W0, W1, W2] prints as #Reference<N.W2.W1.W0> (erlang-distribution.md §3).
    expect(inspect(new Ref(there, 1, [102549, 3044278274, 1257438021]), { nodeNumber: numbers })).toBe(
      '#Reference<11789.1257438021.3044278274.102549>',
    );
  });
});

describe('inspect options', () => {
  const big = list(Array.from({ length: 100 }, (_, i) => i + 1));
  it('limit: Infinity prints everything', () => {
    expect(inspect(big, { limit: Infinity })).toBe('[' + Array.from({ length: 100 }, (_, i) => i + 1).join(', ') + ']');
  });
  it('a custom limit truncates with ...', () => {
    expect(inspect(big, { limit: 3 })).toBe('[1, 2, 3, ...]');
    expect(inspect(Binary.fromBytes(new Uint8Array([1, 2, 3, 4])), { limit: 2 })).toBe('<<1, 2, ...>>');
  });
  it('a narrow width breaks maps one entry per line', () => {
    const m = mapFromPairs([
      [atom('a'), 1],
      [atom('b'), 2],
    ]);
    expect(inspectPretty(m, 10)).toBe('%{\n  a: 1,\n  b: 2\n}');
  });
  it('prints a 1,000,000-element list without overflowing the stack', () => {
    const items = Array.from({ length: 1_000_000 }, () => 300);
    const s = inspect(list(items), { limit: Infinity });
    expect(s.length).toBe(1 + 5 * 1_000_000 - 2 + 1);
    const lines = inspectPretty(list(items.slice(0, 100_000)), 80, { limit: Infinity }).split('\n');
    expect(lines.length).toBe(Math.ceil(100_000 / 16));
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(inspect(NIL)).toBe('[]');
  });
  it('only walks the shown part of a long list with the default limit', () => {
    const l = list(Array.from({ length: 1_000_000 }, (_, i) => i));
    const want = '[' + Array.from({ length: 50 }, (_, i) => i).join(', ') + ', ...]';
    for (let i = 0; i < 1000; i++) expect(inspect(l)).toBe(want);
  });
});

describe('inspect: structs (strings printed by real Elixir 1.14)', () => {
  const struct = (mod: string, fields: Record<string, Term>) =>
    mapFromPairs([[atom('__struct__'), atom(`Elixir.${mod}`)], ...Object.entries(fields).map(([k, v]) => [atom(k), v] as [Term, Term])]);
  const range = (first: number, last: number, step: number) => struct('Range', { first, last, step });
  const exc = (mod: string, fields: Record<string, Term>) => struct(mod, { __exception__: atom('true'), ...fields });
  it('prints ranges in range syntax, with the step unless it is 1 going up', () => {
    expect(inspect(range(1, 10, 1))).toBe('1..10');
    expect(inspect(range(10, 1, -1))).toBe('10..1//-1');
    expect(inspect(range(1, 10, 2))).toBe('1..10//2');
    expect(inspect(range(1, 0, 1))).toBe('1..0//1');
    expect(inspect(range(0, -1, -1))).toBe('0..-1//-1');
    expect(inspect(list([range(1, 2, 1), range(3, 4, 1)]))).toBe('[1..2, 3..4]');
  });
  it('prints exceptions as structs, fields in definition order, breaking at 80 columns', () => {
    expect(inspect(exc('ArgumentError', { message: str('x') }))).toBe('%ArgumentError{message: "x"}');
    expect(inspect(exc('KeyError', { key: atom('a'), term: mapFromPairs([]), message: atom('nil') }))).toBe('%KeyError{key: :a, term: %{}, message: nil}');
    expect(inspectPretty(exc('RuntimeError', { message: str('a'.repeat(100)) }))).toBe(`%RuntimeError{\n  message: "${'a'.repeat(100)}"\n}`);
  });
  it('prints a struct of an unknown module as a map', () => {
    expect(inspect(struct('Foo', { a: 1 }))).toBe('%{__struct__: Foo, a: 1}');
  });
});
