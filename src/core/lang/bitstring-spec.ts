/**
 * What a segment's `::spec` means, read at compile time as Elixir's elixir_bitstring does (and
 * with its CompileError texts): the type (integer by default; binary for a literal string; float
 * for a literal float), the size expression, the unit, signedness and endianness.
 */
import type { Expr, Pos, Segment } from './ast.ts';
import { CompileError } from './env.ts';

export type SegType = 'integer' | 'float' | 'binary' | 'bitstring' | 'utf8' | 'utf16' | 'utf32';

export interface SegSpec {
  readonly type: SegType;
  /** The size expression as written, or null for the type's default. */
  readonly size: Expr | null;
  readonly unit: number;
  readonly signed: boolean;
  readonly little: boolean;
}

/** A CompileError raised where elixir_bitstring.erl raises it (`line` of expand_specs/7), with its frames. */
export function specError(pos: Pos, message: string, line: number): CompileError {
  const frames = line < 100 ? [] : [`    (elixir 1.14.0) src/elixir_bitstring.erl:${line}: :elixir_bitstring.expand_specs/7`];
  frames.push(`    (elixir 1.14.0) src/elixir_bitstring.erl:${line < 100 ? line : 38}: :elixir_bitstring.expand/8`);
  frames.push('    (elixir 1.14.0) src/elixir_bitstring.erl:26: :elixir_bitstring.expand/5');
  return new CompileError(pos, message, frames);
}

const TYPE_WORDS: Readonly<Record<string, SegType>> = {
  integer: 'integer', float: 'float', binary: 'binary', bytes: 'binary', bitstring: 'bitstring', bits: 'bitstring',
  utf8: 'utf8', utf16: 'utf16', utf32: 'utf32',
};

const LITERAL_STRING_SPECS =
  'literal string in bitstring supports only endianness and type specifiers, which must be one of: ' +
  'little, big, native, utf8, utf16, utf32, bits, bytes, binary or bitstring';

/** The `-`-separated parts of a spec: `binary-size(4)-little` → [binary, size(4), little]. */
function parts(spec: Expr, out: Expr[] = []): Expr[] {
  if (spec.kind === 'binop' && spec.op === '-') {
    parts(spec.left, out);
    parts(spec.right, out);
  } else out.push(spec);
  return out;
}

/** The type a literal value implies, or null for any other expression. */
function valueType(value: Expr): SegType | null {
  switch (value.kind) {
    case 'string':
      return 'binary';
    case 'int':
      return 'integer';
    case 'float':
      return 'float';
    case 'unop':
      return value.arg.kind === 'int' ? 'integer' : value.arg.kind === 'float' ? 'float' : null;
    default:
      return null;
  }
}

function specText(e: Expr): string {
  if (e.kind === 'var') return `${e.name}()`;
  if (e.kind === 'call') return `${e.name}(${e.args.map(specText).join(', ')})`;
  if (e.kind === 'int') return String(e.value);
  if (e.kind === 'atom') return `:${e.name}`;
  return e.kind;
}

function literalInt(e: Expr, what: string): number {
  if (e.kind === 'int' && typeof e.value === 'number' && e.value >= 0) return e.value;
  throw new CompileError(e.pos, `${what} in bitstring expects an integer as argument, got: ${specText(e)}`);
}

export function readSpec(seg: Segment): SegSpec {
  let type: SegType | null = null;
  let size: Expr | null = null;
  let unit: number | null = null;
  let signed: boolean | null = null;
  let little: boolean | null = null;
  const setType = (t: SegType, at: Expr) => {
    if (type !== null && type !== t) throw specError(at.pos, `conflicting type specification for bit field: "${type}" and "${t}"`, 162);
    type = t;
  };
  for (const p of seg.spec === null ? [] : parts(seg.spec)) {
    if (p.kind === 'var' && TYPE_WORDS[p.name] !== undefined) setType(TYPE_WORDS[p.name] as SegType, p);
    else if (p.kind === 'var' && (p.name === 'signed' || p.name === 'unsigned')) signed = p.name === 'signed';
    else if (p.kind === 'var' && (p.name === 'big' || p.name === 'little' || p.name === 'native')) little = p.name === 'little';
    else if (p.kind === 'call' && p.name === 'size' && p.args.length === 1) size = p.args[0] as Expr;
    else if (p.kind === 'call' && p.name === 'unit' && p.args.length === 1) unit = literalInt(p.args[0] as Expr, 'unit');
    else if (p.kind === 'int') size = p;
    else if (p.kind === 'binop' && p.op === '*') {
      size = p.left;
      unit = literalInt(p.right, 'unit');
    } else throw specError(p.pos, `unknown bitstring specifier: ${specText(p)}`, 160);
  }
  const given = type as SegType | null;
  const implied = valueType(seg.value);
  if (seg.value.kind === 'atom') throw specError(seg.pos, `invalid literal :${seg.value.name} in <<>>`, 34);
  if (implied === 'binary') {
    // A literal string: its own bytes, or its characters in a utf type.
    if (given === 'integer' || given === 'float') throw specError(seg.pos, `conflicting type specification for bit field: "${given}" and "binary"`, 162);
    if (size !== null || unit !== null || signed !== null) throw specError(seg.pos, LITERAL_STRING_SPECS, 164);
    return { type: given ?? 'binary', size: null, unit: 8, signed: false, little: little === true };
  }
  if (implied !== null && given !== null && given !== implied && !(implied === 'integer' && (given === 'float' || given.startsWith('utf')))) {
    throw specError(seg.pos, `conflicting type specification for bit field: "${given}" and "${implied}"`, 162);
  }
  const t: SegType = given ?? implied ?? 'integer';
  if (t.startsWith('utf') && (size !== null || unit !== null)) {
    throw new CompileError(seg.pos, 'size and unit are not supported on utf types');
  }
  if (unit !== null && size === null && (t === 'integer' || t === 'float')) {
    throw specError(seg.pos, 'integer and float types require a size specifier if the unit specifier is given', 167);
  }
  const u = unit ?? (t === 'binary' ? 8 : 1);
  if (t === 'float' && size !== null && size.kind === 'int') {
    const bits = Number(size.value) * u;
    if (bits !== 16 && bits !== 32 && bits !== 64) throw specError(seg.pos, `float requires size*unit to be 16, 32, or 64 (default), got: ${bits}`, 167);
  }
  return { type: t, size, unit: u, signed: signed === true, little: little === true };
}

/** The default size in bits of a segment without `size`, or null for "all the rest" / utf. */
export function defaultBits(t: SegType): number | null {
  return t === 'integer' ? 8 : t === 'float' ? 64 : null;
}
