/**
 * `:ets` as a node's built-ins, over the node's table store (store.ts), worded as OTP 25's
 * erl_stdlib_errors words its badargs (checked against real iex 1.14: golden/28-ets.exs).
 * Functions that walk a table (tab2list, match, select, foldl...) trap every STEP objects
 * (stdlib/walk.ts), so a million-object table never holds the scheduler.
 */
import { atom, Cons, list, NIL, tuple, Tuple, TRUE, FALSE, type Atom, type Term } from '../../term/types.ts';
import { termWords } from '../../runtime/heap-limit.ts';
import { isProperList, listToArray } from '../../term/list.ts';
import type { BifContext, BuiltinModule } from '../builtins.ts';
import { ElixirThrow } from '../errors.ts';
import { at, defineBifs } from '../stdlib/define.ts';
import { badarg } from '../stdlib/errors.ts';
import { REDS_PER_STEP, STEP, walk, type Walk } from '../stdlib/walk.ts';
import { add } from '../ops.ts';
import { boundList, depthOver, matchPattern, MatchSpec, MAX_DEPTH, type Bindings } from './match-spec.ts';
import type { EtsStore, Protection, Table, TableOptions } from './store.ts';
import type { TableType } from './table.ts';
import { firstChunk, nextChunk } from './chunks.ts';

const UNDEFINED = atom('undefined');
const END = atom('$end_of_table');
const NONE = atom('none');

const TABLE_ERRORS = {
  badtype: 'not an atom or a table identifier',
  missing: 'the table identifier does not refer to an existing ETS table',
  access: 'the table identifier refers to an ETS table with insufficient access rights',
} as const;

function plainBadarg(): never {
  throw new ElixirThrow('error', atom('badarg'));
}

function systemLimit(): never {
  throw new ElixirThrow('error', atom('system_limit'));
}

/** The table a BIF's first argument names, checked for a read or a write by the caller. */
function table(store: EtsStore, ctx: BifContext, handle: Term, write: boolean): Table {
  const t = store.resolve(handle, ctx.proc.self, write);
  return typeof t === 'string' ? badarg(1, TABLE_ERRORS[t]) : t;
}

function keyOf(t: Table, obj: Tuple): Term {
  return obj.elements[t.opts.keypos - 1] as Term;
}

// --- :ets.new ---

const TYPES: readonly string[] = ['set', 'ordered_set', 'bag', 'duplicate_bag'];
const PROTECTIONS: readonly string[] = ['public', 'protected', 'private'];

function tableOptions(opts: Term): TableOptions | null {
  let type: TableType = 'set';
  let protection: Protection = 'protected';
  let named = false;
  let keypos = 1;
  let heir: TableOptions['heir'] = null;
  let readConcurrency = false;
  let writeConcurrency: Term = FALSE;
  let decentralizedCounters = false;
  let compressed = false;
  let l = opts;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const o = l.head;
    if (typeof o === 'object' && o.kind === 'atom') {
      if (TYPES.includes(o.name)) type = o.name as TableType;
      else if (PROTECTIONS.includes(o.name)) protection = o.name as Protection;
      else if (o.name === 'named_table') named = true;
      else if (o.name === 'compressed') compressed = true;
      else return null;
      continue;
    }
    if (typeof o !== 'object' || o.kind !== 'tuple') return null;
    const [k, v, data] = o.elements;
    const isBool = v === TRUE || v === FALSE;
    if (k === atom('keypos') && o.elements.length === 2 && typeof v === 'number' && v >= 1) keypos = v;
    else if (k === atom('heir') && o.elements.length === 2 && v === NONE) heir = null;
    else if (k === atom('heir') && o.elements.length === 3 && typeof v === 'object' && v.kind === 'pid') heir = { pid: v, data: data as Term };
    else if (k === atom('read_concurrency') && o.elements.length === 2 && isBool) readConcurrency = v === TRUE;
    else if (k === atom('write_concurrency') && o.elements.length === 2 && (isBool || v === atom('auto'))) writeConcurrency = v;
    else if (k === atom('decentralized_counters') && o.elements.length === 2 && isBool) decentralizedCounters = v === TRUE;
    else return null;
  }
  if (typeof l !== 'object' || l.kind !== 'nil') return null;
  return { type, protection, named, keypos, heir, readConcurrency, writeConcurrency, decentralizedCounters, compressed };
}

