// Structs, exceptions and protocols beyond the golden transcripts (17-19): how a struct crosses
// nodes (a map with __struct__, byte for byte as BEAM sends it), edge cases, hostile input.
// Expected texts come from real iex 1.14 / OTP 25 (the ETF bytes from :erlang.term_to_binary).
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';
import { normalize } from './golden.ts';
import { encodeTerm } from '../distribution/etf/encode.ts';
import { decodeTerm } from '../distribution/etf/decode.ts';
import { inspect } from '../core/term/inspect.ts';
import { advanceAndRun } from '../core/runtime/testing.ts';
import { expectNeverHoldsScheduler, langNode, spawnEval, evalText } from '../core/lang/vm-test-helpers.ts';
import { structFieldsOf } from '../core/lang/structs.ts';
import type { Term } from '../core/term/types.ts';

const USER = 'defmodule User do\n  defstruct name: nil, age: 0\nend';

function typeAll(room: Classroom, tab: Tab, lines: string[]): string {
  tab.take();
  for (const l of lines) room.type(tab, l);
  return tab.take();
}

/** The value of `src` on a fresh node that has User (and the node, to print with its structs). */
function valueOf(src: string): { value: Term; print: (t: Term) => string } {
  const t = langNode();
  const ev = spawnEval(t, `${USER}\n${src}`);
  advanceAndRun(t.clock, 1000, t.node);
  if (ev.result?.type !== 'done') throw new Error(`did not finish: ${JSON.stringify(ev.result?.type)}`);
  return { value: ev.result.value, print: (x) => inspect(x, { structFields: structFieldsOf(t.rt) }) };
}

describe('a struct on the wire is the map BEAM sends', () => {
  // :erlang.term_to_binary(%User{name: "Ana", age: 30}, minor_version: 2) on OTP 25 (as the
  // distribution encodes): keys in term order, atoms as SMALL_ATOM_UTF8_EXT.
  const userBytes = [131, 116, 0, 0, 0, 3, 119, 10, 95, 95, 115, 116, 114, 117, 99, 116, 95, 95,
    119, 11, 69, 108, 105, 120, 105, 114, 46, 85, 115, 101, 114, 119, 3, 97, 103,
    101, 97, 30, 119, 4, 110, 97, 109, 101, 109, 0, 0, 0, 3, 65, 110, 97];
  // :erlang.term_to_binary(%RuntimeError{message: "boom"}, minor_version: 2).
  const errorBytes = [131, 116, 0, 0, 0, 3, 119, 13, 95, 95, 101, 120, 99, 101, 112, 116, 105, 111,
    110, 95, 95, 119, 4, 116, 114, 117, 101, 119, 10, 95, 95, 115, 116, 114, 117,
    99, 116, 95, 95, 119, 19, 69, 108, 105, 120, 105, 114, 46, 82, 117, 110, 116,
    105, 109, 101, 69, 114, 114, 111, 114, 119, 7, 109, 101, 115, 115, 97, 103,
    101, 109, 0, 0, 0, 4, 98, 111, 111, 109];

  it('encodes %User{} and %RuntimeError{} exactly as term_to_binary does', () => {
    expect([...encodeTerm(valueOf('%User{name: "Ana", age: 30}').value)]).toEqual(userBytes);
    expect([...encodeTerm(valueOf('%RuntimeError{message: "boom"}').value)]).toEqual(errorBytes);
    expect([...encodeTerm(valueOf('try do raise "boom" rescue e -> e end').value)]).toEqual(errorBytes);
  });

  it("decodes BEAM's bytes into a struct that prints in its fields' order and matches %User{}", () => {
    const { print } = valueOf(':ok');
    const decoded = decodeTerm(Uint8Array.from(userBytes));
    expect(decoded.ok).toBe(true);
    const term = (decoded as { term: Term }).term;
    expect(print(term)).toBe('%User{name: "Ana", age: 30}');
    const t = langNode();
    const ev = spawnEval(t, `${USER}\n%User{name: n} = u\nn`, new Map([['u', term]]));
    advanceAndRun(t.clock, 1000, t.node);
    expect(ev.result?.type === 'done' && inspect(ev.result.value)).toBe('"Ana"');
  });
});

