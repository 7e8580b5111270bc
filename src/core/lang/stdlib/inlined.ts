/**
 * Elixir functions that are an `:erlang` BIF under another name: Elixir inlines them, so
 * `String.to_atom(s)` runs `:erlang.binary_to_atom(s, :utf8)` and `Tuple.to_list(t)` runs
 * `:erlang.tuple_to_list(t)`. Their failures are the BIF's, and iex tops the stacktrace with the
 * BIF's call (`:erlang.binary_to_atom(1, :utf8)`), not with the Elixir function.
 */
import type { Term } from '../../term/types.ts';
import type { Bif, BifContext } from '../builtins.ts';
import { asErlang } from '../errors.ts';

/** The node's `:erlang.name/arity` BIF; its absence is a mistake in the caller. */
export function erlangBif(ctx: BifContext, name: string, arity: number): Bif {
  const bif = ctx.node.bif('erlang', name, arity);
  if (bif === undefined) throw new Error(`no :erlang.${name}/${arity}`);
  return bif;
}

/** Runs `:erlang.name(args...)` as the inlined Elixir function does. */
export function viaErlang(ctx: BifContext, name: string, args: Term[]): Term {
  const bif = erlangBif(ctx, name, args.length);
  return asErlang(name, args, () => bif.fn(args, ctx));
}
