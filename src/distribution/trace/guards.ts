/**
 * Type guards for decoding the tracing service's messages: each field of a received tuple may
 * be missing or of another type (a peer on another build, a hand-typed `send`), so they take
 * `undefined` too.
 */
import type { Atom, Pid, Ref, Term } from '../../core/term/types.ts';

export function isPid(t: Term | undefined): t is Pid {
  return typeof t === 'object' && t.kind === 'pid';
}
export function isRef(t: Term | undefined): t is Ref {
  return typeof t === 'object' && t.kind === 'ref';
}
export function isAtom(t: Term | undefined): t is Atom {
  return typeof t === 'object' && t.kind === 'atom';
}
