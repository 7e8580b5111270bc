/**
 * A port of the parts of Elixir's `Inspect.Algebra` that `inspect` uses (Wadler-style pretty
 * printing with Elixir's flex breaks), so pretty output breaks lines exactly where iex does.
 * `format` and `fits` run on explicit stacks: documents for long lists are deep.
 */

export type Doc = string | null | DocCons | DocNest | DocBreak | DocGroup;

interface DocCons {
  readonly t: 'cons';
  readonly left: Doc;
  readonly right: Doc;
}
interface DocNest {
  readonly t: 'nest';
  readonly doc: Doc;
  readonly indent: number;
}
interface DocBreak {
  readonly t: 'break';
  readonly s: string;
  readonly flex: boolean;
}
interface DocGroup {
  readonly t: 'group';
  readonly doc: Doc;
}

export const empty: Doc = null;

export function concat(left: Doc, right: Doc): Doc {
  return { t: 'cons', left, right };
}

export function concatAll(docs: readonly Doc[]): Doc {
  let d: Doc = null;
  for (let i = docs.length - 1; i >= 0; i--) d = d === null ? (docs[i] as Doc) : concat(docs[i] as Doc, d);
  return d;
}

export function nest(doc: Doc, indent: number): Doc {
  return indent === 0 ? doc : { t: 'nest', doc, indent };
}

export function breakDoc(s = ' '): Doc {
  return { t: 'break', s, flex: false };
}

export function flexBreak(s = ' '): Doc {
  return { t: 'break', s, flex: true };
}

export function glue(a: Doc, s: string, b: Doc): Doc {
  return concat(a, concat(breakDoc(s), b));
}

export function flexGlue(a: Doc, s: string, b: Doc): Doc {
  return concat(a, concat(flexBreak(s), b));
}

export function group(doc: Doc): Doc {
  return { t: 'group', doc };
}

/** `simple?` of container_doc: made only of strings (so the container may fill lines). */
export function isSimple(d: Doc): boolean {
  for (;;) {
    if (d === null || typeof d === 'string') return true;
    if (d.t !== 'cons') return false;
    if (!isSimple(d.left)) return false;
    d = d.right;
  }
}

/** Width of a string doc: Elixir counts binaries by byte size. */
function width(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2; // UTF-8 bytes
  }
  return n;
}

const FLAT = 0;
const BREAK = 1;
type Mode = typeof FLAT | typeof BREAK;

interface Entry {
  i: number;
  m: Mode;
  d: Doc;
}
/** Restores the "seen a break" flag when a group ends, inside `fits`. */
interface Tail {
  tail: boolean;
}

function fits(w: number, k: number, b: boolean, first: Entry | null, rest: readonly Entry[], restTop: number): boolean {
  const local: (Entry | Tail)[] = first === null ? [] : [first];
  let r = restTop;
  for (;;) {
    if (k > w && b) return false;
    let e: Entry | Tail;
    if (local.length > 0) e = local.pop() as Entry | Tail;
    else if (r >= 0) e = rest[r--] as Entry;
    else return true;
    if ('tail' in e) {
      b = e.tail;
      continue;
    }
    const d = e.d;
    if (d === null) continue;
    if (typeof d === 'string') {
      k += width(d);
      continue;
    }
    switch (d.t) {
      case 'break':
        if (e.m === BREAK) return true;
        k += width(d.s);
        b = true;
        break;
      case 'group':
        local.push({ tail: b }, { i: e.i, m: FLAT, d: d.doc });
        break;
      case 'nest':
        local.push({ i: e.i + d.indent, m: e.m, d: d.doc });
        break;
      case 'cons':
        local.push({ i: e.i, m: e.m, d: d.right }, { i: e.i, m: e.m, d: d.left });
        break;
    }
  }
}

/** Lay `doc` out in `w` columns (Infinity: everything on one line). */
export function format(doc: Doc, w: number): string {
  const out: string[] = [];
  const stack: Entry[] = [{ i: 0, m: FLAT, d: doc }];
  let k = 0;
  while (stack.length > 0) {
    const e = stack.pop() as Entry;
    const d = e.d;
    if (d === null) continue;
    if (typeof d === 'string') {
      out.push(d);
      k += width(d);
      continue;
    }
    switch (d.t) {
      case 'cons':
        stack.push({ i: e.i, m: e.m, d: d.right }, { i: e.i, m: e.m, d: d.left });
        break;
      case 'nest':
        stack.push({ i: e.i + d.indent, m: e.m, d: d.doc });
        break;
      case 'break':
        if (d.flex) {
          // Flex breaks decide one by one: break only if the text up to the next break overflows.
          k += width(d.s);
          if (w === Infinity || e.m === FLAT || fits(w, k, true, null, stack, stack.length - 1)) out.push(d.s);
          else {
            out.push('\n' + ' '.repeat(e.i));
            k = e.i;
          }
        } else if (e.m === BREAK) {
          out.push('\n' + ' '.repeat(e.i));
          k = e.i;
        } else {
          out.push(d.s);
          k += width(d.s);
        }
        break;
      case 'group': {
        const flat = w === Infinity || fits(w, k, false, { i: e.i, m: FLAT, d: d.doc }, [], -1);
        stack.push({ i: e.i, m: flat ? FLAT : BREAK, d: d.doc });
        break;
      }
    }
  }
  return out.join('');
}