function newTable(store: EtsStore, ctx: BifContext, name: Term, opts: Term): Term {
  if (typeof name !== 'object' || name.kind !== 'atom') return badarg(1, 'not an atom');
  const o = tableOptions(opts);
  if (o === null) return badarg(2, 'invalid options');
  if (o.named && store.nameTaken(name)) return badarg(1, 'table name already exists');
  if (store.overLimit(305)) return systemLimit();
  return store.create(ctx.proc, name, o).handle;
}

// --- writing objects ---

/** The objects of insert/2's second argument, each checked against the table's keypos. */
function objectsOf(t: Table, x: Term): Tuple[] {
  const fits = (o: Tuple) => (o.elements.length >= t.opts.keypos ? o : plainBadarg());
  if (typeof x === 'object' && x.kind === 'tuple') return x.elements.length === 0 ? badarg(2, 'is an empty tuple') : [fits(x)];
  if (typeof x !== 'object' || (x.kind !== 'cons' && x.kind !== 'nil')) return badarg(2, 'not a tuple');
  const out: Tuple[] = [];
  let l: Term = x;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const o = l.head;
    if (typeof o !== 'object' || o.kind !== 'tuple' || o.elements.length === 0) return badarg(2, 'not a non-empty tuple or a list of non-empty tuples');
    out.push(fits(o));
  }
  if (typeof l !== 'object' || l.kind !== 'nil') return badarg(2, 'not a non-empty tuple or a list of non-empty tuples');
  return out;
}

function insert(store: EtsStore, t: Table, objs: readonly Tuple[]): void {
  if (objs.length === 1) return insertOne(store, t, objs[0] as Tuple);
  const words = objs.map(termWords);
  if (store.overLimit(words.reduce((a, b) => a + b, 0))) systemLimit();
  const before = t.objects.words;
  for (let i = 0; i < objs.length; i++) t.objects.insert(objs[i] as Tuple, words[i] as number);
  store.words += t.objects.words - before;
}

function insertOne(store: EtsStore, t: Table, obj: Tuple): void {
  const words = termWords(obj);
  if (store.overLimit(words)) systemLimit();
  const before = t.objects.words;
  t.objects.insert(obj, words);
  store.words += t.objects.words - before;
}

/** One update_counter operation: `{pos, incr}` or `{pos, incr, threshold, setvalue}` (or a bare incr). */
function applyCounter(t: Table, obj: Term[], op: Term): Term {
  let pos = 2;
  let incr: Term;
  let threshold: Term | undefined;
  let setValue: Term | undefined;
  if (typeof op === 'number' || typeof op === 'bigint') {
    pos = t.opts.keypos === 1 ? 2 : 1;
    incr = op;
  } else if (typeof op === 'object' && op.kind === 'tuple' && (op.elements.length === 2 || op.elements.length === 4)) {
    const [p, i, th, sv] = op.elements;
    if (typeof p !== 'number' || !isInt(i) || (op.elements.length === 4 && (!isInt(th) || !isInt(sv)))) return badarg(3, 'not a valid update operation');
    pos = p;
    incr = i as Term;
    threshold = th;
    setValue = sv;
  } else return badarg(3, 'not a valid update operation');
  if (pos === t.opts.keypos) return badarg(3, 'the position is the same as the key position');
  if (pos < 1 || pos > obj.length) return badarg(3, 'the position in the update operation is out of range');
  const old = obj[pos - 1] as Term;
  if (!isInt(old)) return badarg(3, 'the value in the given position, in the object, is not an integer');
  let v = add(old, incr);
  if (threshold !== undefined && setValue !== undefined) {
    const up = !(typeof incr === 'number' ? incr < 0 : (incr as bigint) < 0n);
    if (up ? greater(v, threshold) : greater(threshold, v)) v = setValue;
  }
  obj[pos - 1] = v;
  return v;
}

