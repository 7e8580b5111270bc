/**
 * Stacktrace entries as Elixir 1.14 prints them (`Exception.format_stacktrace_entry/1`):
 *
 *     iex:3: Foo.bar/0                                   code typed at the prompt
 *     iex:7: anonymous fn/1 in R.map_raise/1             a closure of a module (`-map_raise/1-fun-0-`)
 *     (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7  a module of an application
 *     :erlang.+(1, :a)                                   a BIF that failed, with its arguments
 *
 * and iex's pruning of an error's trace at the prompt (IEx.Evaluator): the evaluator's own frames
 * at the bottom (the shell's erl_eval, `:elixir.eval_forms`, IEx.Evaluator, proc_lib) are cut.
 */
import { atom, Tuple, type Atom, type Term } from '../term/types.ts';
import { inspect } from '../term/inspect.ts';
import { moduleName } from './exceptions.ts';

/** Elixir 1.14's structs with enforced keys, whose expansion errors come from Elixir's own code. */
export const ELIXIR_STRUCTS: ReadonlySet<string> = new Set(['Task', 'Date', 'Time', 'NaiveDateTime', 'DateTime', 'Version', 'Version.Requirement', 'IO.Stream', 'File.Stream', 'Macro.Env']);

/** The application and version Elixir prints before a module's frame, as on Elixir 1.14 / OTP 25. */
const APPS: readonly (readonly [RegExp, string])[] = [
  [/^Elixir\.IEx(\.|$)/, 'iex 1.14.0'],
  [/^Elixir\.Logger(\.|$)/, 'logger 1.14.0'],
  [/^Elixir\./, 'elixir 1.14.0'],
  [/^elixir/, 'elixir 1.14.0'],
  [/^(rpc|erpc|global|global_group|net_adm|net_kernel|code|file|application|application_controller|kernel|inet|gen_tcp|auth|dist_util|erl_epmd)$/, 'kernel 8.5.3'],
  [/^(erlang|erts_internal|init|prim_file|erl_prim_loader|persistent_term|atomics|counters)$/, ''],
  [/^/, 'stdlib 4.2'],
];

/**
 * Is this one of Elixir's or OTP's modules (not the user's)? Asked of an entry with no file, the
 * call of a function nobody exports: `(elixir 1.14.0) String.nope(1)`, but `Foo.nope()`, `M.b()`.
 */
export type IsStandard = (module: Atom) => boolean;

/** Code typed at the prompt, the user's modules, and a module nobody loaded (`Foo.nope()`), belong to no application. */
function appOf(module: string, file: string | null, standard: IsStandard | undefined): string {
  if (file === 'iex' || (file === null && (standard === undefined || !standard(atom(module))))) return '';
  for (const [re, app] of APPS) if (re.test(module)) return app === '' ? '' : `(${app}) `;
  return '';
}

function keyword(loc: Term, key: string): Term | undefined {
  for (let l = loc; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const h = l.head;
    if (typeof h === 'object' && h.kind === 'tuple' && h.elements.length === 2 && h.elements[0] === atom(key)) return h.elements[1];
  }
  return undefined;
}

function charlistText(t: Term | undefined): string | null {
  if (t === undefined) return null;
  if (typeof t === 'object' && t.kind === 'binary') return t.text ?? null;
  let s = '';
  for (let l: Term = t; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    if (typeof l.head !== 'number') return null;
    s += String.fromCodePoint(l.head);
  }
  return s;
}

/** A function's name after `Mod.` (Macro.inspect_atom(:remote_call)): `+`, `map`, `"-map/2-fun-0-"`. */
function remoteName(fun: Term): string {
  return inspect(fun).replace(/^:/, '');
}

