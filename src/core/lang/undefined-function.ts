/**
 * UndefinedFunctionError as Elixir 1.14 makes and words it (lib/exception.ex).
 *
 * BEAM raises the bare `:undef` with `{Mod, :fun, args, []}` on top of the trace; `rescue`
 * (Exception.normalize/3) makes `%UndefinedFunctionError{module, function, arity}` with `reason`
 * and `message` nil, and `message/1` words it only when asked, from the module table of the
 * node that prints it: "(module Foo is not available)" when Foo is not loaded there, "or
 * private" when it is. The prompt's Exception.blame/3 adds hints (undefined-function-hint.ts).
 */
import { atom, NIL_ATOM, type Atom, type MapTerm, type Term } from '../term/types.ts';
import { inspect } from '../term/inspect.ts';
import { exception } from './errors.ts';
import { funName } from './exception-structs.ts';

/** What printing an error needs of the printing node's module table. */
export interface ModuleView {
  /** One of Elixir's or OTP's modules, not the user's (its frames name the application). */
  isStandard(module: Atom): boolean;
  /** Loaded (Elixir's `function_exported?(module, :module_info, 0)`). */
  isLoaded(module: Atom): boolean;
  /** Its public functions, `[name, arity]` ("did you mean" hints). */
  exports(module: Atom): readonly (readonly [string, number])[];
}

type Field = (name: string) => Term | undefined;

/** The struct `rescue` makes of `:undef` (Exception.normalize/3): nothing worded yet. */
export function undefinedFunctionError(module: Term, fun: Term, arity: Term): MapTerm {
  return exception('UndefinedFunctionError', '', [['module', module], ['function', fun], ['arity', arity], ['reason', NIL_ATOM], ['message', NIL_ATOM]]);
}

/** Exception.format_mfa/3: `String.upcase/1`, `:lists.reverse/1`, `nil.foo/0`. */
export function formatMfa(module: Term, fun: Term, arity: Term): string {
  const name = typeof fun === 'object' && fun.kind === 'atom' ? funName(fun) : inspect(fun);
  return `${inspect(module)}.${name}/${inspect(arity)}`;
}

/**
 * UndefinedFunctionError's private message/4: the text, and whether the module was found loaded
 * (only then does blame add hints). `reason` nil asks the module table.
 */
export function undefinedWording(f: Field, modules: ModuleView | undefined): { text: string; loaded: boolean } {
  const [module, fun, arity, reason] = [f('module') ?? NIL_ATOM, f('function') ?? NIL_ATOM, f('arity') ?? NIL_ATOM, f('reason') ?? NIL_ATOM];
  if (reason === NIL_ATOM) {
    if (fun === NIL_ATOM || arity === NIL_ATOM) return { text: 'undefined function', loaded: false };
    if (module === NIL_ATOM) return { text: `function ${formatMfa(module, fun, arity)} is undefined`, loaded: false };
    const loaded = typeof module === 'object' && module.kind === 'atom' && modules !== undefined && modules.isLoaded(module);
    return undefinedWording((k) => (k === 'reason' ? atom(loaded ? 'function not exported' : 'module could not be loaded') : f(k)), modules);
  }
  const mfa = formatMfa(module, fun, arity);
  if (reason === atom('module could not be loaded')) return { text: `function ${mfa} is undefined (module ${inspect(module)} is not available)`, loaded: false };
  if (reason === atom('function not exported')) return { text: `function ${mfa} is undefined or private`, loaded: true };
  const why = typeof reason === 'object' && reason.kind === 'atom' ? reason.name : typeof reason === 'object' && reason.kind === 'binary' ? (reason.text ?? '') : inspect(reason);
  return { text: `function ${mfa} is undefined (${why})`, loaded: false };
}