function isInt(t: Term | undefined): boolean {
  return typeof t === 'number' || typeof t === 'bigint';
}

function greater(a: Term, b: Term): boolean {
  return (a as number | bigint) > (b as number | bigint);
}

function updateCounter(store: EtsStore, ctx: BifContext, a: readonly Term[]): Term {
  const t = table(store, ctx, at(a, 0), true);
  if (t.opts.type === 'bag' || t.opts.type === 'duplicate_bag') return badarg(1, 'the table identifier refers to an ETS table of a type not supported by this operation');
  const key = at(a, 1);
  let found = t.objects.lookup(key)[0];
  if (found === undefined) {
    if (a.length < 4) return badarg(2, 'not a key that exists in the table');
    const d = at(a, 3);
    if (typeof d !== 'object' || d.kind !== 'tuple') return badarg(4, 'not a tuple');
    if (d.elements.length < t.opts.keypos) return plainBadarg();
    const els = [...d.elements];
    els[t.opts.keypos - 1] = key;
    found = new Tuple(els);
  }
  const obj = [...found.elements];
  const ops = at(a, 2);
  let result: Term;
  if (typeof ops === 'object' && (ops.kind === 'cons' || ops.kind === 'nil')) {
    const rs: Term[] = [];
    for (let l: Term = ops; typeof l === 'object' && l.kind === 'cons'; l = l.tail) rs.push(applyCounter(t, obj, l.head));
    result = list(rs);
  } else result = applyCounter(t, obj, ops);
  insert(store, t, [new Tuple(obj)]);
  return result;
}

function updateElement(store: EtsStore, ctx: BifContext, a: readonly Term[]): Term {
  const t = table(store, ctx, at(a, 0), true);
  if (t.opts.type === 'bag' || t.opts.type === 'duplicate_bag') return badarg(1, 'the table identifier refers to an ETS table of a type not supported by this operation');
  const spec = at(a, 2);
  const pairs: Term[] = [];
  if (typeof spec === 'object' && spec.kind === 'tuple') pairs.push(spec);
  else if (isProperList(spec)) pairs.push(...listToArray(spec).items);
  else return badarg(3, 'is not a valid element specification');
  const found = t.objects.lookup(at(a, 1))[0];
  const obj = found === undefined ? [] : [...found.elements];
  for (const p of pairs) {
    if (typeof p !== 'object' || p.kind !== 'tuple' || p.elements.length !== 2 || typeof p.elements[0] !== 'number') return badarg(3, 'is not a valid element specification');
    const pos = p.elements[0];
    if (pos === t.opts.keypos) return badarg(3, 'the position is the same as the key position');
    if (found !== undefined && (pos < 1 || pos > obj.length)) return badarg(3, 'out of range');
    obj[pos - 1] = p.elements[1] as Term;
  }
  if (found === undefined) return FALSE;
  insert(store, t, [new Tuple(obj)]);
  return TRUE;
}

function lookupElement(store: EtsStore, ctx: BifContext, a: readonly Term[]): Term {
  const t = table(store, ctx, at(a, 0), false);
  const pos = at(a, 2);
  if (typeof pos !== 'number') return badarg(3, 'not an integer');
  if (pos < 1) return badarg(3, 'out of range');
  const objs = t.objects.lookup(at(a, 1));
  if (objs.length === 0) return badarg(2, 'not a key that exists in the table');
  const els = objs.map((o) => (pos <= o.elements.length ? (o.elements[pos - 1] as Term) : badarg(3, 'position is greater than the size of the object')));
  return t.opts.type === 'set' || t.opts.type === 'ordered_set' ? (els[0] as Term) : list(els);
}

