/**
 * Term -> External Term Format, byte-compatible with OTP 25's
 * `term_to_binary(T, [{minor_version, 2}])` (UTF-8 atoms, NEW_FLOAT_EXT, STRING_EXT for lists of
 * bytes, flat maps in exact key order). Iterative: a work stack replaces recursion so a list
 * nested a million levels deep cannot overflow the JS stack.
 */
import { Pid, atom, type Atom, type Cons, type Fun, type Ref, type Term, type Tuple } from '../../core/term/types.ts';
import type { FunHooks } from './fun-hooks.ts';
import { MAX_BIG_DIGITS, magnitudeBytes } from './bigint.ts';
import { sortedPairs } from '../../core/term/map-order.ts';
import * as T from './tags.ts';
import { ByteWriter } from './writer.ts';

export interface EncodeOptions {
  /** Prefix the 131 version byte (default true; false inside a `131,68` dist header packet). */
  readonly versionByte?: boolean;
  readonly hooks?: FunHooks;
  /** Creator pid written into NEW_FUN_EXT when the hook gives none. */
  readonly funPid?: Pid;
}

/** Thrown only for values no Erlang term can hold (NaN, an atom over 255 characters, an integer over BEAM's limit). */
export class EtfEncodeError extends Error {}

/** Back-patches NEW_FUN_EXT's Size once its free variables have been written. */
class SizePatch {
  constructor(readonly at: number) {}
}

const utf8 = new TextEncoder();
const NO_PID = new Pid(atom('nonode@nohost'), 0, 0, 0);

export function encodeTerm(term: Term, opts: EncodeOptions = {}): Uint8Array {
  const w = new ByteWriter();
  if (opts.versionByte !== false) w.u8(T.VERSION);
  encodeInto(w, term, opts);
  return w.finish();
}

export function encodeInto(w: ByteWriter, root: Term, opts: EncodeOptions = {}): void {
  // A leaf, a flat tuple and a GenServer call's two messages need no work stack.
  if (typeof root === 'number') return writeInteger(w, root);
  if (typeof root === 'object' && root.kind === 'atom') return writeAtom(w, root);
  if (typeof root === 'object' && root.kind === 'tuple' && (writeFlatTuple(w, root) || writeGenMessage(w, root, opts))) return;
  const stack: (Term | SizePatch)[] = [root];
  while (stack.length > 0) {
    const t = stack.pop() as Term | SizePatch;
    if (t instanceof SizePatch) {
      w.patchU32(t.at, w.length - t.at);
      continue;
    }
    if (typeof t === 'number' || typeof t === 'bigint') {
      writeInteger(w, t);
      continue;
    }
    switch (t.kind) {
      case 'atom': writeAtom(w, t); break;
      case 'float':
        if (!Number.isFinite(t.value)) throw new EtfEncodeError(`cannot encode float ${t.value}`);
        w.u8(T.NEW_FLOAT_EXT);
        w.f64(t.value);
        break;
      case 'binary':
        w.u8(T.BINARY_EXT);
        w.u32(t.byteSize);
        w.binary(t.bytes);
        break;
      case 'bitstring':
        w.u8(T.BIT_BINARY_EXT);
        w.u32(t.bytes.length);
        w.u8(t.bitSize & 7);
        w.binary(t.bytes);
        break;
      case 'nil': w.u8(T.NIL_EXT); break;
      case 'cons': pushList(w, t, stack); break;
      case 'tuple': {
        const n = t.elements.length;
        if (n <= 255) { w.u8(T.SMALL_TUPLE_EXT); w.u8(n); } else { w.u8(T.LARGE_TUPLE_EXT); w.u32(n); }
        for (let i = n - 1; i >= 0; i--) stack.push(t.elements[i] as Term);
        break;
      }
      case 'map': {
        w.u8(T.MAP_EXT);
        w.u32(t.size);
        // Flat maps are written in map-key order (every integer before every float), as BEAM does.
        const pairs = sortedPairs(t);
        for (let i = pairs.length - 1; i >= 0; i--) {
          const [k, v] = pairs[i] as readonly [Term, Term];
          stack.push(v, k);
        }
        break;
      }
      case 'pid': writePid(w, t); break;
      case 'port':
        if (t.id <= 0xffffffff) { w.u8(T.NEW_PORT_EXT); writeAtom(w, t.node); w.u32(t.id); }
        else { w.u8(T.V4_PORT_EXT); writeAtom(w, t.node); w.u64(BigInt(t.id)); }
        w.u32(t.creation);
        break;
      case 'ref': writeRef(w, t); break;
      case 'fun': pushFun(w, t, stack, opts); break;
    }
  }
}

/** Tuples writeFlatTuple takes: a message's tag and a few fields. */
const MAX_FLAT_ARITY = 8;

