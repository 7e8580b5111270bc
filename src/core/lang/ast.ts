/**
 * The AST of the Elixir subset: what the parser produces and the compiler consumes.
 * One discriminated union keyed on `kind`. Every node carries its position (1-based line and
 * column) so errors can be shown as Elixir shows them.
 *
 * Sugar is removed by the parser where Elixir itself treats it as sugar:
 *  - keyword lists `[a: 1]` and trailing keyword args `f(x, a: 1)` become lists of 2-tuples;
 *  - `~w(a b)` becomes a list of strings (`~w(a b)a` a list of atoms);
 *  - `unless c, do: x` becomes an `if` with the branches swapped;
 *  - `a |> f(b)` stays a `pipe` node (the compiler inserts the argument);
 *  - `x.y` on a variable is a map field access (`field`), on an alias a remote call.
 */

export interface Pos {
  readonly line: number;
  readonly column: number;
}

export type Expr =
  | { kind: 'int'; pos: Pos; value: number | bigint }
  | { kind: 'float'; pos: Pos; value: number }
  | { kind: 'atom'; pos: Pos; name: string }
  /** `Foo.Bar`: an alias; evaluates to the atom `Elixir.Foo.Bar`. */
  | { kind: 'alias'; pos: Pos; name: string }
  /** `"text #{expr} more"`: literal parts and interpolated expressions, in order. */
  | { kind: 'string'; pos: Pos; parts: readonly (string | Expr)[] }
  /** `'abc'`: a charlist, also with interpolation. */
  | { kind: 'charlist'; pos: Pos; parts: readonly (string | Expr)[] }
  /** A variable; `_` and `_name` are wildcards in patterns. */
  | { kind: 'var'; pos: Pos; name: string }
  /** `^x` in a pattern. */
  | { kind: 'pin'; pos: Pos; name: string }
  | { kind: 'list'; pos: Pos; items: readonly Expr[]; tail: Expr | null }
  | { kind: 'tuple'; pos: Pos; items: readonly Expr[] }
  /** `%{k => v, a: 1}` or `%{base | k => v}` when `update` is set. */
  | { kind: 'map'; pos: Pos; pairs: readonly (readonly [Expr, Expr])[]; update: Expr | null }
  /**
   * `%User{name: "a"}`, `%User{u | age: 31}`; in patterns also `%_{}` and `%m{}` (module a var).
   * Kept apart from `map`: building one asks the module for its fields (structs.ts).
   */
  | { kind: 'struct'; pos: Pos; module: Expr; pairs: readonly (readonly [Expr, Expr])[]; update: Expr | null }
  /**
   * `<<a::8, rest::binary>>`: segments in order. `generator` is set only for `<<c <- s>>`, the
   * binary generator of a `for` (its source), which the for form takes apart.
   */
  | { kind: 'bitstring'; pos: Pos; segments: readonly Segment[]; generator: Expr | null }
  /** Binary operators, `op` as written: + - * / ++ -- <> == != === !== < > <= >= and or && || in .. |> etc. */
  | { kind: 'binop'; pos: Pos; op: BinaryOp; left: Expr; right: Expr }
  /** Unary: `-x`, `+x`, `not x`, `!x`. */
  | { kind: 'unop'; pos: Pos; op: '-' | '+' | 'not' | '!'; arg: Expr }
  /** `pattern = expr`. */
  | { kind: 'match'; pos: Pos; pattern: Expr; value: Expr }
  /** `f(args)`, `f args`: a local (or imported Kernel) call. */
  | { kind: 'call'; pos: Pos; name: string; args: readonly Expr[] }
  /** `Mod.f(args)`, `:mod.f args`, `__MODULE__.f()`: module is any expression (alias, atom, var). */
  | { kind: 'remote'; pos: Pos; module: Expr; name: string; args: readonly Expr[] }
  /**
   * `(pattern -> body; …)`: clauses in parentheses, the value of a `do:`/`after:`/`rescue:`…
   * keyword (`receive(do: (n -> n))`); anywhere else Elixir's CompileError.
   */
  | { kind: 'stab'; pos: Pos; clauses: readonly Clause[] }
  /** `fun.(args)`. */
  | { kind: 'apply'; pos: Pos; fun: Expr; args: readonly Expr[] }
  /** `map.key` where the left side is not an alias. */
  | { kind: 'field'; pos: Pos; subject: Expr; name: string }
  | { kind: 'fn'; pos: Pos; clauses: readonly Clause[] }
  /** `&Mod.f/2` (module null for `&f/2`). */
  | { kind: 'capture_fun'; pos: Pos; module: Expr | null; name: string; arity: number }
  /** `&(&1 + 1)`: arity is the highest `&N` used. */
  | { kind: 'capture_expr'; pos: Pos; body: Expr; arity: number }
  /** `&1` inside a capture_expr. */
  | { kind: 'capture_arg'; pos: Pos; index: number }
  | { kind: 'block'; pos: Pos; exprs: readonly Expr[] }
  | { kind: 'case'; pos: Pos; subject: Expr; clauses: readonly Clause[] }
  /** `cond do c1 -> b1; ... end`: each clause has exactly one param, the condition. */
  | { kind: 'cond'; pos: Pos; clauses: readonly Clause[] }
  | { kind: 'if'; pos: Pos; cond: Expr; then: Expr; else: Expr | null }
  | { kind: 'receive'; pos: Pos; clauses: readonly Clause[]; after: { timeout: Expr; body: Expr } | null }
  | { kind: 'with'; pos: Pos; steps: readonly WithStep[]; body: Expr; else: readonly Clause[] | null }
  /**
   * `for gens, filters, into: c, uniq: b do body end`, or with `reduce: init do acc -> ... end`:
   * then `reduce.clauses` are the `acc -> expr` clauses (null when the block is not written so,
   * a CompileError) and `body` is unused.
   */
  | { kind: 'for'; pos: Pos; steps: readonly ForStep[]; into: Expr | null; uniq: Expr | null; reduce: ForReduce | null; body: Expr }
  | {
      kind: 'try';
      pos: Pos;
      body: Expr;
      /** `rescue e in ArgumentError -> ...`: see RescueClause. */
      rescue: readonly RescueClause[];
      /** `catch kind, value -> ...` / `catch value -> ...` (kind defaults to :throw). */
      catch: readonly Clause[];
      else: readonly Clause[] | null;
      after: Expr | null;
    }
  /** `defmodule`; also `defprotocol` and `defimpl` (role), which compile to modules too (compiler-protocol.ts). */
  | { kind: 'defmodule'; pos: Pos; name: string; body: Expr; role?: ModuleRole }
  /** `def`/`defp` of one clause; the compiler groups clauses by name/arity. */
  | { kind: 'def'; pos: Pos; private: boolean; name: string; clause: Clause; defaults: readonly (Expr | null)[]; bodiless?: boolean }
  /** `@name value` at module level. */
  | { kind: 'attr_set'; pos: Pos; name: string; value: Expr }
  /** `@name` read. */
  | { kind: 'attr_get'; pos: Pos; name: string }
  /** `__MODULE__`. */
  | { kind: 'module_ref'; pos: Pos };