// --- walks over a table ---

/** Calls `visit` on every object of `t` (a snapshot), yielding every STEP objects. */
function* eachObject(t: Table, visit: (o: Tuple) => void): Walk<void> {
  const objs = t.objects.all();
  for (let i = 0; i < objs.length; i++) {
    if (i > 0 && i % STEP === 0) yield;
    visit(objs[i] as Tuple);
  }
}

function collect(ctx: BifContext, t: Table, pick: (o: Tuple) => Term | undefined): Term {
  return walk(
    ctx,
    (function* () {
      const out: Term[] = [];
      yield* eachObject(t, (o) => {
        const r = pick(o);
        if (r !== undefined) out.push(r);
      });
      return list(out);
    })(),
  );
}

function count(ctx: BifContext, t: Table, pick: (o: Tuple) => boolean, after?: (matched: Tuple[]) => void): Term {
  return walk(
    ctx,
    (function* () {
      const hits: Tuple[] = [];
      yield* eachObject(t, (o) => {
        if (pick(o)) hits.push(o);
      });
      after?.(hits);
      return hits.length;
    })(),
  );
}

function pattern(p: Term): Term {
  return depthOver(p, MAX_DEPTH) ? badarg(2, 'not a valid match pattern') : p;
}

function spec(s: Term): MatchSpec {
  return MatchSpec.compile(s) ?? badarg(2, 'not a valid match specification');
}

function matches(p: Term, o: Tuple): Bindings | undefined {
  const b: Bindings = [];
  return matchPattern(p, o, b) ? b : undefined;
}

function deleteObjects(store: EtsStore, t: Table, objs: readonly Tuple[]): void {
  store.change(t, () => {
    for (const o of objs) t.objects.deleteObject(o);
  });
}

// --- info ---

function infoItem(t: Table, item: string): Term | undefined {
  const o = t.opts;
  switch (item) {
    case 'id':
      return t.id;
    case 'decentralized_counters':
      return o.decentralizedCounters ? TRUE : FALSE;
    case 'read_concurrency':
      return o.readConcurrency ? TRUE : FALSE;
    case 'write_concurrency':
      return o.writeConcurrency;
    case 'compressed':
      return o.compressed ? TRUE : FALSE;
    case 'memory':
      return t.words;
    case 'owner':
      return t.owner;
    case 'heir':
      return t.heir === null ? NONE : t.heir.pid;
    case 'name':
      return t.name;
    case 'size':
      return t.objects.size;
    case 'named_table':
      return o.named ? TRUE : FALSE;
    case 'type':
      return atom(o.type);
    case 'keypos':
      return o.keypos;
    case 'protection':
      return atom(o.protection);
    default:
      return undefined;
  }
}

const INFO_ITEMS = ['id', 'decentralized_counters', 'read_concurrency', 'write_concurrency', 'compressed', 'memory', 'owner', 'heir', 'name', 'size', 'node', 'named_table', 'type', 'keypos', 'protection'];

function info(t: Table, node: Atom): Term {
  return list(INFO_ITEMS.map((k) => tuple(atom(k), k === 'node' ? node : (infoItem(t, k) as Term))));
}

function keyOrEnd(k: Term | null | undefined): Term {
  return k === undefined ? badarg(2, 'not a key that exists in the table') : (k ?? END);
}

