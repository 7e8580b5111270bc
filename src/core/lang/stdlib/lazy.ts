/**
 * Enum's TS BIFs given a lazy enumerable: a stream (`%Stream{}`, a 2-arity fun) or another
 * struct (which only the Enumerable protocol can walk). TS cannot run the stream's Elixir
 * stages, so such a call continues in `Stream.__enum__/3` (prelude/stream.ts), which stops
 * early where Enum does (take, at, member?, zip...) and otherwise reduces the stream to a list
 * and calls the BIF again on it. Lists, ranges and maps never leave the BIF.
 */
import { atom, Cons, NIL, type Term } from '../../term/types.ts';
import { mapGet } from '../../term/map.ts';
import type { Bif } from '../builtins.ts';
import { rangeParts } from './enumerable.ts';

const STRUCT = atom('__struct__');
const STREAM = atom('Elixir.Stream');
const ENUM = atom('__enum__');

/** A stream, a 2-arity fun, or a struct other than a range. */
export function isLazy(t: Term): boolean {
  if (typeof t !== 'object') return false;
  if (t.kind === 'fun') return t.arity === 2;
  return t.kind === 'map' && mapGet(t, STRUCT) !== undefined && rangeParts(t) === null;
}

/** Does a list (of enumerables, as zip/1 and concat/1 take) hold a lazy one? */
function holdsLazy(t: Term): boolean {
  for (let l = t, n = 0; typeof l === 'object' && l.kind === 'cons' && n < 1000; l = l.tail, n++) if (isLazy(l.head)) return true;
  return false;
}

function argList(a: readonly Term[]): Term {
  let l: Term = NIL;
  for (let i = a.length - 1; i >= 0; i--) l = new Cons(a[i] as Term, l);
  return l;
}

/** Which arguments may be lazy: the first, except for these. */
const LAZY_ARGS: Record<string, (a: readonly Term[]) => boolean> = {
  'zip/1': (a) => holdsLazy(a[0] as Term),
  'concat/1': (a) => holdsLazy(a[0] as Term),
  'zip/2': (a) => isLazy(a[0] as Term) || isLazy(a[1] as Term),
  'concat/2': (a) => isLazy(a[0] as Term) || isLazy(a[1] as Term),
};

/**
 * The BIFs with lazy enumerables sent to `Stream.__enum__(module, name, args)`. Each becomes a
 * control BIF (it may tail-call) and keeps its `small` version for the inputs that are not lazy.
 */
export function acceptingStreams(bifs: readonly Bif[], only?: readonly string[]): Bif[] {
  return bifs.map((b) => {
    const key = `${b.name}/${b.arity}`;
    if (b.arity === 0 || (only !== undefined && !only.includes(key))) return b;
    const lazy = LAZY_ARGS[key] ?? ((a: readonly Term[]) => isLazy(a[0] as Term));
    const mod = atom(b.module);
    const name = atom(b.name);
    const orig = b.fn;
    // An inline BIF that takes a lazy enumerable becomes a VM call (its body has no ctx to inline with).
    const small = b.small;
    const wrapped: Bif = {
      ...b,
      control: true,
      fn: (a, ctx) => (lazy(a) ? ctx.tailCallMfa(STREAM, ENUM, [mod, name, argList(a)]) : orig(a, ctx)),
      ...(small === undefined ? {} : { small: (a: readonly Term[]) => (lazy(a) ? undefined : small(a)) }),
    };
    return wrapped;
  });
}

const TO_LIST = atom('__to_list__');

/**
 * `Stream.__for__/1`: what a `for` generator walks (for-options.ts wraps each source in it).
 * Lists, ranges and maps pass inline; a lazy enumerable is reduced to its list.
 */
export const streamBifs: Bif[] = [
  {
    module: 'Elixir.Stream',
    name: '__for__',
    arity: 1,
    control: true,
    fn: (a, ctx) => (isLazy(a[0] as Term) ? ctx.tailCallMfa(STREAM, TO_LIST, [a[0] as Term]) : (a[0] as Term)),
    small: (a) => (isLazy(a[0] as Term) ? undefined : a[0]),
  },
];
