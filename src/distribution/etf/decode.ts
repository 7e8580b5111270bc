/**
 * External Term Format -> Term, for untrusted bytes from another node. The decoder never throws:
 * every failure (truncation, unknown tag, a length field larger than what is left, nesting
 * beyond `maxDepth`, a bad UTF-8 atom) comes back as `{ ok: false, error }`. Containers are
 * decoded with an explicit stack of frames instead of recursion, and a list whose tail is
 * another LIST_EXT is folded into the same frame, so neither deep nesting nor long cons chains
 * can exhaust the JS stack. No array is sized by a length field before that length is checked
 * against the bytes remaining (each element takes at least one byte).
 */
import { Fun, Tuple, list, type Atom, type Term } from '../../core/term/types.ts';
import { readFunHeader, readLeaf, type FunHeader } from './decode-leaf.ts';
import type { FunHooks } from './fun-hooks.ts';
import { buildMap } from './map-build.ts';
import { ByteReader, DecodeFail, ViewReader } from './reader.ts';
import * as T from './tags.ts';

export interface DecodeOptions {
  /** Expect the 131 version byte first (default true; false inside a `131,68` dist header packet). */
  readonly versionByte?: boolean;
  readonly hooks?: FunHooks;
  /** Maximum container nesting (default 10,000). */
  readonly maxDepth?: number;
  /** Inflates a compressed term (131,80). Without it compressed terms are an error. */
  readonly inflate?: (deflated: Uint8Array, size: number) => Uint8Array | null;
  /** Largest uncompressed size accepted for a compressed term (default 64 MiB). */
  readonly maxInflatedSize?: number;
  /** The atoms of the packet's distribution header, which ATOM_CACHE_REF names (atom-cache.ts). */
  readonly atomRefs?: readonly Atom[];
  /**
   * Binaries of this many bytes or more become views of `bytes` instead of copies, as BEAM's
   * large binaries in a received message are sub-binaries of its buffer. Only for bytes nothing
   * writes again (a packet the link assembled in a buffer of its own); a view keeps the whole
   * buffer alive, hence only large ones.
   */
  readonly viewBinariesFrom?: number;
}

export type DecodeResult =
  | { readonly ok: true; readonly term: Term; readonly next: number }
  | { readonly ok: false; readonly error: string };

type Frame =
  | { readonly k: 'tuple' | 'map'; readonly n: number; readonly items: Term[] }
  /** n = elements + 1 (the tail); grows when the tail is itself a LIST_EXT. */
  | { readonly k: 'list'; n: number; readonly items: Term[] }
  | { readonly k: 'fun'; readonly n: number; readonly items: Term[]; readonly head: FunHeader };