/** `:ets` over `store`. */
export function etsBifs(store: EtsStore) {
  const read = (ctx: BifContext, h: Term) => table(store, ctx, h, false);
  const write = (ctx: BifContext, h: Term) => table(store, ctx, h, true);
  const plain = defineBifs('ets', {
    'new/2': (a, ctx) => newTable(store, ctx, at(a, 0), at(a, 1)),
    'insert/2': (a, ctx) => {
      const t = write(ctx, at(a, 0));
      const x = at(a, 1);
      // The common call, one object, without the list of objects.
      if (typeof x === 'object' && x.kind === 'tuple' && x.elements.length >= t.opts.keypos) insertOne(store, t, x);
      else insert(store, t, objectsOf(t, x));
      return TRUE;
    },
    'insert_new/2': (a, ctx) => {
      const t = write(ctx, at(a, 0));
      const objs = objectsOf(t, at(a, 1));
      if (objs.some((o) => t.objects.lookup(keyOf(t, o)).length > 0)) return FALSE;
      insert(store, t, objs);
      return TRUE;
    },
    'lookup/2': (a, ctx) => {
      const objs = read(ctx, at(a, 0)).objects.lookup(at(a, 1));
      return objs.length === 1 ? new Cons(objs[0] as Tuple, NIL) : list(objs);
    },
    'lookup_element/3': (a, ctx) => lookupElement(store, ctx, a),
    'member/2': (a, ctx) => (read(ctx, at(a, 0)).objects.lookup(at(a, 1)).length > 0 ? TRUE : FALSE),
    'take/2': (a, ctx) => {
      const t = write(ctx, at(a, 0));
      const objs = t.objects.lookup(at(a, 1));
      store.change(t, () => t.objects.delete(at(a, 1)));
      return list(objs);
    },
    'delete/1': (a, ctx) => {
      store.delete(write(ctx, at(a, 0)));
      return TRUE;
    },
    'delete/2': (a, ctx) => {
      const t = write(ctx, at(a, 0));
      store.change(t, () => t.objects.delete(at(a, 1)));
      return TRUE;
    },
    'delete_object/2': (a, ctx) => {
      const t = write(ctx, at(a, 0));
      const o = objectsOf(t, at(a, 1));
      deleteObjects(store, t, o);
      return TRUE;
    },
    'delete_all_objects/1': (a, ctx) => {
      const t = write(ctx, at(a, 0));
      store.change(t, () => t.objects.clear());
      return TRUE;
    },
    'update_counter/3': (a, ctx) => updateCounter(store, ctx, a),
    'update_counter/4': (a, ctx) => updateCounter(store, ctx, a),
    'update_element/3': (a, ctx) => updateElement(store, ctx, a),
    'info/1': (a, ctx) => {
      const t = store.find(at(a, 0));
      if (t === 'badtype') return badarg(1, TABLE_ERRORS.badtype);
      return t === 'missing' ? UNDEFINED : info(t, ctx.proc.nodeName);
    },
    'info/2': (a, ctx) => {
      const t = store.find(at(a, 0));
      if (t === 'badtype') return badarg(1, TABLE_ERRORS.badtype);
      const item = at(a, 1);
      const name = typeof item === 'object' && item.kind === 'atom' ? item.name : '';
      if (name !== 'node' && !INFO_ITEMS.includes(name) && !['fixed', 'safe_fixed', 'safe_fixed_monotonic_time', 'stats'].includes(name)) return badarg(2, 'not a valid info item');
      if (t === 'missing') return UNDEFINED;
      if (name === 'node') return ctx.proc.nodeName;
      return infoItem(t, name) ?? FALSE;
    },
    'whereis/1': (a) => {
      const n = at(a, 0);
      if (typeof n !== 'object' || n.kind !== 'atom') return badarg(1, 'not an atom');
      const t = store.find(n);
      return typeof t === 'string' ? UNDEFINED : t.id;
    },
    'all/0': () => list(store.all().map((t) => t.handle)),
    'first/1': (a, ctx) => read(ctx, at(a, 0)).objects.first() ?? END,
    'last/1': (a, ctx) => read(ctx, at(a, 0)).objects.last() ?? END,
    'next/2': (a, ctx) => keyOrEnd(read(ctx, at(a, 0)).objects.next(at(a, 1))),
    'prev/2': (a, ctx) => keyOrEnd(read(ctx, at(a, 0)).objects.prev(at(a, 1))),
    'give_away/3': (a, ctx) => {
      const t = write(ctx, at(a, 0));
      if (t.owner !== ctx.proc.self && t.owner.id !== ctx.proc.self.id) return badarg(1, 'the table identifier refers to an ETS table with insufficient access rights');
      const to = at(a, 1);
      if (typeof to !== 'object' || to.kind !== 'pid') return badarg(2, 'not a pid');
      if (to.id === ctx.proc.self.id && to.node === ctx.proc.self.node) return badarg(2, 'the process is already the owner of the table');
      return store.giveAway(t, to, at(a, 2)) ? TRUE : badarg(2, 'the pid refers to a terminated process');
    },
  });
  const walking = defineBifs(
    'ets',
    {
      'tab2list/1': (a, ctx) => collect(ctx, read(ctx, at(a, 0)), (o) => o),
      'match/2': (a, ctx) => {
        const t = read(ctx, at(a, 0));
        const p = pattern(at(a, 1));
        return collect(ctx, t, (o) => {
          const b = matches(p, o);
          return b === undefined ? undefined : boundList(b);
        });
      },
      'match_object/2': (a, ctx) => {
        const t = read(ctx, at(a, 0));
        const p = pattern(at(a, 1));
        return collect(ctx, t, (o) => (matches(p, o) !== undefined ? o : undefined));
      },
      'match_delete/2': (a, ctx) => {
        const t = write(ctx, at(a, 0));
        const p = pattern(at(a, 1));
        count(ctx, t, (o) => matches(p, o) !== undefined, (hits) => deleteObjects(store, t, hits));
        return TRUE;
      },
      'select/2': (a, ctx) => {
        const t = read(ctx, at(a, 0));
        const s = spec(at(a, 1));
        return collect(ctx, t, (o) => s.run(o, ctx.proc.self));
      },
      'select_count/2': (a, ctx) => {
        const t = read(ctx, at(a, 0));
        const s = spec(at(a, 1));
        return count(ctx, t, (o) => s.run(o, ctx.proc.self) === TRUE);
      },
      'select_delete/2': (a, ctx) => {
        const t = write(ctx, at(a, 0));
        const s = spec(at(a, 1));
        return count(ctx, t, (o) => s.run(o, ctx.proc.self) === TRUE, (hits) => deleteObjects(store, t, hits));
      },
      // A chunk at a time, with a continuation (chunks.ts).
      'select/3': (a, ctx) => firstChunk(store, ctx, 'select', a),
      'match/3': (a, ctx) => firstChunk(store, ctx, 'match', a),
      'match_object/3': (a, ctx) => firstChunk(store, ctx, 'match_object', a),
      'select/1': (a, ctx) => nextChunk(store, ctx, 'select', a),
      'match/1': (a, ctx) => nextChunk(store, ctx, 'match', a),
      'match_object/1': (a, ctx) => nextChunk(store, ctx, 'match_object', a),
      // foldl/foldr: the objects as a list (trapping), then :lists.foldl/foldr in Elixir code.
      'foldl/3': (a, ctx) => foldWith(ctx, read(ctx, at(a, 2)), 'foldl', a),
      'foldr/3': (a, ctx) => foldWith(ctx, read(ctx, at(a, 2)), 'foldr', a),
    },
    true,
  );
  return [...plain, ...walking];
}

/** The objects as a list (trapping every STEP), then `:lists.foldl/foldr` runs the fun in Elixir code. */
function foldWith(ctx: BifContext, t: Table, fold: 'foldl' | 'foldr', a: readonly Term[]): Term {
  const objs = t.objects.all();
  let l: Term = NIL;
  let i = objs.length;
  const step = (): Term => {
    for (let n = 0; i > 0 && n < STEP; n++) l = new Cons(objs[--i] as Term, l);
    return i > 0 ? ctx.trap(REDS_PER_STEP, step) : ctx.tailCallMfa(atom('lists'), atom(fold), [at(a, 0), at(a, 1), l]);
  };
  return step();
}

export function etsModule(store: EtsStore): BuiltinModule {
  return { name: 'ets', bifs: etsBifs(store) };
}

