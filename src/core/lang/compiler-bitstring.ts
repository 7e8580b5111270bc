/**
 * `<<...>>` as an expression (construction) and the binary generator of `for`
 * (`for <<r::8, g::8, b::8 <- pixels>>`). Segment meanings come from bitstring-spec.ts, the
 * writing and its errors from bitstring-ops.ts, the matching from patterns-bitstring.ts.
 */
import { BitWriter, bitSizeOf, isBits } from '../term/bits.ts';
import { FALSE, TRUE, type Term } from '../term/types.ts';
import type { Expr, ForStep } from './ast.ts';
import { putSegment, segmentBits, stringSegmentBytes } from './bitstring-ops.ts';
import { readSpec, type SegSpec } from './bitstring-spec.ts';
import { compileExpr, compileOperands } from './compiler.ts';
import { child, CompileError, type Ctx } from './env.ts';
import { raise } from './errors.ts';
import { compilePattern } from './patterns.ts';
import { compileSegments } from './patterns-bitstring.ts';
import { OP_EVAL, OP_JUMP_IF_FALSE, type Ev, type Instr } from './vm-code.ts';

interface Piece {
  readonly spec: SegSpec;
  /** A literal string's bytes, written as they are. */
  readonly bytes: Uint8Array | null;
  readonly value: number;
  readonly size: number;
}

export function compileBitstring(e: Expr & { kind: 'bitstring' }, ctx: Ctx): Ev {
  if (e.generator !== null) throw new CompileError(e.pos, 'binary generators (<-) are only allowed inside for');
  const exprs: Expr[] = [];
  const pieces: Piece[] = e.segments.map((seg) => {
    const spec = readSpec(seg);
    const v = seg.value;
    if (v.kind === 'string' && v.parts.every((x) => typeof x === 'string')) {
      return { spec, bytes: stringSegmentBytes(spec.type, v.parts.join(''), spec.little), value: -1, size: -1 };
    }
    const value = exprs.push(v) - 1;
    const size = spec.size === null ? -1 : exprs.push(spec.size) - 1;
    return { spec, bytes: null, value, size };
  });
  // Values and sizes evaluate left to right, as Elixir does.
  const evs = compileOperands(exprs, ctx);
  return (r, b, m) => {
    const vals = evs.map((f) => f(r, b, m));
    const w = new BitWriter();
    pieces.forEach((p, i) => {
      if (p.bytes !== null) {
        w.putBytes(p.bytes);
        return;
      }
      const v = vals[p.value] as Term;
      const { type, unit, little } = p.spec;
      const utf = type === 'utf8' || type === 'utf16' || type === 'utf32';
      const bits = utf ? 0 : segmentBits(i + 1, type, p.size < 0 ? null : (vals[p.size] as Term), unit, v);
      putSegment(w, i + 1, type, v, bits, little);
    });
    return w.finish();
  };
}

/** Where a binary generator is: its bytes, length and the offset of the next match. */
class BitCursor {
  constructor(
    readonly bytes: Uint8Array,
    readonly total: number,
    public off: number,
  ) {}
}

/**
 * Emits a binary generator's loop head: each time round, the segments match at the cursor and
 * bind their variables (in the returned scope); the loop ends where they no longer match, the
 * rest of the bits being ignored as Elixir ignores them.
 */
export function compileBitsGenerator(step: ForStep & { kind: 'bits' }, ctx: Ctx, fctx: Ctx): { head: number; exit: Instr; fctx: Ctx } {
  const src = compileExpr(step.source, fctx);
  const cs = ctx.fb.newSlot();
  const load = ctx.fb.emit(OP_EVAL, step.source.pos);
  load.a = cs;
  load.ev = (r, b, m) => {
    const v = src(r, b, m);
    if (!isBits(v)) raise('ArgumentError', 'argument error');
    return new BitCursor(v.bytes, bitSizeOf(v), 0) as unknown as Term;
  };
  const head = ctx.fb.here();
  const inner = child(fctx);
  const segs = compileSegments(step.pattern.segments, inner, new Map(), compilePattern, true);
  const test = ctx.fb.emit(OP_JUMP_IF_FALSE, step.pattern.pos);
  test.c = 1; // a loop back-edge: costs a reduction, so long comprehensions get preempted
  test.ev = (r, b, m) => {
    const c = r[b + cs] as unknown as BitCursor;
    const next = segs(c.bytes, c.total, c.off, r, b, m);
    // A match that reads no bits (`<<_::0 <- s>>`) would never end: it ends the loop.
    if (next <= c.off) return FALSE;
    c.off = next;
    return TRUE;
  };
  return { head, exit: test, fctx: inner };
}
