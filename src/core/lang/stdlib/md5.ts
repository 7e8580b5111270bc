/**
 * `:erlang.md5/1`, as BEAM's: the 16-byte MD5 digest of iodata. It traps (BEAM's md5 yields too):
 * a 10 MB binary is hashed STEP_BYTES at a time, so the other processes of the node run between.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { Binary, type Term } from '../../term/types.ts';
import type { BifContext } from '../builtins.ts';
import { at, defineBifs } from './define.ts';
import { badarg } from './errors.ts';
import { iolistBytes } from './erlang.ts';
import { isBinary } from './values.ts';
import { REDS_PER_STEP } from './walk.ts';

// A control BIF: it traps (builtins.ts).
/** Bytes hashed between two traps (about a walk's STEP of work: well under a millisecond). */
const STEP_BYTES = 64 * 1024;

type Hash = ReturnType<typeof md5.create>;

export const md5Bifs = defineBifs(
  'erlang',
  {
    'md5/1': (a, ctx) => hashFrom(ctx, md5.create(), iodataBytes(at(a, 0)), 0),
  },
  true,
);

function iodataBytes(t: Term): Uint8Array {
  if (isBinary(t)) return t.bytes;
  if (typeof t !== 'object' || (t.kind !== 'cons' && t.kind !== 'nil')) return badarg(1, 'not an iodata term');
  try {
    return iolistBytes(t);
  } catch {
    return badarg(1, 'not an iodata term');
  }
}

function hashFrom(ctx: BifContext, h: Hash, bytes: Uint8Array, from: number): Term {
  const end = Math.min(bytes.length, from + STEP_BYTES);
  h.update(bytes.subarray(from, end));
  if (end === bytes.length) return Binary.fromBytes(h.digest());
  return ctx.trap(REDS_PER_STEP, () => hashFrom(ctx, h, bytes, end));
}
