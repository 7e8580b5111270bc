// Funs typed in a real iex (captured by core/lang/erl-abstract/fixtures/capture.exs from Elixir
// 1.14 / OTP 25) decoded from their real bytes and called on a tab: the same value, output or
// error as on the real node.
import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { decodeTerm } from '../etf/decode.ts';
import { erlEvalEnv, erlEvalFunFromWire } from '../../core/lang/erl-abstract/erl-eval-fun.ts';
import { langNode, resultText, spawnEval, type LangTestNode } from '../../core/lang/vm-test-helpers.ts';
import { advanceAndRun } from '../../core/runtime/testing.ts';
import { exceptionMessage, moduleName, normalizeException } from '../../core/lang/exceptions.ts';
import type { Term } from '../../core/term/types.ts';
import captured from '../../core/lang/erl-abstract/fixtures/iex-funs.json';

function decode(t: LangTestNode, b64: string): Term {
  const r = decodeTerm(Buffer.from(b64, 'base64'), 0, {
    hooks: {
      funFromTerms: (d) => {
        const env = erlEvalEnv(d.freeVars);
        return env === null ? 'not an erl_eval fun' : erlEvalFunFromWire(env, d.arity, t.rt);
      },
    },
  });
  if (!r.ok) throw new Error(r.error);
  return r.term;
}

/** What the capture printed: inspect of the value, or the exception's banner line. */
function outcome(t: LangTestNode, fun: Term, args: Term): { text: string; output: string } {
  t.out.length = 0;
  const ev = spawnEval(t, 'apply(f, args)', new Map([['f', fun], ['args', args]]));
  advanceAndRun(t.clock, 1_000, t.node);
  const r = ev.result;
  if (r?.type === 'error' && r.kind === 'error') {
    const { module, struct } = normalizeException(r.reason, r.stack);
    return { text: `** (${moduleName(module)}) ${exceptionMessage(struct)}`, output: t.out.join('') };
  }
  return { text: resultText(ev), output: t.out.join('') };
}

describe('funs typed in real iex run on a tab', () => {
  for (const c of captured.funs) {
    it(`${c.name}: ${c.source}`, () => {
      const t = langNode();
      const fun = decode(t, c.etf);
      for (const call of c.calls) {
        const got = outcome(t, fun, decode(t, call.args));
        const expected = 'value' in call ? call.value : call.error;
        // The chapter's example prints the node's own name: nonode@nohost on both sides here.
        expect(got.text).toBe(expected);
        expect(got.output).toBe(call.output);
      }
    });
  }
});
