/**
 * Elixir's Map module (pure functions). Map.update/4, update!/3, filter/2, reject/2, new/2,
 * get_lazy/3, put_new_lazy/3 take funs and live in prelude/collections.ts.
 */
import { atom, bool, ERROR, NIL_ATOM, OK, Tuple, type MapTerm, type Term } from '../../term/types.ts';
import { strictEquals } from '../../term/equality.ts';
import { mapDelete, mapFromPairs, mapGet, mapHas, mapKeys, mapPairs, mapPut, mapPutMany, mapValues } from '../../term/map.ts';
import { at, defineBifs } from './define.ts';
import { badMap, keyError } from './errors.ts';
import { enumToArray, fromArray } from './enumerable.ts';
import { forEach, walk, type Walk } from './walk.ts';
import { argumentError } from '../errors.ts';

export function needMap(t: Term): MapTerm {
  return typeof t === 'object' && t.kind === 'map' ? t : badMap(t);
}

/** `{k, v}` pairs of an enumerable of 2-tuples (Map.new/1, Enum.into/2): ArgumentError otherwise. */
export function* pairsOfEnum(e: Term): Walk<(readonly [Term, Term])[]> {
  const pairs: (readonly [Term, Term])[] = [];
  yield* forEach(e, (p) => {
    if (typeof p !== 'object' || p.kind !== 'tuple' || p.size !== 2) return argumentError();
    pairs.push([p.elements[0] as Term, p.elements[1] as Term]);
  });
  return pairs;
}

function take(m: MapTerm, keys: Term): MapTerm {
  const out: (readonly [Term, Term])[] = [];
  for (const k of enumToArray(keys)) {
    const v = mapGet(m, k);
    if (v !== undefined) out.push([k, v]);
  }
  return mapFromPairs(out);
}

function drop(m: MapTerm, keys: Term): MapTerm {
  for (const k of enumToArray(keys)) m = mapDelete(m, k);
  return m;
}

const STRUCT = atom('__struct__');

export const mapBifs = defineBifs('Elixir.Map', {
  'get/2': (a) => mapGet(needMap(at(a, 0)), at(a, 1)) ?? NIL_ATOM,
  'get/3': (a) => mapGet(needMap(at(a, 0)), at(a, 1)) ?? at(a, 2),
  'fetch/2': (a) => {
    const v = mapGet(needMap(at(a, 0)), at(a, 1));
    return v === undefined ? ERROR : new Tuple([OK, v]);
  },
  'fetch!/2': (a) => mapGet(needMap(at(a, 0)), at(a, 1)) ?? keyError(at(a, 1), at(a, 0)),
  'put/3': (a) => mapPut(needMap(at(a, 0)), at(a, 1), at(a, 2)),
  'put_new/3': (a) => {
    const m = needMap(at(a, 0));
    return mapHas(m, at(a, 1)) ? m : mapPut(m, at(a, 1), at(a, 2));
  },
  'replace/3': (a) => {
    const m = needMap(at(a, 0));
    return mapHas(m, at(a, 1)) ? mapPut(m, at(a, 1), at(a, 2)) : m;
  },
  'replace!/3': (a) => {
    const m = needMap(at(a, 0));
    return mapHas(m, at(a, 1)) ? mapPut(m, at(a, 1), at(a, 2)) : keyError(at(a, 1), m);
  },
  'delete/2': (a) => mapDelete(needMap(at(a, 0)), at(a, 1)),
  'has_key?/2': (a) => bool(mapHas(needMap(at(a, 0)), at(a, 1))),
  'keys/1': (a) => fromArray(mapKeys(needMap(at(a, 0)))),
  'values/1': (a) => fromArray(mapValues(needMap(at(a, 0)))),
  'to_list/1': (a) => fromArray(mapPairs(needMap(at(a, 0))).map(([k, v]) => new Tuple([k, v]))),
  'merge/2': (a) => mapPutMany(needMap(at(a, 0)), mapPairs(needMap(at(a, 1)))),
  'new/0': () => mapFromPairs([]),
  'take/2': (a) => take(needMap(at(a, 0)), at(a, 1)),
  'drop/2': (a) => drop(needMap(at(a, 0)), at(a, 1)),
  'split/2': (a) => {
    const m = needMap(at(a, 0));
    return new Tuple([take(m, at(a, 1)), drop(m, at(a, 1))]);
  },
  'pop/2': (a) => pop(at(a, 0), at(a, 1), NIL_ATOM),
  'pop/3': (a) => pop(at(a, 0), at(a, 1), at(a, 2)),
  'equal?/2': (a) => bool(equalsExact(needMap(at(a, 0)), needMap(at(a, 1)))),
  'from_struct/1': (a) => mapDelete(needMap(at(a, 0)), STRUCT),
});

function pop(mt: Term, k: Term, dflt: Term): Term {
  const m = needMap(mt);
  const v = mapGet(m, k);
  return v === undefined ? new Tuple([dflt, m]) : new Tuple([v, mapDelete(m, k)]);
}

/** Map.equal?/2 is `===` on maps: values compared exactly (`%{a: 1}` vs `%{a: 1.0}` is false). */
function equalsExact(a: MapTerm, b: MapTerm): boolean {
  return strictEquals(a, b);
}

/** Map.new/1 walks its input (walk.ts), so it is `control` (never inlined). */
export const mapWalkBifs = defineBifs(
  'Elixir.Map',
  {
    'new/1': (a, ctx) => {
      const e = at(a, 0);
      if (typeof e === 'object' && e.kind === 'map' && !mapHas(e, STRUCT)) return e;
      return walk(ctx, (function* () {
        return mapFromPairs(yield* pairsOfEnum(e));
      })());
    },
  },
  true,
);
