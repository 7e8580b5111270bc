/** The start of a control tuple the fast writers share: `{Op, ` of an `arity`-tuple (SMALL_TUPLE_EXT, SMALL_INTEGER_EXT Op). */
import * as T from './tags.ts';
import type { ByteWriter } from './writer.ts';

export function writeControlHead(w: ByteWriter, arity: number, op: number): void {
  w.u8(T.SMALL_TUPLE_EXT);
  w.u8(arity);
  w.u8(T.SMALL_INTEGER_EXT);
  w.u8(op);
}
