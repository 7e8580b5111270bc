/**
 * `:ets.select/3,1`, `match/3,1` and `match_object/3,1`: matches a chunk of `limit` at a time,
 * with a continuation to go on. BEAM's continuation is an opaque tuple of table internals; ours
 * names the walk (`{:"$ets_cont", kind, table, pattern_or_spec, last_key, limit, mark}`) and is checked
 * field by field when it comes back, so a forged or stale one is "invalid continuation", never a
 * crash. The walk goes on from the key after `last_key` (table.ts's first/next: key order for
 * ordered_set, the table's own order otherwise); a chunk ends after the key that filled it (a
 * bag's objects of one key come together), the last chunk with `:"$end_of_table"` as its
 * continuation. Walks trap every STEP keys, as the whole-table walks do.
 */
import { atom, list, Tuple, type Atom, type Term } from '../../term/types.ts';
import type { BifContext } from '../builtins.ts';
import { at } from '../stdlib/define.ts';
import { badarg } from '../stdlib/errors.ts';
import { STEP, walk } from '../stdlib/walk.ts';
import { boundList, depthOver, matchPattern, MatchSpec, MAX_DEPTH, type Bindings } from './match-spec.ts';
import type { EtsStore, Table } from './store.ts';

const END = atom('$end_of_table');
const CONT = atom('$ets_cont');
const NIL = atom('nil');
const KINDS: readonly string[] = ['select', 'match', 'match_object'];
type Kind = 'select' | 'match' | 'match_object';

/** What one object gives in the result of a walk of `kind` over `p` (a pattern, or a spec), or undefined. */
function picker(kind: Kind, p: Term, argIndex: number): ((o: Tuple, self: Term) => Term | undefined) | null {
  if (kind === 'select') {
    const s = MatchSpec.compile(p);
    if (s === null) return argIndex === 0 ? null : badarg(argIndex, 'not a valid match specification');
    return (o, self) => s.run(o, self as never);
  }
  if (depthOver(p, MAX_DEPTH)) return argIndex === 0 ? null : badarg(argIndex, 'not a valid match pattern');
  return (o) => {
    const b: Bindings = [];
    if (!matchPattern(p, o, b)) return undefined;
    return kind === 'match' ? boundList(b) : o;
  };
}

function chunk(ctx: BifContext, t: Table, kind: Kind, p: Term, pick: (o: Tuple, self: Term) => Term | undefined, after: Term | null, mark: number | null, limit: number): Term {
  return walk(
    ctx,
    (function* () {
      const out: Term[] = [];
      let key: Term | null | undefined = after === null ? t.objects.first() : mark !== null ? t.objects.afterMark(mark) : t.objects.next(after);
      let last: Term | null = null;
      for (let n = 1; key !== null && key !== undefined; n++) {
        if (n % STEP === 0) yield;
        for (const o of t.objects.lookup(key)) {
          const r = pick(o, ctx.proc.self);
          if (r !== undefined) out.push(r);
        }
        last = key;
        if (out.length >= limit) break;
        key = t.objects.next(key);
      }
      const more = out.length >= limit && last !== null && t.objects.next(last) !== null;
      if (out.length === 0) return END;
      const place = last === null ? null : t.objects.mark(last);
      return new Tuple([list(out), more ? new Tuple([CONT, atom(kind), t.handle, p, last as Term, limit, place ?? NIL]) : END]);
    })(),
  );
}

/** select/3, match/3, match_object/3. */
export function firstChunk(store: EtsStore, ctx: BifContext, kind: Kind, a: readonly Term[]): Term {
  const t = store.resolve(at(a, 0), ctx.proc.self, false);
  if (typeof t === 'string') return badarg(1, t === 'badtype' ? 'not an atom or a table identifier' : t === 'missing' ? 'the table identifier does not refer to an existing ETS table' : 'the table identifier refers to an ETS table with insufficient access rights');
  const p = at(a, 1);
  const pick = picker(kind, p, 2) as NonNullable<ReturnType<typeof picker>>;
  const limit = at(a, 2);
  if (typeof limit !== 'number' && typeof limit !== 'bigint') return badarg(3, 'not an integer');
  if (limit < 1 || limit > 0x7ffffff) return badarg(3, 'out of range');
  return chunk(ctx, t, kind, p, pick, null, null, Number(limit));
}

/** select/1, match/1, match_object/1: the next chunk of a continuation. */
export function nextChunk(store: EtsStore, ctx: BifContext, kind: Kind, a: readonly Term[]): Term {
  const c = at(a, 0);
  if (c === END) return END;
  const invalid = (): never => badarg(1, 'invalid continuation');
  if (typeof c !== 'object' || c.kind !== 'tuple' || c.elements.length !== 7 || c.elements[0] !== CONT) return invalid();
  const [, k, handle, p, last, limit, mark] = c.elements as [Term, Term, Term, Term, Term, Term, Term];
  if (k !== atom(kind) || !KINDS.includes((k as Atom).name) || typeof limit !== 'number' || limit < 1 || limit > 0x7ffffff) return invalid();
  if (mark !== NIL && !(typeof mark === 'number' && Number.isSafeInteger(mark) && mark >= 0)) return invalid();
  const t = store.resolve(handle, ctx.proc.self, false);
  if (typeof t === 'string') return invalid();
  const pick = picker(kind, p, 0);
  if (pick === null) return invalid();
  return chunk(ctx, t, kind, p, pick, last, mark === NIL ? null : (mark as number), limit);
}
