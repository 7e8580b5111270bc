/**
 * Test helpers for the stdlib BIFs: build terms tersely, call a BIF as the VM would, and read
 * results and raised exceptions as the text real Elixir prints (`inspect`, `Module: message`).
 */
import { atom, Binary, Float, list, Tuple, type Term } from '../../term/types.ts';
import { mapFromPairs, mapGet } from '../../term/map.ts';
import { inspect } from '../../term/inspect.ts';
import { Builtins, type BifContext } from '../builtins.ts';
import { ElixirThrow } from '../errors.ts';
import { exceptionMessage } from '../exceptions.ts';
import { makeRange } from './enumerable.ts';
import { standardModules } from '../standard-modules.ts';

export const A = atom;
export const S = (s: string): Binary => Binary.fromString(s);
export const F = (x: number): Float => new Float(x);
export const L = (...items: Term[]): Term => list(items);
export const T = (...items: Term[]): Tuple => new Tuple(items);
export const M = (...pairs: [Term, Term][]): Term => mapFromPairs(pairs);
export const R = (first: number, last: number, step = first <= last ? 1 : -1): Term => makeRange(first, last, step);
/** A keyword list from an object: K({a: 1}) is [a: 1]. */
export const K = (o: Record<string, Term>): Term => list(Object.entries(o).map(([k, v]) => new Tuple([atom(k), v])));

/** The BIFs a node has with the standard modules. */
const builtins = new Builtins(standardModules);

/** A context for pure BIFs: touching anything on it is a test failure. */
export const pureCtx = new Proxy({} as BifContext, {
  get(_t, p) {
    throw new Error(`pure BIF used ctx.${String(p)}`);
  },
});

/** Call `Mod.fun(args)`; module as Elixir writes it (`Enum`, `:lists`). */
export function callRaw(module: string, fun: string, args: Term[], ctx: BifContext = pureCtx): Term {
  const mod = module.startsWith(':') ? module.slice(1) : `Elixir.${module}`;
  const bif = builtins.lookup(mod, fun, args.length);
  if (bif === undefined) throw new Error(`no BIF ${mod}.${fun}/${args.length}`);
  return bif.fn(args, ctx);
}

/** The inspected result, or `** (Module) message` when it raises (as iex prints it). */
export function call(module: string, fun: string, ...args: Term[]): string {
  try {
    return inspect(callRaw(module, fun, args));
  } catch (e) {
    if (e instanceof ElixirThrow && typeof e.reason === 'object' && e.reason.kind === 'map') {
      const mod = mapGet(e.reason, atom('__struct__')) as { name: string };
      return `** (${mod.name.replace(/^Elixir\./, '')}) ${exceptionMessage(e.reason)}`;
    }
    throw e;
  }
}
