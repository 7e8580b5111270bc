/**
 * Funs crossing nodes. A fun is data (ARCHITECTURE.md): its `fn` AST and its captured values. To send
 * one, the AST becomes an ordinary term (maps, lists, binaries, numbers) and travels with the
 * captured values, as erl_eval funs carry their code in their free variables. The receiving
 * node compiles the AST again (no eval anywhere) and gets a fun that prints and behaves the same.
 *
 * A fun written inside a module calls that module's functions locally; on the wire those calls
 * become remote calls to the module, so the other node runs its own copy of the module (or fails
 * with UndefinedFunctionError when it lacks it, as BEAM does).
 */
import { Binary, Fun, list, type Atom, type Term } from '../term/types.ts';
import { listToArray } from '../term/list.ts';
import { astToTerm, termToAst } from './ast-terms.ts';
import type { Expr } from './ast.ts';
import { FnTemplate } from './vm-code.ts';
import { compileShellExpr } from './program.ts';
import type { LangRuntime } from './vm-node.ts';
import type { ProcessApi } from '../runtime/process-api.ts';

/** What a closure becomes on the wire: its AST as a term, the names and values it captured. */
export interface FunWire {
  readonly module: Atom;
  readonly index: number;
  readonly uniq: number;
  readonly freeVars: readonly Term[];
}

/** Local calls to `module`'s own functions become remote calls, so they work on another node. */
export function qualifyLocalCalls(e: unknown, lang: LangRuntime, module: string): unknown {
  if (Array.isArray(e)) return e.map((x) => qualifyLocalCalls(x, lang, module));
  if (e === null || typeof e !== 'object') return e;
  const o = e as Record<string, unknown>;
  // fromEntries: an own `__proto__` key (code received from a peer) stays a plain field.
  const out = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, qualifyLocalCalls(v, lang, module)])) as Record<string, unknown>;
  if (o.kind === 'call' && typeof o.name === 'string' && Array.isArray(o.args)) {
    const own = lang.modules.get(module)?.functions.has(`${o.name}/${o.args.length}`);
    if (own) return { kind: 'remote', pos: o.pos, module: { kind: 'atom', pos: o.pos, name: module }, name: o.name, args: out.args };
  }
  return out;
}

/** The wire form of a closure made by our compiler, or null for funs we cannot ship. */
export function funToWire(fun: Fun, lang: LangRuntime): FunWire | null {
  const t = fun.code;
  if (!(t instanceof FnTemplate) || fun.info.type !== 'local') return null;
  const ast = t.module === null ? t.ast : qualifyLocalCalls(t.ast, lang, t.module);
  const env = (fun.env ?? []) as readonly Term[];
  return {
    module: fun.info.module,
    index: fun.info.index,
    uniq: fun.info.uniq,
    freeVars: [astToTerm(ast), list(t.captureNames.map((n) => Binary.fromString(n))), list([...env])],
  };
}

/** Code that only builds a closure or defines a module never touches its process. */
export const NO_PROCESS = new Proxy({} as ProcessApi, {
  get(_t, prop) {
    throw new Error(`building a fun used the process API (${String(prop)})`);
  },
});

/** Rebuilds a closure sent by funToWire; throws on a malformed payload. */
export function funFromWire(freeVars: readonly Term[], lang: LangRuntime): Fun {
  const [astTerm, namesTerm, envTerm] = freeVars;
  if (astTerm === undefined || namesTerm === undefined || envTerm === undefined) throw new Error('bad fun payload');
  const ast = termToAst(astTerm) as Expr;
  if (ast === null || typeof ast !== 'object' || ast.kind !== 'fn') throw new Error('bad fun payload: not a fn');
  const names = (termToAst(namesTerm) as unknown[]).map(String);
  const env = listToArray(envTerm).items;
  if (env.length !== names.length) throw new Error('bad fun payload: captures');
  return buildFun(ast, names, env, lang);
}

/** Compiles an `fn` AST whose free variables `names` hold `env`, and makes the closure. */
export function buildFun(ast: Expr, names: readonly string[], env: readonly Term[], lang: LangRuntime): Fun {
  const shell = compileShellExpr(ast, names, lang.builtins);
  const m = lang.machine();
  m.start(shell.code, env);
  const r = m.run(NO_PROCESS, Infinity);
  if (r.type !== 'done' || typeof r.value !== 'object' || r.value.kind !== 'fun') throw new Error('bad fun payload: did not build a fun');
  return r.value;
}
