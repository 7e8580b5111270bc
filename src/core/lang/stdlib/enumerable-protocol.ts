/**
 * Enumerable and Collectable for structs with their own implementation (`defimpl Enumerable,
 * for: Bag`). Enum's built-ins send a struct (not a range) to `Stream.__reduce__`
 * (stdlib/lazy.ts, prelude/stream.ts), which reduces it through the implementation that
 * `Enumerable.Custom.impl/1` finds, so Enum, Stream and `for` stop early on it as on a stream.
 * `Enum.into(enumerable, %Bag{})` and `for ..., into: %Bag{}` go through the target's
 * Collectable implementation (`Collectable.Custom`).
 */
import { atom, NIL_ATOM, type Atom, type Term } from '../../term/types.ts';
import type { Bif, BifContext } from '../builtins.ts';
import { isStruct } from '../structs.ts';
import { enumToArray, rangeParts } from './enumerable.ts';
import { implFor } from './protocols.ts';
import { protocolUndefined } from '../errors.ts';
import { at, defineBifs } from './define.ts';
import { list } from '../../term/types.ts';
import { collectInto } from '../enum-helpers.ts';

const ENUMERABLE = atom('Elixir.Enumerable');

/** A struct (not a range) that only its own implementation can walk or collect into. */
function needsImpl(x: Term | undefined): boolean {
  return x !== undefined && isStruct(x) && rangeParts(x) === null;
}

/** Enum.into/2 of `bifs` again (the only one kept), a struct target going through its Collectable implementation. */
export function intoStructs(bifs: readonly Bif[]): Bif[] {
  return bifs
    .filter((b) => b.name === 'into' && b.arity === 2)
    .map((b) => ({
      ...b,
      control: true,
      fn: (args: readonly Term[], ctx: BifContext) =>
        needsImpl(args[1]) ? ctx.tailCallMfa(COLLECTABLE_CUSTOM, atom('into'), [list(enumToArray(args[0] as Term)), args[1] as Term]) : b.fn(args, ctx),
    }));
}

/** `Enumerable.Custom.impl(struct)`: the module implementing Enumerable for it, or nil. */
export const enumerableProtocolBifs = defineBifs('Elixir.Enumerable.Custom', {
  'impl/1': (a, ctx) => implFor(ENUMERABLE, false, at(a, 0), ctx.node) ?? NIL_ATOM,
});

export const ENUMERABLE_PRELUDE = `defmodule Enumerable.List do
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
      if (implFor(COLLECTABLE, false, target, ctx.node) === null) throw protocolUndefined(COLLECTABLE, target);
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
