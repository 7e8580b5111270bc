/**
 * List.myers_difference/2 and String.myers_difference/2: Myers' shortest edit script, with the
 * tie-breaks and the final merging Elixir 1.14 applies, so the script is the one iex prints
 * (a shortest script is not unique: which edit goes first is the implementation's choice).
 * Strings are compared grapheme by grapheme.
 */
import { atom, Tuple, type Term } from '../../term/types.ts';
import { strictEquals } from '../../term/equality.ts';
import { at, defineBifs } from './define.ts';
import { functionClause } from './errors.ts';
import { fromArray } from './enumerable.ts';
import { properList } from './lists.ts';
import { bin, graphemes, needText } from './text.ts';
import { isList } from './values.ts';

type Kind = 'eq' | 'ins' | 'del';
/** The edits so far, newest first (shared between paths, as the lists are in Elixir). */
type Edits = { kind: Kind; item: Term; older: Edits } | null;
/** A furthest-reaching path on one diagonal: `downs` counts its moves down (deletions, even past the end of `a`). */
interface Path { downs: number; i: number; j: number; edits: Edits }

export function myersDifference(a: readonly Term[], b: readonly Term[]): [Kind, Term[]][] {
  let paths: Path[] = [{ downs: 0, i: 0, j: 0, edits: null }];
  const down = (p: Path): Path => (p.i < a.length ? { downs: p.downs + 1, i: p.i + 1, j: p.j, edits: { kind: 'del', item: a[p.i] as Term, older: p.edits } } : { ...p, downs: p.downs + 1 });
  const right = (p: Path): Path => (p.j < b.length ? { ...p, j: p.j + 1, edits: { kind: 'ins', item: b[p.j] as Term, older: p.edits } } : p);
  for (let d = 0; ; d++) {
    const next: Path[] = [];
    let from = 0;
    for (let k = -d; k <= d; k += 2) {
      let p: Path;
      if (d === 0) p = paths[0] as Path;
      else if (k === -d) p = down(paths[from] as Path);
      else if (k === d) p = right(paths[from] as Path);
      else {
        const [left, upper] = [paths[from] as Path, paths[from + 1] as Path];
        // The path further down goes right; on a tie the other one goes down.
        p = left.downs > upper.downs ? right(left) : down(upper);
        from++;
      }
      let { downs, i, j, edits } = p;
      while (i < a.length && j < b.length && strictEquals(a[i] as Term, b[j] as Term)) {
        edits = { kind: 'eq', item: a[i] as Term, older: edits };
        downs++;
        i++;
        j++;
      }
      if (i === a.length && j === b.length) return compact(edits);
      next.push({ downs, i, j, edits });
    }
    paths = next;
  }
}

/**
 * Runs of one kind become one group, oldest first. Where an insertion sits between two equal
 * runs and repeats the first of them (`eq X, ins X, eq Y`), the script says `ins X, eq X ++ Y`.
 */
function compact(edits: Edits): [Kind, Term[]][] {
  const groups: [Kind, Term[]][] = [];
  for (let e = edits; e !== null; ) {
    const first = groups[0];
    if (first !== undefined && first[0] === e.kind) {
      first[1].unshift(e.item);
      e = e.older;
      continue;
    }
    const [g0, g1, g2] = groups;
    if (g0?.[0] === 'eq' && g1?.[0] === 'ins' && g2?.[0] === 'eq' && sameItems(g0[1], g1[1])) {
      groups.splice(0, 3, ['ins', g1[1]], ['eq', [...g0[1], ...g2[1]]]);
      continue;
    }
    groups.unshift([e.kind, [e.item]]);
    e = e.older;
  }
  return groups;
}

function sameItems(x: readonly Term[], y: readonly Term[]): boolean {
  return x.length === y.length && x.every((t, i) => strictEquals(t, y[i] as Term));
}

function script(groups: [Kind, Term[]][], value: (items: Term[]) => Term): Term {
  return fromArray(groups.map(([kind, items]) => new Tuple([atom(kind), value(items)])));
}

/** The clause iex lists for a failed call, each failing guard between dashes. */
function clause(type: 'list' | 'binary', ok1: boolean, ok2: boolean): string {
  const name = type === 'list' ? 'list' : 'string';
  const guard = (ok: boolean, n: number) => (ok ? `is_${type}(${name}${n})` : `-is_${type}(${name}${n})-`);
  return `def myers_difference(${name}1, ${name}2) when ${guard(ok1, 1)} and ${guard(ok2, 2)}`;
}

export const myersBifs = [
  ...defineBifs('Elixir.List', {
    'myers_difference/2': (a) => {
      const [x, y] = [at(a, 0), at(a, 1)];
      if (!isList(x) || !isList(y)) return functionClause('List', 'myers_difference', 2, [x, y], [clause('list', isList(x), isList(y))]);
      return script(myersDifference(properList(x, 'myers_difference', 2, 'Elixir.List'), properList(y, 'myers_difference', 2, 'Elixir.List')), fromArray);
    },
  }),
  ...defineBifs('Elixir.String', {
    'myers_difference/2': (a) => {
      const isText = (t: Term) => typeof t === 'object' && t.kind === 'binary';
      if (!isText(at(a, 0)) || !isText(at(a, 1))) return functionClause('String', 'myers_difference', 2, [at(a, 0), at(a, 1)], [clause('binary', isText(at(a, 0)), isText(at(a, 1)))]);
      const [x, y] = [at(a, 0), at(a, 1)].map((s) => graphemes(needText(s, 'myers_difference', 2)).map(bin));
      return script(myersDifference(x as Term[], y as Term[]), (items) => bin(items.map((g) => needText(g, 'myers_difference', 2)).join('')));
    },
  }),
];