/**
 * A small tuple of integers, atoms and pids (`{:msg, i}`, `{self(), i}`), the commonest message,
 * written with no work stack; the bytes are those the generic loop writes. False (nothing
 * written) for anything else.
 */
function writeFlatTuple(w: ByteWriter, t: Tuple): boolean {
  const el = t.elements;
  const n = el.length;
  if (n > MAX_FLAT_ARITY) return false;
  for (let i = 0; i < n; i++) {
    const x = el[i] as Term;
    if (typeof x !== 'number' && (typeof x !== 'object' || (x.kind !== 'atom' && x.kind !== 'pid'))) return false;
  }
  w.u8(T.SMALL_TUPLE_EXT);
  w.u8(n);
  for (let i = 0; i < n; i++) {
    const x = el[i] as number | Atom | Pid;
    if (typeof x === 'number') writeInteger(w, x);
    else if (x.kind === 'atom') writeAtom(w, x);
    else writePid(w, x);
  }
  return true;
}

const GEN_CALL = atom('$gen_call');
const ALIAS = atom('alias');

/** `[:alias | ref]`: the tag of a call made through a monitor's alias (OTP 24+ gen). */
function isAliasTag(t: Term): t is Cons & { readonly tail: Ref } {
  return typeof t === 'object' && t.kind === 'cons' && t.head === ALIAS && typeof t.tail === 'object' && t.tail.kind === 'ref';
}

/** The improper list `[:alias | ref]`, as the generic loop writes it: LIST_EXT of length 1, the atom, the ref as tail. */
function writeAliasTag(w: ByteWriter, tag: Cons & { readonly tail: Ref }): void {
  w.u8(T.LIST_EXT);
  w.u32(1);
  writeAtom(w, ALIAS);
  writeRef(w, tag.tail);
}

/**
 * The two messages of every GenServer.call between nodes, their envelopes written in place:
 * the request `{:"$gen_call", {pid, [:alias | ref]}, request}` and the reply
 * `{[:alias | ref], reply}`; the request or reply itself, whatever it is, by encodeInto. The
 * bytes are the generic loop's. False (nothing written) for any other shape.
 */
function writeGenMessage(w: ByteWriter, t: Tuple, opts: EncodeOptions): boolean {
  const el = t.elements;
  if (el.length === 2) {
    const tag = el[0] as Term;
    if (!isAliasTag(tag)) return false;
    w.u8(T.SMALL_TUPLE_EXT);
    w.u8(2);
    writeAliasTag(w, tag);
    encodeInto(w, el[1] as Term, opts);
    return true;
  }
  if (el.length !== 3 || el[0] !== GEN_CALL) return false;
  const from = el[1] as Term;
  if (typeof from !== 'object' || from.kind !== 'tuple' || from.elements.length !== 2) return false;
  const pid = from.elements[0] as Term;
  const tag = from.elements[1] as Term;
  if (typeof pid !== 'object' || pid.kind !== 'pid' || !isAliasTag(tag)) return false;
  w.u8(T.SMALL_TUPLE_EXT);
  w.u8(3);
  writeAtom(w, GEN_CALL);
  w.u8(T.SMALL_TUPLE_EXT);
  w.u8(2);
  writePid(w, pid);
  writeAliasTag(w, tag);
  encodeInto(w, el[2] as Term, opts);
  return true;
}

/**
 * Each atom's whole encoding (tag, length, UTF-8 name), made once: atoms are interned and a
 * message names the same few (node names in every pid, tags) over and over, and TextEncoder per
 * atom was the encoder's largest cost. A pure memo of a pure function, not per-node state; it
 * grows with the atom table, which never shrinks either.
 */
const atomBytes = new Map<Atom, Uint8Array>();

export function writeAtom(w: ByteWriter, a: Atom): void {
  if (w.atomRefs !== null) {
    const i = w.atomRefs.ref(a);
    if (i >= 0) {
      w.u8(T.ATOM_CACHE_REF);
      w.u8(i);
      return;
    }
  }
  if (w.latin1Atoms && isLatin1(a.name)) return writeLatin1Atom(w, a);
  w.bytes(atomBytes.get(a) ?? encodeAtom(a));
}

/** An atom's UTF-8 name (a view of its memoised encoding); throws EtfEncodeError past 255 characters. */
export function atomText(a: Atom): Uint8Array {
  const enc = atomBytes.get(a) ?? encodeAtom(a);
  return enc.subarray(enc[0] === T.SMALL_ATOM_UTF8_EXT ? 2 : 3);
}

function isLatin1(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0xff) return false;
  return true;
}

function writeLatin1Atom(w: ByteWriter, a: Atom): void {
  w.u8(T.ATOM_EXT);
  w.u16(a.name.length);
  for (let i = 0; i < a.name.length; i++) w.u8(a.name.charCodeAt(i));
}

