// The hooks of one connection to a BEAM node: funs from the peer go back byte for byte as they
// came, the peer's own erl_eval header is learned and used, compiled funs we lack raise :undef.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeTerm } from '../etf/decode.ts';
import { encodeTerm } from '../etf/encode.ts';
import { langNode, resultText, spawnEval } from '../../core/lang/vm-test-helpers.ts';
import { advanceAndRun } from '../../core/runtime/testing.ts';
import { list, type Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import captured from '../../core/lang/erl-abstract/fixtures/iex-funs.json';
import { BeamFuns } from './beam-fun-hooks.ts';

/** A NEW_FUN_EXT's md5 and index (after version 131, tag 112, Size:32, Arity:8). */
const header = (b: Uint8Array): string => Buffer.from(b.subarray(7, 27)).toString('hex');
/** Decoded without hooks: the fun's arity, index, uniq and free variables as they were on the wire. */
const wire = (b: Uint8Array): string => {
  const r = decodeTerm(b);
  if (!r.ok || typeof r.term !== 'object' || r.term.kind !== 'fun') throw new Error('not a fun');
  return `${r.term.arity} ${JSON.stringify(r.term.info)} ${inspect(list(r.term.env as Term[]))}`;
};
/** Sent back as it came: the same header and the same terms (atoms may be written in another form). */
const same = (a: Uint8Array, b: Uint8Array): void => {
  expect(header(a)).toBe(header(b));
  expect(wire(a)).toBe(wire(b));
};
const etfOf = (name: string): Uint8Array => Buffer.from(captured.funs.find((f) => f.name === name)?.etf ?? '', 'base64');

function tabFun(src: string, t = langNode()): Term {
  const ev = spawnEval(t, src);
  advanceAndRun(t.clock, 10, t.node);
  if (ev.result?.type !== 'done') throw new Error(src);
  return ev.result.value;
}

describe('BEAM connection fun hooks', () => {
  it('a fun received from the peer is sent back exactly as it came', () => {
    const t = langNode();
    const hooks = new BeamFuns(t.rt).hooksForConnection();
    const bytes = etfOf('other_closure');
    const r = decodeTerm(bytes, 0, { hooks });
    if (!r.ok) throw new Error(r.error);
    same(encodeTerm(r.term, { hooks }), bytes);
  });

  it('our funs carry OTP 25.2\'s erl_eval header until the peer shows its own', () => {
    const t = langNode();
    const hooks = new BeamFuns(t.rt).hooksForConnection();
    const ours = (): Uint8Array => encodeTerm(tabFun('fn y -> y end', t), { hooks });
    // Arity 1 as the captured iex fun of arity 1 (the same erl_eval build).
    expect(header(ours())).toBe(header(etfOf('closure')));
    // A peer with another erl_eval: its md5, and index = its base - arity.
    const other = Uint8Array.from(etfOf('closure'));
    other.fill(0xab, 7, 23);
    other[26] = 50;
    expect(decodeTerm(other, 0, { hooks }).ok).toBe(true);
    const sent = ours();
    expect(header(sent)).toBe(`${'ab'.repeat(16)}00000032`);
  });

  it('a fun of compiled code we lack raises :undef when called and goes back as it came', () => {
    const t = langNode();
    const hooks = new BeamFuns(t.rt).hooksForConnection();
    // term_to_binary(FunsM.f(1)) on a real node where module FunsM is compiled (not here).
    const bytes = Buffer.from('g3AAAABSAaEC+JinsaKfhZ76dgH/3CMAAAAAAAAAAWQADEVsaXhpci5GdW5zTWEAYgUIF8RYZAANbm9ub2RlQG5vaG9zdAAAAGAAAAAAAAAAAGEB', 'base64');
    const r = decodeTerm(bytes, 0, { hooks });
    if (!r.ok) throw new Error(r.error);
    const ev = spawnEval(t, 'f.(2)', new Map([['f', r.term]]));
    advanceAndRun(t.clock, 10, t.node);
    expect(resultText(ev)).toContain('** (UndefinedFunctionError) undefined function');
    same(encodeTerm(r.term, { hooks }), bytes);
  });
});
