/**
 * UndefinedFunctionError.blame/2 of Elixir 1.14: what iex prints at the prompt (and
 * Exception.blame/3 returns) is the message worded from the fields, whatever `message` holds,
 * plus a hint: for a `nil.foo()` call, the dot syntax; for a loaded module, the functions of
 * that name or of a close one (String.jaro_distance ≥ 0.77, at most five), as
 *
 *     function String.upcas/1 is undefined or private. Did you mean:
 *
 *           * upcase/1
 *           * upcase/2
 *
 * and, for a macro called without its `require` (macros.ts), that it needs one; for a function
 * OTP has removed, what to use instead.
 * Crash reports and Exception.message/1 give no hint (they do not blame).
 */
import { atom, NIL_ATOM, type Atom, type Term } from '../term/types.ts';
import { funName } from './exception-structs.ts';
import { jaro } from './stdlib/string-more.ts';
import { graphemes } from './stdlib/text.ts';
import { undefinedWording, type ModuleView } from './undefined-function.ts';
import { isMacro, macrosOf } from './macros.ts';
import { inspect } from '../term/inspect.ts';

const NIL_DOT_HINT = '. If you are using the dot syntax, such as module.function(), make sure the left-hand side of the dot is a module atom';

/** The message UndefinedFunctionError.blame/2 puts in the struct. */
export function blamedUndefinedMessage(f: (name: string) => Term | undefined, modules: ModuleView | undefined): string {
  const { text, loaded } = undefinedWording(f, modules);
  const [module, fun, arity] = [f('module') ?? NIL_ATOM, f('function') ?? NIL_ATOM, f('arity') ?? NIL_ATOM];
  if (module === NIL_ATOM && arity === 0) return text + NIL_DOT_HINT;
  if (!loaded || modules === undefined || typeof module !== 'object' || module.kind !== 'atom' || typeof fun !== 'object' || fun.kind !== 'atom') return text;
  // hint_for_loaded_module/4: a macro of that name and arity first, then "did you mean".
  if (typeof arity === 'number' && isMacro(module.name, fun.name, arity)) return `${text}. However there is a macro with the same name and arity. Be sure to require ${inspect(module)} if you intend to invoke this macro`;
  const removed = REMOVED.get(`${module.name}:${fun.name}/${String(arity)}`);
  if (removed !== undefined) return `${text}, ${removed}`;
  return text + didYouMean([...modules.exports(module), ...macrosOf(module.name)], fun);
}

/**
 * The `{removed, Text}` entries of OTP 25's otp_internal:obsolete/3 for the modules a tab has
 * (Elixir 1.14 prints `, Text` after the message instead of "did you mean").
 */
const REMOVED = new Map<string, string>([
  ['erlang:get_stacktrace/0', 'use the new try/catch syntax for retrieving the stack backtrace'],
  ['erlang:hash/2', 'use erlang:phash2/2 instead'],
  ['rpc:safe_multi_server_call/2', 'use rpc:multi_server_call/2 instead'],
  ['rpc:safe_multi_server_call/3', 'use rpc:multi_server_call/3 instead'],
]);

/** Jaro similarity of two short names (function names: the walk runs to its end at once). */
function similarity(a: string, b: string): number {
  const w = jaro(graphemes(a), graphemes(b));
  for (;;) {
    const r = w.next();
    if (r.done === true) return r.value;
  }
}

function didYouMean(exports: readonly (readonly [string, number])[], fun: Atom): string {
  const sorted = [...exports].sort(([a, x], [b, y]) => (a === b ? x - y : a < b ? -1 : 1));
  const same = sorted.filter(([name]) => name === fun.name);
  const scored =
    same.length > 0
      ? same.map((e) => ({ dist: 1, e }))
      : sorted.map((e) => ({ dist: similarity(fun.name, e[0]), e })).filter((c) => c.dist >= 0.77);
  // Enum.sort (stable) by distance, best first; the first five; then by name.
  const best = scored.sort((a, b) => b.dist - a.dist).slice(0, 5).sort((a, b) => (a.e[0] === b.e[0] ? 0 : a.e[0] < b.e[0] ? -1 : 1));
  if (best.length === 0) return '';
  return `. Did you mean:\n\n${best.map(({ e: [name, arity] }) => `      * ${funName(atom(name))}/${arity}\n`).join('')}`;
}