/** `:erlang.term_to_binary/1` as OTP 25 writes it (minor version 1: Latin-1 atoms as ATOM_EXT). */
export function termToBinary(term: Term): Uint8Array {
  const w = new ByteWriter();
  w.latin1Atoms = true;
  w.u8(T.VERSION);
  encodeInto(w, term);
  return w.finish();
}

function encodeAtom(a: Atom): Uint8Array {
  const name = utf8.encode(a.name);
  // Count code points only when the byte length could exceed the limit.
  if (name.length > T.MAX_ATOM_CHARS && [...a.name].length > T.MAX_ATOM_CHARS) {
    throw new EtfEncodeError(`atom too long (${[...a.name].length} characters)`);
  }
  const small = name.length <= 255;
  const out = new Uint8Array(name.length + (small ? 2 : 3));
  if (small) {
    out[0] = T.SMALL_ATOM_UTF8_EXT;
    out[1] = name.length;
  } else {
    out[0] = T.ATOM_UTF8_EXT;
    out[1] = name.length >> 8;
    out[2] = name.length & 0xff;
  }
  out.set(name, out.length - name.length);
  atomBytes.set(a, out);
  return out;
}

export function writeInteger(w: ByteWriter, n: number | bigint): void {
  if (n >= 0 && n <= 255) { w.u8(T.SMALL_INTEGER_EXT); w.u8(Number(n)); return; }
  if (n >= -2147483648 && n <= 2147483647) { w.u8(T.INTEGER_EXT); w.i32(Number(n)); return; }
  const big = BigInt(n);
  const digits = magnitudeBytes(big);
  // No BEAM node holds it, and every peer's decoder refuses it.
  if (digits.length > MAX_BIG_DIGITS) throw new EtfEncodeError(`integer of ${digits.length} bytes exceeds the system limit of ${MAX_BIG_DIGITS} bytes`);
  if (digits.length <= 255) { w.u8(T.SMALL_BIG_EXT); w.u8(digits.length); }
  else { w.u8(T.LARGE_BIG_EXT); w.u32(digits.length); }
  w.u8(big < 0n ? 1 : 0);
  w.bytes(digits);
}

export function writePid(w: ByteWriter, p: Pid): void {
  w.u8(T.NEW_PID_EXT);
  writeAtom(w, p.node);
  w.u32(p.id);
  w.u32(p.serial);
  w.u32(p.creation);
}

export function writeRef(w: ByteWriter, r: Ref): void {
  w.u8(T.NEWER_REFERENCE_EXT);
  w.u16(r.ids.length);
  writeAtom(w, r.node);
  w.u32(r.creation);
  for (const id of r.ids) w.u32(id);
}

/** A proper list of 0..255 integers up to 65535 long is a STRING_EXT, as BEAM writes it. */
function pushList(w: ByteWriter, head: Term, stack: (Term | SizePatch)[]): void {
  const items: Term[] = [];
  let t: Term = head;
  while (typeof t === 'object' && t.kind === 'cons') {
    items.push(t.head);
    t = t.tail;
  }
  const isBytes = (x: Term): boolean => typeof x === 'number' && x >= 0 && x <= 255;
  if (typeof t === 'object' && t.kind === 'nil' && items.length <= 0xffff && items.every(isBytes)) {
    w.u8(T.STRING_EXT);
    w.u16(items.length);
    for (const b of items) w.u8(b as number);
    return;
  }
  w.u8(T.LIST_EXT);
  w.u32(items.length);
  stack.push(t);
  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as Term);
}

function pushFun(w: ByteWriter, f: Fun, stack: (Term | SizePatch)[], opts: EncodeOptions): void {
  if (f.info.type === 'export') {
    w.u8(T.EXPORT_EXT);
    writeAtom(w, f.info.module);
    writeAtom(w, f.info.name);
    writeInteger(w, f.arity);
    return;
  }
  const wire = opts.hooks?.funToTerms?.(f) ?? {
    module: f.info.module, index: f.info.index, uniq: f.info.uniq, freeVars: [],
  };
  w.u8(T.NEW_FUN_EXT);
  const sizeAt = w.length;
  w.u32(0); // Size, patched after the free variables
  w.u8(f.arity);
  if (wire.md5 !== undefined && wire.md5.length === 16) for (const b of wire.md5) w.u8(b);
  else {
    w.u32(wire.uniq);
    for (let i = 0; i < 12; i++) w.u8(0);
  }
  w.u32(wire.index);
  w.u32(wire.freeVars.length);
  writeAtom(w, wire.module);
  writeInteger(w, wire.index);
  writeInteger(w, wire.uniq);
  writePid(w, wire.pid ?? opts.funPid ?? NO_PID);
  stack.push(new SizePatch(sizeAt));
  for (let i = wire.freeVars.length - 1; i >= 0; i--) stack.push(wire.freeVars[i] as Term);
}
