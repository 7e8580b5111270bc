/**
 * One node's ETS tables: by id (a reference, as OTP 25's `:ets.new` returns) and by name, with
 * their owners. A table dies with its owner, or passes to its heir (`{:heir, pid, data}`), who
 * gets `{:"ETS-TRANSFER", tab, from, data}`, as on BEAM. The store is made when the node is
 * assembled (its BIFs close over it: bifs.ts); nothing about it is global.
 *
 * Memory is bounded: all the node's tables together hold at most `limitWords` words (each table
 * counts EMPTY_TABLE_WORDS, BEAM's size of an empty set, plus its objects), past which an insert
 * or a new table is `:system_limit`. BEAM has no such limit short of the machine's memory; a
 * tab's memory is much smaller and shared by the page.
 */
import { atom, tuple, type Atom, type Pid, type Ref, type Term } from '../../term/types.ts';
import { pidKey, refKey } from '../../runtime/identifiers.ts';
import type { ProcessApi } from '../../runtime/process-api.ts';
import { makeObjects, type Objects, type TableType } from './table.ts';

export type Protection = 'public' | 'protected' | 'private';

export const EMPTY_TABLE_WORDS = 305;
/** The default bound of a node's tables: as much as one process's default max_heap_size. */
export const DEFAULT_ETS_LIMIT_WORDS = 16_777_216;

export interface TableOptions {
  readonly type: TableType;
  readonly protection: Protection;
  readonly named: boolean;
  readonly keypos: number;
  readonly heir: { readonly pid: Pid; readonly data: Term } | null;
  readonly readConcurrency: boolean;
  readonly writeConcurrency: Term;
  readonly decentralizedCounters: boolean;
  readonly compressed: boolean;
}

export class Table {
  readonly objects: Objects;
  /** False once deleted (a handle cached by the store must not outlive its table). */
  alive = true;
  constructor(
    readonly id: Ref,
    readonly name: Atom,
    public owner: Pid,
    public heir: { readonly pid: Pid; readonly data: Term } | null,
    readonly opts: TableOptions,
  ) {
    this.objects = makeObjects(opts.type, opts.keypos);
  }
  /** What `:ets.new` returned: the name of a named table, else its id. */
  get handle(): Term {
    return this.opts.named ? this.name : this.id;
  }
  get words(): number {
    return EMPTY_TABLE_WORDS + this.objects.words;
  }
}

/** Why a table could not be used (bifs.ts words it as ERTS does). */
export type TableError = 'badtype' | 'missing' | 'access';

const TRANSFER = atom('ETS-TRANSFER');

export class EtsStore {
  private readonly byId = new Map<string, Table>();
  private readonly byName = new Map<Atom, Table>();
  private readonly owned = new Map<string, Set<Table>>();
  /** The last table found by reference: a loop over one table skips building its key. */
  private lastRef: Term | null = null;
  private lastTable: Table | null = null;

  /**
   * `live(pid)`: the ProcessApi of a live local process (to hand a table to an heir and watch
   * it), or undefined.
   */
  constructor(
    private readonly live: (pid: Pid) => ProcessApi | undefined,
    private readonly send: (to: Pid, message: Term) => void,
    readonly limitWords = DEFAULT_ETS_LIMIT_WORDS,
  ) {}

  /** Words all tables hold now. */
  words = 0;

  /** Would `extra` more words pass the bound? */
  overLimit(extra: number): boolean {
    return extra > 0 && this.words + extra > this.limitWords;
  }

  /** Runs a change of `t`'s objects, keeping the node's word count. */
  change<T>(t: Table, fn: () => T): T {
    const before = t.objects.words;
    try {
      return fn();
    } finally {
      this.words += t.objects.words - before;
    }
  }

  nameTaken(name: Atom): boolean {
    return this.byName.has(name);
  }

  create(owner: ProcessApi, name: Atom, opts: TableOptions): Table {
    const t = new Table(owner.makeRef(), name, owner.self, opts.heir, opts);
    this.byId.set(refKey(t.id), t);
    this.words += t.words;
    if (opts.named) this.byName.set(name, t);
    this.own(owner, t);
    return t;
  }

  /** The table `handle` names (an atom or a reference) for a read (`write` false) or a write by `caller`. */
  resolve(handle: Term, caller: Pid, write: boolean): Table | TableError {
    const t = this.find(handle);
    if (typeof t === 'string') return t;
    const p = t.opts.protection;
    if (p === 'public' || (p === 'protected' && !write) || t.owner === caller || pidKey(t.owner) === pidKey(caller)) return t;
    return 'access';
  }

  find(handle: Term): Table | 'badtype' | 'missing' {
    if (typeof handle !== 'object') return 'badtype';
    if (handle.kind === 'atom') return this.byName.get(handle) ?? 'missing';
    if (handle.kind !== 'ref') return 'badtype';
    const last = this.lastTable;
    if (handle === this.lastRef && last !== null && last.alive) return last;
    const t = this.byId.get(refKey(handle));
    if (t === undefined) return 'missing';
    this.lastRef = handle;
    this.lastTable = t;
    return t;
  }

  all(): Table[] {
    return [...this.byId.values()];
  }

  delete(t: Table): void {
    if (!this.byId.delete(refKey(t.id))) return;
    t.alive = false;
    this.words -= t.words;
    if (t.opts.named && this.byName.get(t.name) === t) this.byName.delete(t.name);
    this.owned.get(pidKey(t.owner))?.delete(t);
  }

  /** give_away: false when `to` is not a live local process. */
  giveAway(t: Table, to: Pid, data: Term): boolean {
    const p = this.live(to);
    if (p === undefined) return false;
    this.transfer(t, p, data);
    return true;
  }

  /** Gives `t` to `to` (give_away, or its heir), telling the new owner as BEAM does. */
  transfer(t: Table, to: ProcessApi, data: Term): void {
    const from = t.owner;
    this.owned.get(pidKey(from))?.delete(t);
    t.owner = to.self;
    this.own(to, t);
    this.send(to.self, tuple(TRANSFER, t.handle, from, data));
  }

  private own(p: ProcessApi, t: Table): void {
    const k = pidKey(p.self);
    let set = this.owned.get(k);
    if (set === undefined) {
      this.owned.set(k, (set = new Set()));
      const owner = p.self;
      p.atExit(() => this.ownerExited(owner));
    }
    set.add(t);
  }

  /** The owner died: each of its tables goes to its heir when that one lives, else dies. */
  private ownerExited(owner: Pid): void {
    const k = pidKey(owner);
    const tables = this.owned.get(k);
    this.owned.delete(k);
    if (tables === undefined) return;
    for (const t of tables) {
      const heir = t.heir !== null && t.heir.pid !== owner ? this.live(t.heir.pid) : undefined;
      if (heir !== undefined && t.heir !== null) this.transfer(t, heir, t.heir.data);
      else this.delete(t);
    }
  }
}
