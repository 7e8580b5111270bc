/**
 * Decoders for the terms that contain no nested arbitrary terms: numbers, atoms, binaries,
 * strings, pids, ports, refs, export funs, and NEW_FUN_EXT's fixed header. Each reads through
 * the bounds-checked ByteReader; decode.ts drives the containers.
 */
import {
  Binary, Float, Fun, NIL, Pid, Port, Ref, list, tryAtom, normInt, type Atom, type Term,
} from '../../core/term/types.ts';
import { bitsOf } from '../../core/term/bits.ts';
import { MAX_BIG_DIGITS, fromMagnitude } from './bigint.ts';
import type { ByteReader } from './reader.ts';
import * as T from './tags.ts';

/**
 * Recently decoded atoms by their bytes: a direct-mapped cache, so the node names in every pid
 * and the tags in every message become atoms without making a string and looking it up in the
 * atom table each time. A pure memo (same bytes, same atom), not per-node state.
 */
const CACHE_SIZE = 256;
const cachedBytes: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(CACHE_SIZE);
const cachedAtoms: (Atom | undefined)[] = new Array<Atom | undefined>(CACHE_SIZE);

function readUtf8Atom(r: ByteReader, n: number): Atom {
  r.need(n);
  const b = r.bytes;
  const p = r.pos;
  if (n === 0 || n > 64) return dataAtom(r, r.utf8(n));
  const slot = (n * 31 + (b[p] as number) * 7 + (b[p + n - 1] as number) * 3 + (b[p + (n >> 1)] as number)) & (CACHE_SIZE - 1);
  const known = cachedBytes[slot];
  if (known !== undefined && known.length === n) {
    let i = 0;
    while (i < n && known[i] === b[p + i]) i++;
    if (i === n) {
      r.pos = p + n;
      return cachedAtoms[slot] as Atom;
    }
  }
  const a = dataAtom(r, r.utf8(n)); // validates the UTF-8 (fails on bad bytes, nothing cached)
  cachedBytes[slot] = b.slice(p, p + n);
  cachedAtoms[slot] = a;
  return a;
}

export function readAtomBody(r: ByteReader, tag: number): Atom {
  let name: string;
  switch (tag) {
    case T.SMALL_ATOM_UTF8_EXT: return readUtf8Atom(r, r.u8());
    case T.ATOM_UTF8_EXT: name = r.utf8(r.u16()); break;
    case T.SMALL_ATOM_EXT: name = r.latin1(r.u8()); break;
    case T.ATOM_EXT: name = r.latin1(r.u16()); break;
    case T.ATOM_CACHE_REF: {
      const refs = r.atomRefs;
      if (refs === null) return r.fail('atom cache references are not supported');
      const i = r.u8();
      return refs[i] ?? r.fail(`atom cache reference ${i} out of range (the header has ${refs.length})`);
    }
    default: return r.fail(`expected an atom, got tag ${tag} at offset ${r.pos - 1}`);
  }
  // Byte length bounds the character count; count code points only when it might exceed.
  if (name.length > T.MAX_ATOM_CHARS && [...name].length > T.MAX_ATOM_CHARS) r.fail('atom longer than 255 characters');
  return dataAtom(r, name);
}

/** A peer's atom counts against the atom table's limit (types.ts): past it, the packet is refused. */
function dataAtom(r: ByteReader, name: string): Atom {
  return tryAtom(name) ?? r.fail('the atom table is full (system_limit)');
}

export function readAtom(r: ByteReader): Atom {
  return readAtomBody(r, r.u8());
}

/** An integer written as SMALL_INTEGER_EXT or INTEGER_EXT (fun indexes, export arity). */
export function readSmallInt(r: ByteReader): number {
  const tag = r.u8();
  if (tag === T.SMALL_INTEGER_EXT) return r.u8();
  if (tag === T.INTEGER_EXT) return r.i32();
  return r.fail(`expected a small integer, got tag ${tag} at offset ${r.pos - 1}`);
}

export function readPid(r: ByteReader): Pid {
  const tag = r.u8();
  if (tag !== T.NEW_PID_EXT && tag !== T.PID_EXT) r.fail(`expected a pid, got tag ${tag} at offset ${r.pos - 1}`);
  return readPidBody(r, tag);
}

function readPidBody(r: ByteReader, tag: number): Pid {
  const node = readAtom(r);
  const id = r.u32();
  const serial = r.u32();
  const creation = tag === T.NEW_PID_EXT ? r.u32() : r.u8();
  return new Pid(node, id, serial, creation);
}

function readBig(r: ByteReader, n: number): number | bigint {
  // BEAM's limit (binary_to_term: badarg), checked before converting anything.
  if (n > MAX_BIG_DIGITS) r.fail(`integer of ${n} bytes exceeds the system limit of ${MAX_BIG_DIGITS} bytes`);
  r.need(n + 1); // sign byte + digits, checked before slicing
  const sign = r.u8();
  if (sign > 1) r.fail(`bad bignum sign byte ${sign}`);
  return normInt(fromMagnitude(r.take(n), sign === 1));
}

