/**
 * Struct built-ins: `struct/1,2`, `struct!/1,2`, `is_struct/1,2`, `Map.from_struct/1`, and the
 * internal `:elixir_struct` functions the compiler's struct forms call (compiler-struct.ts):
 * expanding a literal, `__struct__/0,1`, and defexception's default `exception/1`/`message/1`.
 */
import { atom, Binary, MapTerm, NIL, Tuple, type Atom, type Term } from '../../term/types.ts';
import { ErlangError } from '../../runtime/errors.ts';
import type { BifContext, LangNode } from '../builtins.ts';
import { ElixirThrow, raise } from '../errors.ts';
import { exceptionOf } from '../bifs-kernel.ts';
import { undefinedFunctionError } from '../undefined-function.ts';
import { buildStruct, expanding, pairsOf, isStruct, STRUCT_KEY, structFieldsOf, undefinedStruct, updateStruct, type BuildMode, type StructInfo } from '../structs.ts';
import { at, defineBifs } from './define.ts';
import { BUILTIN_EXCEPTIONS } from '../exception-structs.ts';
import { exceptionMessage, isException } from '../exceptions.ts';
import { bool } from '../../term/types.ts';

const MESSAGE = atom('message');
const EXCEPTION = atom('exception');

/** A struct literal's errors carry iex's `expanding struct: Mod.__struct__/1` line. */
function expand(mod: Term, kv: Term, ctx: BifContext): Term {
  const info = ctx.node.structOf(mod);
  if (info === undefined) throw undefinedStruct(mod);
  try {
    return buildStruct(info, kv, 'literal');
  } catch (e) {
    if (e instanceof ElixirThrow && e.top === null) throw expanding(e.reason, mod, 1);
    throw e;
  }
}

function update(mod: Term, base: Term, kv: Term, ctx: BifContext): Term {
  const info = ctx.node.structOf(mod);
  if (info === undefined) throw undefinedStruct(mod);
  return updateStruct(info, base, kv);
}

/** The struct a module names, or UndefinedFunctionError for `Mod.__struct__/1` as Elixir raises. */
function infoOf(mod: Term, ctx: BifContext, arity = 1): StructInfo {
  const info = ctx.node.structOf(mod);
  if (info !== undefined) return info;
  throw new ElixirThrow('error', undefinedFunctionError(mod, STRUCT_KEY, arity));
}

const BADKEY = atom('badkey');

/**
 * `struct(mod_or_struct, fields)` (loose: unknown keys ignored) and `struct!` (strict): from a
 * module, a new struct; from a struct, that struct with the given keys it has replaced.
 */
function struct(target: Term, kv: Term, strict: boolean, ctx: BifContext): Term {
  // struct/2 asks the module for `__struct__/0`, struct!/2 for `__struct__/1`.
  if (!isStruct(target)) return buildStruct(infoOf(target, ctx, strict ? 1 : 0), kv, strict ? 'strict' : 'loose');
  const base = target as MapTerm;
  // struct!/2 on a struct replaces keys one by one (Map.replace!): an unknown one is a KeyError on the struct.
  // (`__struct__` is skipped, as Elixir's.) Then nothing is left for the strict mode to check.
  if (strict) for (const [k] of pairsOf(kv)) if (k !== STRUCT_KEY && !base.entries.has(k)) throw new ErlangError(new Tuple([BADKEY, k, base]), 'badkey');
  const info = { module: base.entries.get(STRUCT_KEY)?.[1] as Atom, fields: [...base.entries.values()].filter(([k]) => k !== STRUCT_KEY) as [Atom, Term][], enforce: [] };
  return buildStruct(info, kv, 'loose');
}

/** defexception's `exception/1`: a message string, or fields (unknown ones dropped, as Elixir warns and drops). */
function defaultException(mod: Term, arg: Term, ctx: BifContext): Term {
  const info = infoOf(mod, ctx);
  if (typeof arg === 'object' && arg.kind === 'binary' && info.fields.some(([f]) => f === MESSAGE)) {
    return buildStruct(info, new MapTerm(new Map([[MESSAGE, [MESSAGE, arg] as const]])), 'loose');
  }
  return buildStruct(info, arg, 'loose');
}

/** defexception's `message/1`: the `message` field (computed from the fields for the built-ins that have none). */
function defaultMessage(e: Term, node: LangNode): Term {
  if (!isException(e)) raise('KeyError', 'key :message not found');
  const m = e.entries.get(MESSAGE)?.[1];
  return m !== undefined && m !== atom('nil') ? m : Binary.fromString(exceptionMessage(e, { structFields: structFieldsOf(node), modules: node.modules }));
}

/**
 * What `raise what, opts` raises: `what.exception(opts)` when the module defines it in Elixir
 * (defexception), otherwise the built-in rules (strings, exception structs, built-in modules).
 */
function exceptionFor(args: readonly Term[], ctx: BifContext): Term {
  const [what, opts] = args as [Term, Term | undefined];
  if (typeof what === 'object' && what.kind === 'atom' && ctx.node.structOf(what) !== undefined && ctx.node.functionExported(what, EXCEPTION, 1)) {
    return ctx.tailCallMfa(what, EXCEPTION, [opts ?? NIL]);
  }
  return exceptionOf(args);
}

export const structBifs = [
  ...defineBifs('elixir_struct', {
    'expand/2': (a, ctx) => expand(at(a, 0), at(a, 1), ctx),
    'update/3': (a, ctx) => update(at(a, 0), at(a, 1), at(a, 2), ctx),
    'new/3': (a, ctx) => buildStruct(infoOf(at(a, 0), ctx), at(a, 1), (at(a, 2) as Atom).name as BuildMode),
    'default_exception/2': (a, ctx) => defaultException(at(a, 0), at(a, 1), ctx),
    'default_message/1': (a, ctx) => defaultMessage(at(a, 0), ctx.node),
  }),
  ...defineBifs('elixir_struct', {
    'exception/1': (a, ctx) => exceptionFor(a, ctx),
    'exception/2': (a, ctx) => exceptionFor(a, ctx),
  }, true),
  ...defineBifs('Elixir.Kernel', {
    'struct/1': (a, ctx) => struct(at(a, 0), NIL, false, ctx),
    'struct/2': (a, ctx) => struct(at(a, 0), at(a, 1), false, ctx),
    'struct!/1': (a, ctx) => struct(at(a, 0), NIL, true, ctx),
    'struct!/2': (a, ctx) => struct(at(a, 0), at(a, 1), true, ctx),
    'is_struct/1': (a) => bool(isStruct(at(a, 0))),
    'is_struct/2': (a) => bool(isStruct(at(a, 0), at(a, 1))),
  }),
  ...defineBifs('Elixir.Map', {
    'from_struct/1': (a, ctx) => {
      const s = at(a, 0);
      const m = typeof s === 'object' && s.kind === 'atom' ? buildStruct(infoOf(s, ctx), NIL, 'loose') : s;
      if (!isStruct(m)) raise('FunctionClauseError', 'no function clause matching in Map.from_struct/1', [['module', atom('Elixir.Map')], ['function', atom('from_struct')], ['arity', 1]]);
      const entries = new Map((m as MapTerm).entries);
      entries.delete(STRUCT_KEY);
      return new MapTerm(entries);
    },
  }),
];

/** The built-in exceptions as modules, defined as Elixir defines them (exception-structs.ts). */
export const EXCEPTIONS_PRELUDE = BUILTIN_EXCEPTIONS.map(([name, fields]) => `defmodule ${name} do\n  defexception ${fields}\nend\n`).join('');