export function decodeTerm(bytes: Uint8Array, offset = 0, opts: DecodeOptions = {}, end = bytes.length): DecodeResult {
  try {
    const r = opts.viewBinariesFrom === undefined ? new ByteReader(bytes, offset, end) : new ViewReader(bytes, offset, opts.viewBinariesFrom, end);
    if (opts.atomRefs !== undefined) r.atomRefs = opts.atomRefs;
    if (opts.versionByte !== false) {
      const v = r.u8();
      if (v !== T.VERSION) return { ok: false, error: `bad version byte ${v}` };
      if (r.peek() === T.COMPRESSED) return decodeCompressed(r, opts);
    }
    const term = decodeBody(r, opts);
    return { ok: true, term, next: r.pos };
  } catch (e) {
    if (e instanceof DecodeFail) return { ok: false, error: e.message };
    // A bug or a hook that threw: still an error value, never an exception.
    return { ok: false, error: `decode failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function decodeCompressed(r: ByteReader, opts: DecodeOptions): DecodeResult {
  r.u8();
  const size = r.u32();
  const max = opts.maxInflatedSize ?? 64 * 1024 * 1024;
  if (size > max) return { ok: false, error: `compressed term too large (${size} bytes)` };
  if (!opts.inflate) return { ok: false, error: 'compressed terms not supported' };
  const raw = opts.inflate(r.take(r.remaining), size);
  if (raw === null || raw.length !== size) return { ok: false, error: 'bad compressed term' };
  const inner = new ByteReader(raw, 0);
  const term = decodeBody(inner, opts);
  if (inner.remaining !== 0) return { ok: false, error: 'trailing bytes in compressed term' };
  return { ok: true, term, next: r.pos };
}

function decodeBody(r: ByteReader, opts: DecodeOptions): Term {
  const maxDepth = opts.maxDepth ?? 10_000;
  const stack: Frame[] = [];
  for (;;) {
    const top = stack[stack.length - 1];
    // Fold `[a | [b | ...]]` written as nested LIST_EXTs into one frame.
    if (top?.k === 'list') {
      while (top.items.length === top.n - 1 && r.peek() === T.LIST_EXT) {
        r.u8();
        const len = r.u32();
        if (len + 1 > r.remaining) r.fail(`list of ${len} elements exceeds remaining ${r.remaining} bytes`);
        top.n += len;
      }
    }
    const tag = r.u8();
    let value: Term | undefined = readLeaf(r, tag);
    if (value === undefined) {
      const frame = openFrame(r, tag);
      if (stack.length >= maxDepth) r.fail(`nesting deeper than ${maxDepth}`);
      stack.push(frame);
      if (frame.n > 0) continue;
      stack.pop();
      value = closeFrame(r, frame, opts);
    }
    // Hand the finished value up, closing every frame it completes.
    for (;;) {
      const parent = stack[stack.length - 1];
      if (parent === undefined) return value;
      parent.items.push(value);
      if (parent.items.length < parent.n) break;
      stack.pop();
      value = closeFrame(r, parent, opts);
    }
  }
}

/** `n` when `n` items of at least `perItem` bytes each fit in what is left (a top-level function: no closure per frame). */
function counted(r: ByteReader, n: number, perItem: number): number {
  if (n * perItem > r.remaining) r.fail(`container of ${n} elements exceeds remaining ${r.remaining} bytes at offset ${r.pos}`);
  return n;
}

function openFrame(r: ByteReader, tag: number): Frame {
  switch (tag) {
    case T.SMALL_TUPLE_EXT: return { k: 'tuple', n: counted(r, r.u8(), 1), items: [] };
    case T.LARGE_TUPLE_EXT: return { k: 'tuple', n: counted(r, r.u32(), 1), items: [] };
    case T.MAP_EXT: return { k: 'map', n: counted(r, r.u32(), 2) * 2, items: [] };
    case T.LIST_EXT: return { k: 'list', n: counted(r, r.u32() + 1, 1), items: [] };
    case T.NEW_FUN_EXT: {
      const head = readFunHeader(r);
      return { k: 'fun', n: head.numFree, items: [], head };
    }
    case T.FUN_EXT: return r.fail('old FUN_EXT funs are not supported');
    case T.VERSION: return r.fail(`unexpected version byte inside a term at offset ${r.pos - 1}`);
    default: return r.fail(`unknown tag ${tag} at offset ${r.pos - 1}`);
  }
}

function closeFrame(r: ByteReader, f: Frame, opts: DecodeOptions): Term {
  switch (f.k) {
    case 'tuple': return new Tuple(f.items);
    case 'list': {
      const tail = f.items.pop() as Term;
      return list(f.items, tail);
    }
    case 'map': {
      const pairs: (readonly [Term, Term])[] = [];
      for (let i = 0; i < f.items.length; i += 2) pairs.push([f.items[i] as Term, f.items[i + 1] as Term]);
      return buildMap(pairs) ?? r.fail('map with a duplicate key');
    }
    case 'fun': {
      const h = f.head;
      if (r.pos !== h.end) r.fail(`fun size field says ${h.end}, fun ended at ${r.pos}`);
      const hook = opts.hooks?.funFromTerms;
      // A fun with no free variables carries no payload of ours (a closure from a tab carries
      // three, an erl_eval fun its bindings): it is a compiled module's fun, such as the resolve
      // method `#Fun<global.0.…>` in every :global exchange from BEAM, and decodes as BEAM
      // decodes it: a fun this node can hold and send back.
      if (hook && f.items.length > 0) {
        const fun = hook({ arity: h.arity, module: h.module, index: h.index, uniq: h.uniq, md5: h.md5, pid: h.pid, freeVars: f.items });
        return typeof fun === 'string' ? r.fail(`bad fun payload: ${fun}`) : fun;
      }
      const info = { type: 'local', module: h.module, name: '', index: h.index, uniq: h.uniq } as const;
      return new Fun(h.arity, info, null, f.items);
    }
  }
}