/** Every tag that is not a container, or undefined when `tag` is a container or unknown. */
export function readLeaf(r: ByteReader, tag: number): Term | undefined {
  switch (tag) {
    case T.SMALL_INTEGER_EXT: return r.u8();
    case T.INTEGER_EXT: return r.i32();
    case T.SMALL_BIG_EXT: return readBig(r, r.u8());
    case T.LARGE_BIG_EXT: return readBig(r, r.u32());
    case T.NEW_FLOAT_EXT: return checkFloat(r, r.f64());
    case T.FLOAT_EXT: return checkFloat(r, parseFloat(r.latin1(31).replace(/\0+$/, '')));
    case T.SMALL_ATOM_UTF8_EXT: case T.ATOM_UTF8_EXT: case T.SMALL_ATOM_EXT: case T.ATOM_EXT: case T.ATOM_CACHE_REF:
      return readAtomBody(r, tag);
    case T.NIL_EXT: return NIL;
    case T.STRING_EXT: {
      const bytes = r.take(r.u16());
      return list(Array.from(bytes));
    }
    case T.BINARY_EXT: {
      const bytes = r.take(r.u32());
      return Binary.fromBytes(bytes.length >= r.viewFrom() ? bytes : bytes.slice());
    }
    case T.BIT_BINARY_EXT: {
      const len = r.u32();
      const bits = r.u8();
      const data = r.take(len);
      // As OTP 25 decodes: no bytes needs 0 bits, else 1..8 bits of the last byte are used (its
      // unused low bits are cleared, so <<131,77,0,0,0,1,3,255>> is <<7:3>>).
      if (len === 0 ? bits !== 0 : bits < 1 || bits > 8) return r.fail(`bad bit count ${bits} in a bitstring of ${len} bytes`);
      return bitsOf(data.slice(), len === 0 ? 0 : (len - 1) * 8 + bits);
    }
    case T.NEW_PID_EXT: case T.PID_EXT: return readPidBody(r, tag);
    case T.NEW_PORT_EXT: case T.PORT_EXT: case T.V4_PORT_EXT: {
      const node = readAtom(r);
      const id = tag === T.V4_PORT_EXT ? r.u64() : r.u32();
      if (typeof id === 'bigint' && id > BigInt(Number.MAX_SAFE_INTEGER)) r.fail('port id too large');
      const creation = tag === T.PORT_EXT ? r.u8() : r.u32();
      return new Port(node, Number(id), creation);
    }
    case T.NEWER_REFERENCE_EXT: case T.NEW_REFERENCE_EXT: {
      const len = r.u16();
      if (len < 1 || len > 5) r.fail(`reference with ${len} id words`);
      const node = readAtom(r);
      const creation = tag === T.NEWER_REFERENCE_EXT ? r.u32() : r.u8();
      // Our refs have 3 words: an array of exactly 3 (a growing one reserved 17 slots per ref,
      // and a GenServer.call decodes five refs).
      const ids: number[] = len === 3 ? [r.u32(), r.u32(), r.u32()] : [];
      if (len !== 3) for (let i = 0; i < len; i++) ids.push(r.u32());
      return new Ref(node, creation, ids);
    }
    case T.REFERENCE_EXT: {
      const node = readAtom(r);
      const id = r.u32();
      return new Ref(node, r.u8(), [id]);
    }
    case T.EXPORT_EXT: {
      const module = readAtom(r);
      const name = readAtom(r);
      const arity = readSmallInt(r);
      if (arity < 0 || arity > 255) r.fail(`bad export fun arity ${arity}`);
      return new Fun(arity, { type: 'export', module, name }, null, null);
    }
    default: return undefined;
  }
}

function checkFloat(r: ByteReader, v: number): Float {
  if (!Number.isFinite(v)) r.fail('float is NaN or infinite');
  return new Float(v);
}

/** NEW_FUN_EXT up to (not including) its free variables. */
export interface FunHeader {
  readonly end: number;
  readonly arity: number;
  readonly md5: Uint8Array;
  readonly index: number;
  readonly numFree: number;
  readonly module: Atom;
  readonly uniq: number;
  readonly pid: Pid;
}

export function readFunHeader(r: ByteReader): FunHeader {
  const start = r.pos;
  const size = r.u32();
  r.need(size - 4); // Size counts itself
  const arity = r.u8();
  const md5 = r.take(16).slice();
  const index = r.u32();
  const numFree = r.u32();
  if (numFree > r.remaining) r.fail(`fun claims ${numFree} free variables, only ${r.remaining} bytes left`);
  const module = readAtom(r);
  readSmallInt(r); // OldIndex: same as Index for every OTP we talk to
  const uniq = readSmallInt(r);
  const pid = readPid(r);
  return { end: start + size, arity, md5, index, numFree, module, uniq, pid };
}