/** `defprotocol Name`, or `defimpl Proto, for: T` (`for` null: the enclosing module). */
export type ModuleRole = { readonly kind: 'protocol' } | { readonly kind: 'impl'; readonly for: Expr | null };

/** One segment of `<<...>>`: `value::spec`; `spec` as written (`binary-size(4)`), read by bitstring-spec.ts. */
export interface Segment {
  readonly pos: Pos;
  readonly value: Expr;
  readonly spec: Expr | null;
}

export type BinaryOp =
  | '+' | '-' | '*' | '/'
  | '++' | '--' | '<>' | '..'
  | '==' | '!=' | '===' | '!==' | '<' | '>' | '<=' | '>='
  | 'and' | 'or' | '&&' | '||'
  | 'in' | 'not in' | '|>'
  | '=~';

/** A clause: `params when guard -> body`. fn/def clauses have all params; case/receive one. */
export interface Clause {
  readonly pos: Pos;
  readonly params: readonly Expr[];
  readonly guard: Expr | null;
  readonly body: Expr;
}

export interface RescueClause {
  readonly pos: Pos;
  /** The variable bound to the exception, or null. */
  readonly binding: string | null;
  /** Exception module names (`ArgumentError`), empty for "any". */
  readonly modules: readonly string[];
  readonly body: Expr;
}

export type WithStep =
  | { readonly kind: 'bind'; readonly pattern: Expr; readonly guard: Expr | null; readonly value: Expr }
  | { readonly kind: 'expr'; readonly value: Expr };

export interface ForReduce {
  readonly init: Expr;
  readonly clauses: readonly Clause[] | null;
}

export type ForStep =
  | { readonly kind: 'generator'; readonly pattern: Expr; readonly guard: Expr | null; readonly source: Expr }
  | { readonly kind: 'filter'; readonly cond: Expr }
  /** `<<r::8, g::8 <- pixels>>`: `pattern` is the bitstring (without its generator). */
  | { readonly kind: 'bits'; readonly pattern: Expr & { kind: 'bitstring' }; readonly source: Expr };

/** Result of parsing: either an AST or a positioned error, never a throw. */
export type ParseResult =
  | { readonly ok: true; readonly expr: Expr }
  | { readonly ok: false; readonly error: SyntaxErrorInfo };

export interface SyntaxErrorInfo {
  /** 'SyntaxError' | 'TokenMissingError' | 'CompileError' as Elixir names them. */
  readonly type: 'SyntaxError' | 'TokenMissingError';
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** True when more input could complete the expression (the shell then shows `...(n)>`). */
  readonly incomplete: boolean;
}
