/**
 * Enumerable for structs with their own implementation (`defimpl Enumerable, for: Bag`): every
 * Enum built-in, given such a struct first, calls the same function again with the struct's
 * elements as a list, taken by its `reduce/3` in Elixir (`Enumerable.Custom`, the prelude
 * below). Ranges and all other terms go straight to the built-in, as before. A comprehension's
 * generator takes the same path (`Enumerable.Custom.source/1`, compiler-control.ts).
 *
 * The elements are collected whole before the Enum function runs, so an implementation that
 * never ends (an infinite stream) runs forever, preemptibly, instead of being halted early.
 */
import { atom, type Atom, type Term } from '../../term/types.ts';
import type { Bif, BifContext } from '../builtins.ts';
import { isStruct } from '../structs.ts';
import { enumToArray, rangeParts } from './enumerable.ts';
import { implFor, undefinedProtocol } from './protocols.ts';
import { at, defineBifs } from './define.ts';
import { list } from '../../term/types.ts';
import { collectInto } from '../enum-helpers.ts';

const ENUMERABLE = atom('Elixir.Enumerable');
const CUSTOM = atom('Elixir.Enumerable.Custom');

/** A struct (not a range) whose Enum call needs its Enumerable implementation. */
function needsImpl(x: Term | undefined): boolean {
  return x !== undefined && isStruct(x) && rangeParts(x) === null;
}

/** Each Enum BIF again, first turning a struct argument into its elements (or raising as Elixir). */
export function enumerableStructs(bifs: readonly Bif[]): Bif[] {
  return bifs.map((b) => ({
    ...b,
    control: true,
    fn: (args: readonly Term[], ctx: BifContext) => {
      const x = args[0];
      // Enum.into(enumerable, %Bag{}): into a struct through its Collectable implementation.
      if (b.name === 'into' && args.length === 2 && needsImpl(args[1])) {
        return ctx.tailCallMfa(COLLECTABLE_CUSTOM, atom('into'), [list(enumToArray(x as Term)), args[1] as Term]);
      }
      if (!needsImpl(x)) return b.fn(args, ctx);
      if (implFor(ENUMERABLE, false, x as Term, ctx.node) === null) throw undefinedProtocol(ENUMERABLE, x as Term, ctx.node);
      return ctx.tailCallMfa(CUSTOM, atom('call'), [atom(b.name), list([...args])]);
    },
  }));
}

export const enumerableProtocolBifs = [
  ...defineBifs('Elixir.Enumerable.Custom', {
    'impl/1': (a, ctx) => implFor(ENUMERABLE, false, at(a, 0), ctx.node) as Atom,
  }),
  {
    module: 'Elixir.Enumerable.Custom', name: 'source', arity: 1, control: true,
    small: (a: readonly Term[]): Term | undefined => (needsImpl(a[0]) ? undefined : (a[0] as Term)),
    fn: (a: readonly Term[], ctx: BifContext): Term => {
      const x = at(a, 0);
      if (!needsImpl(x)) return x;
      if (implFor(ENUMERABLE, false, x, ctx.node) === null) throw undefinedProtocol(ENUMERABLE, x, ctx.node);
      return ctx.tailCallMfa(CUSTOM, atom('to_list'), [x]);
    },
  } satisfies Bif,
];

export const ENUMERABLE_PRELUDE = `defmodule Enumerable.Custom do
  def call(name, [e | rest]), do: apply(Enum, name, [Enumerable.Custom.to_list(e) | rest])

  def to_list(e) do
    impl = Enumerable.Custom.impl(e)
    {_, acc} = impl.reduce(e, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
    :lists.reverse(acc)
  end
end

defmodule Enumerable.List do
  def reduce(_list, {:halt, acc}, _fun), do: {:halted, acc}
  def reduce(list, {:suspend, acc}, fun), do: {:suspended, acc, fn a -> reduce(list, a, fun) end}
  def reduce([], {:cont, acc}, _fun), do: {:done, acc}
  def reduce([head | tail], {:cont, acc}, fun), do: reduce(tail, fun.(head, acc), fun)
  def count(list), do: {:ok, length(list)}
  def member?(_list, _value), do: {:error, __MODULE__}
  def slice(_list), do: {:error, __MODULE__}
end
`;

const COLLECTABLE = atom('Elixir.Collectable');
const COLLECTABLE_CUSTOM = atom('Elixir.Collectable.Custom');

/**
 * `Collectable.Custom.into(items, target)`: `for …, into: target` with the items collected (a
 * list): a struct target goes through its Collectable implementation (the prelude's `collect/2`),
 * anything else into the built-in targets (lists, maps, strings), inline.
 */
export const collectableBifs: Bif[] = [
  {
    module: 'Elixir.Collectable.Custom', name: 'into', arity: 2, control: true,
    small: (a: readonly Term[]): Term | undefined => (needsImpl(a[1]) ? undefined : collectInto(a[0] as Term, a[1] as Term)),
    fn: (a: readonly Term[], ctx: BifContext): Term => {
      const [items, target] = [at(a, 0), at(a, 1)];
      if (!needsImpl(target)) return collectInto(items, target);
      if (implFor(COLLECTABLE, false, target, ctx.node) === null) throw undefinedProtocol(COLLECTABLE, target, ctx.node);
      return ctx.tailCallMfa(COLLECTABLE_CUSTOM, atom('collect'), [items, target]);
    },
  },
  ...defineBifs('Elixir.Collectable.Custom', {
    'impl/1': (a, ctx) => implFor(COLLECTABLE, false, at(a, 0), ctx.node) as Atom,
  }),
];

export const COLLECTABLE_PRELUDE = `defmodule Collectable.Custom do
  def collect(items, target) do
    {acc, fun} = Collectable.Custom.impl(target).into(target)
    fun.(:lists.foldl(fn x, acc -> fun.(acc, {:cont, x}) end, acc, items), :done)
  end
end
`;
