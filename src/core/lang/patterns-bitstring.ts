/**
 * `<<a::8, rest::binary>>` as a pattern: the segments match in order from a bit offset, each
 * reading its value and handing it to the value's own pattern (a variable binds, a literal or
 * `^pin` compares). A size may name a variable bound by an earlier segment
 * (`<<n::8, s::binary-size(n)>>`). Also the matcher behind binary generators, where the match
 * need not reach the end.
 */
import { subBits } from '../term/bits.ts';
import type { Term } from '../term/types.ts';
import type { Expr, Segment } from './ast.ts';
import { readFloat, readInteger, readUtf, stringSegmentBytes } from './bitstring-ops.ts';
import { defaultBits, readSpec, specError, type SegSpec } from './bitstring-spec.ts';
import { CompileError, lookupVar, type Ctx } from './env.ts';
import type { Matcher } from './vm-code.ts';
import type { Machine } from './vm.ts';

/** Compiles a sub-pattern (patterns.ts's compilePattern, passed in so the two files do not import each other). */
export type SubPattern = (p: Expr, ctx: Ctx, seen: Map<string, number>) => Matcher | null;

/** Matches from bit `off`; the new offset, or -1. */
export type SegmentsMatcher = (bytes: Uint8Array, total: number, off: number, r: Term[], b: number, m: Machine) => number;

type SizeEv = (r: Term[], b: number) => Term;

const UNSIZED_NOT_LAST =
  'a binary field without size is only allowed at the end of a binary pattern, at the right side of binary concatenation ' +
  'and and never allowed in binary generators. The following examples are invalid:\n\n    rest <> "foo"\n    <<rest::binary, "foo">>\n\n' +
  'They are invalid because there is a bits/bitstring component not at the end. However, the "reverse" would work:\n\n' +
  '    "foo" <> rest\n    <<"foo", rest::binary>>\n\n';

/** A size in a pattern: an integer, a variable (bound before, or earlier in this pattern), `^x`, or + - * of those. */
function sizeEv(e: Expr, ctx: Ctx, seen: Map<string, number>): SizeEv {
  switch (e.kind) {
    case 'int': {
      const v = e.value;
      return () => v;
    }
    case 'var':
    case 'pin': {
      const s = seen.get(e.name) ?? lookupVar(ctx.fb, ctx.scope, e.name);
      if (s === undefined) throw new CompileError(e.pos, `undefined variable "${e.name}" in bitstring segment. If the size of the binary is a variable, the variable must be defined prior to its use in the binary/bitstring match itself, or outside the pattern match`);
      return (r, b) => r[b + s] as Term;
    }
    case 'binop': {
      if (e.op !== '+' && e.op !== '-' && e.op !== '*') break;
      const x = sizeEv(e.left, ctx, seen), y = sizeEv(e.right, ctx, seen);
      const op = e.op;
      return (r, b) => {
        const a = x(r, b), c = y(r, b);
        if (typeof a !== 'number' || typeof c !== 'number') return -1;
        return op === '+' ? a + c : op === '-' ? a - c : a * c;
      };
    }
    default:
      break;
  }
  throw new CompileError(e.pos, 'size in bitstring pattern must be an integer, a variable, or an expression of them');
}

/** The text of a string without interpolation, else null. */
function literalString(e: Expr): string | null {
  return e.kind === 'string' && e.parts.every((p) => typeof p === 'string') ? e.parts.join('') : null;
}

function compileSegment(seg: Segment, spec: SegSpec, last: boolean, ctx: Ctx, seen: Map<string, number>, sub: SubPattern): SegmentsMatcher {
  const { type, unit, signed, little } = spec;
  const text = literalString(seg.value);
  if (text !== null) {
    const want = stringSegmentBytes(type, text, little);
    const n = want.length * 8;
    return (bytes, total, off) => {
      if (off + n > total) return -1;
      const got = subBits(bytes, off, n).bytes;
      for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) return -1;
      return off + n;
    };
  }
  if (seg.value.kind === 'string') throw new CompileError(seg.pos, 'interpolation is not allowed in patterns');
  const value = sub(seg.value, ctx, seen);
  const bind = (v: Term, r: Term[], b: number, m: Machine) => value === null || value(v, r, b, m);
  if (type === 'utf8' || type === 'utf16' || type === 'utf32') {
    return (bytes, total, off, r, b, m) => {
      const got = readUtf(type, bytes, off, total, little);
      return got !== null && bind(got[0], r, b, m) ? off + got[1] : -1;
    };
  }
  const whole = type === 'binary' || type === 'bitstring';
  if (spec.size === null && whole) {
    if (!last) throw specError(seg.pos, UNSIZED_NOT_LAST, 163);
    return (bytes, total, off, r, b, m) => {
      const n = total - off;
      return n % unit === 0 && bind(subBits(bytes, off, n), r, b, m) ? total : -1;
    };
  }
  const fixed = spec.size === null ? (defaultBits(type) as number) : null;
  const size = spec.size === null ? null : sizeEv(spec.size, ctx, seen);
  return (bytes, total, off, r, b, m) => {
    let n = fixed;
    if (n === null) {
      const s = (size as SizeEv)(r, b);
      if (typeof s !== 'number' || s < 0) return -1;
      n = s * unit;
    }
    if (off + n > total) return -1;
    let v: Term | null;
    if (type === 'integer') v = readInteger(bytes, off, n, signed, little);
    else if (type === 'float') v = readFloat(bytes, off, n, little);
    else v = subBits(bytes, off, n);
    return v !== null && bind(v, r, b, m) ? off + n : -1;
  };
}

/** The segments in order; `whole`: the last one must be the only unsized binary (a pattern), else (a generator) none may be. */
export function compileSegments(segs: readonly Segment[], ctx: Ctx, seen: Map<string, number>, sub: SubPattern, generator: boolean): SegmentsMatcher {
  const ms = segs.map((s, i) => {
    const spec = readSpec(s);
    if (generator && spec.size === null && (spec.type === 'binary' || spec.type === 'bitstring') && literalString(s.value) === null) {
      throw specError(s.pos, UNSIZED_NOT_LAST, 163);
    }
    return compileSegment(s, spec, i === segs.length - 1, ctx, seen, sub);
  });
  return (bytes, total, off, r, b, m) => {
    for (const f of ms) {
      off = f(bytes, total, off, r, b, m);
      if (off < 0) return -1;
    }
    return off;
  };
}

/** The whole pattern: every bit of the value must be matched. */
export function bitstringPattern(p: Expr & { kind: 'bitstring' }, ctx: Ctx, seen: Map<string, number>, sub: SubPattern): Matcher {
  if (p.generator !== null) throw new CompileError(p.pos, 'binary generators (<-) are only allowed inside for');
  const segs = compileSegments(p.segments, ctx, seen, sub, false);
  return (v, r, b, m) => {
    if (typeof v !== 'object' || (v.kind !== 'binary' && v.kind !== 'bitstring')) return false;
    const total = v.kind === 'binary' ? v.byteSize * 8 : v.bitSize;
    return segs(v.bytes, total, 0, r, b, m) === total;
  };
}
