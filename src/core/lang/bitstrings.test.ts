/**
 * Bitstrings in the language beyond the golden transcript (20-binaries.exs): hostile sizes stay
 * bounded, a binary generator that consumes nothing ends, and a long binary generator is
 * preemptible like any loop.
 */
import { describe, expect, it } from 'vitest';
import { langNode, resultText, run, spawnEval } from './vm-test-helpers.ts';
import { advanceAndRun } from '../runtime/testing.ts';
import { parse } from './parser.ts';
import { sexpr } from './parser-print.ts';

describe('bitstrings in the language', () => {
  it('parses segments, specs and binary generators', () => {
    const p = parse('<<a::binary-size(4), b::8*2, c <- s>>');
    expect(p.ok && sexpr(p.expr)).toBe('(<<>> (:: a (- binary (size 4))) (:: b (* 8 2)) c (<- s))');
  });

  it('a hostile size gets a SystemLimitError at once instead of freezing the tab', () => {
    // BEAM tries to allocate 12.5 GB here (iex froze ~1 minute); a tab refuses past 2^30 bits.
    expect(run('<<0::size(100_000_000_000)>>')).toBe(
      "** (SystemLimitError) construction of binary failed: segment 1 of type 'integer': the size 100000000000 is too large",
    );
    expect(run('x = <<1::size(500_000_000)>>; <<x::bits, x::bits, x::bits>>')).toMatch(/SystemLimitError/);
    // A wide field for a small value is written without walking every bit.
    expect(run('bit_size(<<-1::size(100_000_000)>>)')).toBe('100000000');
  });

  it('a unit outside 1..256, or a unit without a size on an integer, is refused as iex refuses it', () => {
    // Texts from iex 1.14 (eval_bits raises at run time; the size rule is a CompileError).
    expect(run('<<1::size(1)-unit(0)>>')).toBe('** (ErlangError) Erlang error: {:undefined_bittype, {:unit, 0}}');
    expect(run('<<1::size(3)-unit(300)>>')).toBe('** (ErlangError) Erlang error: {:undefined_bittype, {:unit, 300}}');
    expect(run('x = "a"; <<x::binary-unit(0)>>')).toBe('** (ErlangError) Erlang error: {:undefined_bittype, {:unit, 0}}');
    // (the frames iex prints with it are specError's, as for the other spec errors)
    const sizeRule = /^integer and float types require a size specifier if the unit specifier is given$/;
    expect(() => run('<<1::unit(8)>>')).toThrow(sizeRule);
    expect(() => run('<<1.0::unit(8)>>')).toThrow(sizeRule);
    // In a pattern such a unit matches nothing, as on BEAM.
    expect(run('<<x::size(2)-unit(300)>> = "ab"')).toBe('** (MatchError) no match of right hand side value: "ab"');
  });

  it('a binary generator whose pattern reads no bits ends instead of looping forever', () => {
    expect(run('for <<_::size(0) <- "abc">>, do: 1')).toBe('[]');
  });

  it('a long binary generator is preempted like any loop', () => {
    const t = langNode();
    const ev = spawnEval(t, 'bin = :binary.copy("ab", 200_000); length(for <<c <- bin>>, do: c)');
    t.node.runSlice();
    expect(ev.result).toBeNull(); // one slice's budget is far below 400,000 loop turns
    advanceAndRun(t.clock, 60_000, t.node);
    expect(resultText(ev)).toBe('400000');
  });
});
