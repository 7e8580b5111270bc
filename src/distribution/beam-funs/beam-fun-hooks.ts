/**
 * How funs cross a connection to a real BEAM node (both ways).
 *
 * In: an `:erl_eval` fun (typed in the peer's iex) runs here from its Erlang abstract clauses
 * (core/lang/erl-abstract/erl-eval-fun.ts). A fun of compiled code we do not have arrives as a
 * fun that fails as BEAM fails calling a fun whose module is missing: `:undef`.
 *
 * Out: our closure becomes an erl_eval fun: its clauses in Erlang abstract format
 * (from-elixir.ts) and its captured values as erl_eval bindings, under the header of the peer's
 * erl_eval for that arity. The real node's own erl_eval then builds and runs it wherever the
 * fun goes (a message, a spawn's argument, an rpc argument, inside any term), as a fun typed in
 * its iex. (Rewriting only spawns into `{erl_eval, exprs, ...}` would have covered one place.)
 * The header names one build of erl_eval: the peer's own, learned from any erl_eval fun it sent
 * on this connection, else OTP 25.2's. With another erl_eval the call fails with BEAM's `badfun`.
 *
 * A fun that came from the peer goes back as it came (its original terms), so it is the same fun
 * there.
 *
 * A page loads this module (and the Erlang abstract format under it) only when it may meet a
 * BEAM node (ui/beam-links.ts): attach.ts takes it as `beamFuns`.
 */
import { atom, Fun, type Term } from '../../core/term/types.ts';
import type { Expr } from '../../core/lang/ast.ts';
import { buildFun } from '../../core/lang/fun-transfer.ts';
import { funToErlEval } from '../../core/lang/erl-abstract/fun-to-erl-eval.ts';
import { errorText, erlEvalEnv, erlEvalFunFromWire, unsupportedFnAst } from '../../core/lang/erl-abstract/erl-eval-fun.ts';
import { erlEvalEnvOf } from '../../core/lang/erl-abstract/from-elixir.ts';
import { ErlAbstractError } from '../../core/lang/erl-abstract/to-elixir.ts';
import { headerFor, learnHeader, MAX_ERL_EVAL_ARITY, OTP25_ERL_EVAL, type ErlEvalHeader } from '../../core/lang/erl-abstract/erl-eval-header.ts';
import type { LangRuntime } from '../../core/lang/vm-node.ts';
import type { DecodedFun, FunHooks, FunWireForm } from '../etf/fun-hooks.ts';

const ERL_EVAL = atom('erl_eval');

/**
 * A fun that raises `:undef` when called, as BEAM does for a fun of a module it lacks
 * (error_handler:undefined_lambda/3): the trace's top is `{Fun, Args, []}`, so Elixir names no
 * function ("undefined function").
 */
function undefFun(d: DecodedFun, lang: LangRuntime): Fun {
  const pos = { line: 1, column: 1 };
  const atomExpr = (name: string): Expr => ({ kind: 'atom', pos, name });
  const params: Expr[] = Array.from({ length: d.arity }, (_, i) => ({ kind: 'var', pos, name: `a${i}` }));
  const raiseBody = (self: Expr): Expr => ({
    kind: 'remote', pos, module: atomExpr('erlang'), name: 'raise',
    args: [atomExpr('error'), atomExpr('undef'), { kind: 'list', pos, items: [{ kind: 'tuple', pos, items: [self, { kind: 'list', pos, items: params, tail: null }, { kind: 'list', pos, items: [], tail: null }] }], tail: null }],
  });
  const asPeers = (f: Fun): Fun => new Fun(d.arity, { type: 'local', module: d.module, name: '', index: d.index, uniq: d.uniq }, f.code, f.env);
  // Built twice: the fun in the trace is one that prints as the peer's (#Function<index.uniq/arity in Module>).
  const inner = asPeers(buildFun({ kind: 'fn', pos, clauses: [{ pos, params, guard: null, body: raiseBody(atomExpr('undefined')) }] }, [], [], lang));
  return asPeers(buildFun({ kind: 'fn', pos, clauses: [{ pos, params, guard: null, body: raiseBody({ kind: 'var', pos, name: 'self' }) }] }, ['self'], [inner], lang));
}

/**
 * The funs of one node's BEAM connections: `originals` remembers what each fun received from a
 * BEAM peer was on the wire (per node: a fun may come in on one connection and leave on another).
 */
export class BeamFuns {
  private readonly originals = new WeakMap<Fun, FunWireForm>();

  constructor(private readonly lang: LangRuntime) {}

  /** An `:erl_eval` fun another tab passed on (typed in a real iex): its clauses run here. Null when it is none. */
  erlEvalFun(d: Pick<DecodedFun, 'freeVars' | 'arity'>): Fun | null {
    const env = erlEvalEnv(d.freeVars);
    return env === null ? null : erlEvalFunFromWire(env, d.arity, this.lang);
  }

  /** The hooks of one connection to a BEAM node. */
  hooksForConnection(): FunHooks {
    let header: ErlEvalHeader = OTP25_ERL_EVAL;
    return {
      funToTerms: (fun) => {
        const original = this.originals.get(fun);
        if (original !== undefined) return original;
        if (fun.arity > MAX_ERL_EVAL_ARITY) throw new Error(`a fun of arity ${fun.arity} cannot be sent to a BEAM node (erl_eval takes at most ${MAX_ERL_EVAL_ARITY})`);
        // Code with no Erlang form here still goes (a spawn must get its reply, a message must
        // arrive): as a fun that raises why on the real node, as one from there does here.
        let env: Term | null;
        try {
          env = funToErlEval(fun, this.lang);
        } catch (e) {
          if (!(e instanceof ErlAbstractError)) throw e;
          env = erlEvalEnvOf(unsupportedFnAst(fun.arity, errorText(e)), [], []);
        }
        if (env === null) throw new Error('this fun cannot be sent to another node');
        return { module: ERL_EVAL, ...headerFor(header, fun.arity), freeVars: [env] };
      },
      funFromTerms: (d) => {
        const env = erlEvalEnv(d.freeVars);
        const isErlEval = d.module === ERL_EVAL && env !== null;
        if (isErlEval) header = learnHeader(d.arity, d.index, d.uniq, d.md5);
        const fun = isErlEval ? erlEvalFunFromWire(env, d.arity, this.lang) : undefFun(d, this.lang);
        this.originals.set(fun, { module: d.module, index: d.index, uniq: d.uniq, md5: d.md5, pid: d.pid, freeVars: d.freeVars });
        return fun;
      },
    };
  }
}

