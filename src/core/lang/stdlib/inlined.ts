/**
 * Elixir functions that are an `:erlang` BIF under another name: Elixir inlines them, so
 * `String.to_atom(s)` runs `:erlang.binary_to_atom(s, :utf8)` and `Tuple.to_list(t)` runs
 * `:erlang.tuple_to_list(t)`. Their failures are the BIF's, and iex tops the stacktrace with the
 * BIF's call (`:erlang.binary_to_atom(1, :utf8)`), not with the Elixir function.
 */
import type { Term } from '../../term/types.ts';
import type { Bif, BifContext } from '../builtins.ts';
import { asErlang } from '../errors.ts';
import { kernelModule } from '../bifs-kernel.ts';
import { processModule } from '../bifs-process.ts';
import { erlangBifs } from './erlang.ts';

/** The `:erlang` BIF `name/arity`, wherever it is defined. */
function erlangBif(name: string, arity: number): Bif {
  for (const bifs of [erlangBifs, kernelModule.bifs, processModule.bifs]) {
    const b = bifs.find((x) => x.module === 'erlang' && x.name === name && x.arity === arity);
    if (b !== undefined) return b;
  }
  throw new Error(`no :erlang.${name}/${arity} to inline`); // a mistake in this file's callers
}

/** Runs `:erlang.name(args...)` as the inlined Elixir function does. */
export function viaErlang(ctx: BifContext, name: string, args: Term[]): Term {
  const bif = erlangBif(name, args.length);
  return asErlang(name, args, () => bif.fn(args, ctx));
}
