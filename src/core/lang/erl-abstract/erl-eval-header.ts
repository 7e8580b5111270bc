/**
 * Which compiled fun of the peer's `erl_eval` a closure we send must name. NEW_FUN_EXT names a
 * fun by module, index, old uniq and the module's MD5: BEAM runs it only when its loaded
 * erl_eval has exactly that MD5 (else the call fails with BEAM's own `badfun`). erl_eval makes
 * one fun per arity (`fun (A) -> eval_fun([A], Info) end`...), numbered downwards from arity 0.
 *
 * The default is OTP 25.2's stdlib 4.2 (captured by fixtures/capture.exs: erlEvalHeaders).
 * A peer's own erl_eval fun (any fun typed in its iex) tells its actual values: `learn` it.
 */
export interface ErlEvalHeader {
  /** Index of the arity-0 fun; arity n is `base - n`. */
  readonly base: number;
  readonly uniq: number;
  readonly md5: Uint8Array;
}

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));

export const OTP25_ERL_EVAL: ErlEvalHeader = { base: 43, uniq: 3316493, md5: hex('065361AA461590D1BDF1EB62D1A6EB08') };

/** erl_eval's funs take 0 to 20 arguments. */
export const MAX_ERL_EVAL_ARITY = 20;

export function headerFor(h: ErlEvalHeader, arity: number): { index: number; uniq: number; md5: Uint8Array } {
  return { index: h.base - arity, uniq: h.uniq, md5: h.md5 };
}

/** The header a received erl_eval fun of `arity` reveals. */
export function learnHeader(arity: number, index: number, uniq: number, md5: Uint8Array): ErlEvalHeader {
  return { base: index + arity, uniq, md5: Uint8Array.from(md5) };
}