/** `Mod.fun/arity`, `Mod.fun(args)`, or `anonymous fn/1 in Mod.fun/1` (Exception.format_mfa). */
function formatMfa(module: Term, fun: Term, arity: Term): string {
  const mod = moduleName(module);
  const name = typeof fun === 'object' && fun.kind === 'atom' ? fun.name : inspect(fun);
  const anon = /^-(.+)\/(\d+)-fun-\d+-$/.exec(name);
  if (anon !== null && typeof arity === 'number') {
    return `anonymous fn/${arity} in ${mod}.${remoteName(atom(anon[1] as string))}/${anon[2] as string}`;
  }
  const f = remoteName(fun);
  if (typeof arity === 'number') return `${mod}.${f}/${arity}`;
  const args: string[] = [];
  for (let l: Term = arity; typeof l === 'object' && l.kind === 'cons'; l = l.tail) args.push(inspect(l.head));
  return `${mod}.${f}(${args.join(', ')})`;
}

/** One entry `{module, fun, arity_or_args, location}` as Exception.format_stacktrace_entry prints it. */
export function formatStacktraceEntry(entry: Term, standard?: IsStandard): string {
  if (typeof entry !== 'object' || entry.kind !== 'tuple' || entry.elements.length !== 4) return inspect(entry);
  const [module, fun, arity, loc] = entry.elements as [Term, Term, Term, Term];
  if (keyword(loc, 'expanding') !== undefined) {
    // A struct of Elixir's own (%Task{} with its enforced keys) is expanded in Elixir's code: iex names the app.
    const mod = moduleName(module);
    return `${ELIXIR_STRUCTS.has(mod) ? '(elixir 1.14.0) ' : ''}expanding struct: ${mod}.__struct__/${String(arity)}`;
  }
  const file = charlistText(keyword(loc, 'file'));
  const line = keyword(loc, 'line');
  const where = file === null ? '' : typeof line === 'number' ? `${file}:${line}: ` : `${file}: `;
  const mod = typeof module === 'object' && module.kind === 'atom' ? module.name : '';
  return `${appOf(mod, file, standard)}${where}${formatMfa(module, fun, arity)}`;
}

/** A list's items, or null for an improper list. */
function items(t: Term): Term[] | null {
  const out: Term[] = [];
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) out.push(l.head);
  return typeof l === 'object' && l.kind === 'nil' ? out : null;
}

/** The lines of a stacktrace, each indented by `indent` (Exception.format_stacktrace uses 4). */
export function formatStacktrace(stack: Term, indent = '    ', standard?: IsStandard): string[] {
  return (items(stack) ?? []).map((e) => indent + formatStacktraceEntry(e, standard));
}

/** Modules of the shell's own evaluation, cut from the bottom of a trace printed at the prompt. */
const EVALUATOR = new Set(['proc_lib', 'Elixir.IEx.Evaluator', 'Elixir.Module.ParallelChecker', 'elixir', 'erl_eval', 'eval_bits']);

/** What iex prints under an error at the prompt: the trace without the evaluator's frames below the user's. */
export function pruneForPrompt(stack: Term): Term[] {
  const list = items(stack) ?? [];
  let n = list.length;
  while (n > 0) {
    const e = list[n - 1] as Term;
    const m = typeof e === 'object' && e.kind === 'tuple' ? e.elements[0] : undefined;
    if (typeof m !== 'object' || m.kind !== 'atom' || !EVALUATOR.has(m.name)) break;
    n--;
  }
  return list.slice(0, n);
}

const FUNCTION_CLAUSE_ERROR = atom('Elixir.FunctionClauseError');

/**
 * Exception.blame's change to the trace: a FunctionClauseError's top entry names the function
 * by arity (its arguments are printed in the message instead).
 */
export function blameTrace(entries: readonly Term[], reason: Term): Term[] {
  const top = entries[0];
  const isClause = reason === atom('function_clause') || (typeof reason === 'object' && reason.kind === 'map' && reason.entries.get(atom('__struct__'))?.[1] === FUNCTION_CLAUSE_ERROR);
  if (!isClause || typeof top !== 'object' || top.kind !== 'tuple' || top.elements.length !== 4) return [...entries];
  const args = items(top.elements[2] as Term);
  if (args === null) return [...entries];
  const [m, f, , loc] = top.elements as [Term, Term, Term, Term];
  return [new Tuple([m, f, args.length, loc]), ...entries.slice(1)];
}