describe('structs between tabs', () => {
  it('a struct sent to a tab without the module prints as a map there; after nl(User) as %User{}', () => {
    const room = new Classroom();
    const [one, two] = [room.open('one'), room.open('two')];
    typeAll(room, one, ['Node.connect :"two@vm"']);
    typeAll(room, two, [':global.register_name(:inbox, self())']);
    for (const line of USER.split('\n')) room.type(one, line);
    typeAll(room, one, [':global.send(:inbox, %User{name: "Ana", age: 30})']);
    expect(normalize(typeAll(room, two, ['receive do m -> m end']))).toBe('iex(two@vm)2> receive do m -> m end\n%{__struct__: User, age: 30, name: "Ana"}');
    typeAll(room, one, ['nl(User)', ':global.send(:inbox, %User{name: "Bo"})']);
    expect(normalize(typeAll(room, two, ['receive do %User{name: n} = u -> {n, u} end']))).toBe(
      'iex(two@vm)3> receive do %User{name: n} = u -> {n, u} end\n{"Bo", %User{name: "Bo", age: 0}}',
    );
  });

  it('an exception raised on one tab is rescued as the same struct on the other (exit reason over a link)', () => {
    const room = new Classroom();
    const [one, two] = [room.open('one'), room.open('two')];
    typeAll(room, one, ['Node.connect :"two@vm"', 'Process.flag(:trap_exit, true)']);
    const out = typeAll(room, one, [
      'pid = Node.spawn_link(:"two@vm", fn -> exit({%ArgumentError{message: "far"}, []}) end)',
      'receive do {:EXIT, ^pid, {%ArgumentError{message: m}, _}} -> m end',
    ]);
    expect(out).toContain('\n"far"\n');
    two.take();
  });
});

describe('edge cases', () => {
  it('keeps the field order of the definition through updates, Map.put and struct/2', () => {
    const { value, print } = valueOf('u = %User{age: 1, name: "x"}\n[%{u | age: 2}, Map.put(u, :name, "y"), struct(u, age: 5)]');
    expect(print(value)).toBe('[%User{name: "x", age: 2}, %User{name: "y", age: 1}, %User{name: "x", age: 5}]');
  });

  it('a map with extra keys or a deleted field is no longer printed as the struct', () => {
    const { value, print } = valueOf('u = %User{}\n[Map.put(u, :extra, 1), Map.delete(u, :age)]');
    expect(print(value)).toBe('[%{__struct__: User, age: 0, extra: 1, name: nil}, %{__struct__: User, name: nil}]');
  });

  it('defstruct twice is a compile error; bad field names and bad @enforce_keys raise ArgumentError', () => {
    const t = langNode();
    expect(() => spawnEval(t, 'defmodule Twice do\n  defstruct [:a]\n  defstruct [:b]\nend')).toThrow(
      'defstruct has already been called for Twice, defstruct can only be called once per module',
    );
    expect(evalText(t, 'defmodule BadField do\n  defstruct [1]\nend')).toBe('** (ArgumentError) struct field names must be atoms, got: 1');
    expect(evalText(t, 'defmodule BadKeys do\n  @enforce_keys ["a"]\n  defstruct [:a]\nend')).toBe('** (ArgumentError) keys given to @enforce_keys must be atoms, got: "a"');
  });

  it('struct/2 from a module without a struct raises UndefinedFunctionError', () => {
    expect(evalText(langNode(), 'struct(Nope, a: 1)')).toBe('** (UndefinedFunctionError) function Nope.__struct__/0 is undefined (module Nope is not available)');
  });

  it('a protocol dispatches inside a spawned process and for a struct derived from Any', () => {
    const t = langNode();
    const src = 'defprotocol Name do\n  def name(x)\nend\n' +
      'defimpl Name, for: Any do\n  def name(_), do: :any\nend\n' +
      'defimpl Name, for: Atom do\n  def name(a), do: a\nend\n' +
      'defmodule D do\n  @derive Name\n  defstruct [:a]\nend\n' +
      '{Name.name(:x), Name.name(%D{}), Name.impl_for(%D{}), Name.impl_for(1)}';
    expect(evalText(t, src)).toBe('{:x, :any, Name.Any, nil}');
  });
});

describe('hostile input', () => {
  it('a map whose __struct__ is not an atom prints as a map and is not a struct', () => {
    const { print } = valueOf(':ok');
    const weird = valueOf('%{__struct__: 1, a: 2}').value;
    expect(print(weird)).toBe('%{__struct__: 1, a: 2}');
    expect(evalText(langNode(), '%{__struct__: "x"} |> is_struct()')).toBe('false');
  });

  it('an update of a non-struct and a struct named by a variable raise Elixir errors', () => {
    const t = langNode();
    expect(evalText(t, `${USER}\n%User{u | age: 1}`.replace('%User{u', 'u = 5\n%User{u'))).toBe('** (BadStructError) expected a struct named User, got: 5');
    expect(() => spawnEval(t, 'm = 5\n%m{}')).toThrow('expected struct name to be a compile time atom or alias, got: m');
  });

  it('an Enumerable implementation that never ends does not hold the scheduler', () => {
    const t = langNode();
    const src = 'defmodule Forever do\n  defstruct []\n  defimpl Enumerable do\n' +
      '    def reduce(s, {:cont, acc}, f), do: reduce(s, f.(1, acc), f)\n    def count(_), do: {:error, __MODULE__}\n' +
      '    def member?(_, _), do: {:error, __MODULE__}\n    def slice(_), do: {:error, __MODULE__}\n  end\nend\nEnum.count(%Forever{})';
    expectNeverHoldsScheduler(t, spawnEval(t, src));
  });
});
