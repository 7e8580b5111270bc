/**
 * A user's own exception (a `defexception` module of the session, not one of Elixir's) whose
 * `message/1` is Elixir code to run: the shell, a dying process's crash report and GenServer's
 * report all print its text, as Elixir 1.14 does through `Exception.message/1`. TS printing
 * cannot run Elixir, so each of them calls `Kernel.CrashText` (below) first and prints the
 * struct with its `message` filled in.
 */
import { atom, type Atom, type Term } from '../term/types.ts';
import type { LangNode } from './builtins.ts';
import { exceptionModule, isException } from './exceptions.ts';
import { BUILTIN_EXCEPTIONS } from './exception-structs.ts';

const MESSAGE = atom('message');
const BUILTIN_NAMES: ReadonlySet<string> = new Set(BUILTIN_EXCEPTIONS.map(([n]) => `Elixir.${n}`));

/** The module of `reason` when it is a user exception with a `message/1` to run, else null. */
export function userExceptionModule(reason: Term, node: Pick<LangNode, 'structOf' | 'functionExported'>): Atom | null {
  if (!isException(reason)) return null;
  const mod = exceptionModule(reason);
  if (node.structOf(mod) === undefined || BUILTIN_NAMES.has(mod.name) || !node.functionExported(mod, MESSAGE, 1)) return null;
  return mod;
}

/**
 * Elixir 1.14's `Exception.message/1` with its rescue (its `Stacktrace:` listing no frames) (a message/1 that raises or returns a
 * non-string is reported, never crashes the report), `with_message/1` (the struct with its text
 * in `message`), and `docs/1`: the texts of the custom-Inspect structs in a term, for TS printing
 * (inspect-protocol.ts), an implementation that raises being left to the default printing.
 */
export const CRASH_TEXT_PRELUDE = `
defmodule Kernel.CrashText do
  def message(%module{} = e) do
    try do
      module.message(e)
    rescue
      caught ->
        # 1.14 adds the stacktrace of the raise; ours is not BEAM's, so none is listed
        "got " <> inspect(caught.__struct__) <> " with message " <> inspect(Exception.message(caught)) <>
          " while retrieving Exception.message/1 for " <> inspect(e) <> ". Stacktrace:\\n"
    else
      result when is_binary(result) -> result
      result -> "got " <> inspect(result) <> " while retrieving Exception.message/1 for " <> inspect(e) <> " (expected a string)"
    end
  end

  def with_message(e), do: Map.put(e, :message, message(e))

  def docs(term) do
    :lists.flatmap(fn s ->
      try do
        [{s, inspect(s)}]
      rescue
        _ -> []
      end
    end, Inspect.Custom.structs(term))
  end
end
`;
