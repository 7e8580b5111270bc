/** List helpers. Lists are Cons chains; every walk here is a loop (lists can be very long). */
import { Cons, NIL, type Term } from './types.ts';

/** The elements of a list and its tail: `NIL` for a proper list, anything else if improper. */
export function listToArray(t: Term): { items: Term[]; tail: Term } {
  const items: Term[] = [];
  while (typeof t === 'object' && t.kind === 'cons') {
    items.push(t.head);
    t = t.tail;
  }
  return { items, tail: t };
}

export function arrayToList(items: readonly Term[], tail: Term = NIL): Term {
  let l: Term = tail;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i] as Term, l);
  return l;
}

export function isProperList(t: Term): boolean {
  while (typeof t === 'object' && t.kind === 'cons') t = t.tail;
  return t === NIL;
}

/** Length of a proper list, or -1 when `t` is not a proper list. */
export function listLength(t: Term): number {
  let n = 0;
  while (typeof t === 'object' && t.kind === 'cons') {
    n++;
    t = t.tail;
  }
  return t === NIL ? n : -1;
}
