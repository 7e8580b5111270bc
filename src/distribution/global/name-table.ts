/**
 * One node's replica of the global name table: name → pid, and pid → its names (to refuse a
 * second name and to drop every name of a pid that died). Names are any terms (`:global` allows
 * `{:via, 1}` as well as atoms), so both maps are keyed by `mapKey`, which follows `=:=`.
 *
 * Pure data: the name server decides when to monitor or demonitor a pid from what `insert` and
 * `remove` report (a pid's first name → monitor it; its last name gone → demonitor).
 */
import { mapKey } from '../../core/term/hash.ts';
import type { Pid, Term } from '../../core/term/types.ts';

export interface Entry {
  readonly name: Term;
  readonly pid: Pid;
}

/** A name taken or given up in this replica (a recording notes them: src/playground/recording). */
export interface NameChange {
  readonly kind: 'register' | 'unregister';
  readonly name: Term;
  readonly pid: Pid;
}

interface PidNames {
  readonly pid: Pid;
  /** Names by key, in registration order (the "several names" log lists them). */
  readonly names: Map<unknown, Term>;
}

export class NameTable {
  private readonly byName = new Map<unknown, Entry>();
  private readonly byPid = new Map<unknown, PidNames>();
  /** Told of each change as it is made: nobody has to read the whole table to learn what moved. */
  private readonly watchers = new Set<(c: NameChange) => void>();

  /** `pidKey`: the key of a pid; one process must have one key (see GlobalEnv.pidKey). */
  constructor(readonly pidKey: (pid: Pid) => unknown = mapKey) {}

  get size(): number {
    return this.byName.size;
  }

  /** Calls `listener` with every name taken or given up from now on, until the returned function is called. */
  watch(listener: (c: NameChange) => void): () => void {
    this.watchers.add(listener);
    return () => void this.watchers.delete(listener);
  }

  private tell(kind: NameChange['kind'], name: Term, pid: Pid): void {
    for (const w of this.watchers) w({ kind, name, pid });
  }

  whereis(name: Term): Pid | undefined {
    return this.byName.get(mapKey(name))?.pid;
  }

  /** Every entry, in registration order. */
  entries(): Entry[] {
    return [...this.byName.values()];
  }

  names(): Term[] {
    return [...this.byName.values()].map((e) => e.name);
  }

  /** The names `pid` holds, oldest first. */
  namesOf(pid: Pid): Term[] {
    const p = this.byPid.get(this.pidKey(pid));
    return p === undefined ? [] : [...p.names.values()];
  }

  hasNames(pid: Pid): boolean {
    return this.byPid.has(this.pidKey(pid));
  }

  /**
   * Sets `name` → `pid`, replacing whatever held the name. Returns whether `pid` got its first
   * name (monitor it) and the pid that lost its last name through the replacement (demonitor).
   */
  insert(name: Term, pid: Pid): { firstName: boolean; orphan: Pid | undefined } {
    const key = mapKey(name);
    const old = this.byName.get(key);
    let orphan: Pid | undefined;
    if (old !== undefined) {
      if (this.pidKey(old.pid) === this.pidKey(pid)) return { firstName: false, orphan: undefined };
      orphan = this.detach(key, old.pid) ? old.pid : undefined;
      this.tell('unregister', old.name, old.pid);
    }
    this.byName.set(key, { name, pid });
    const pk = this.pidKey(pid);
    let p = this.byPid.get(pk);
    const firstName = p === undefined;
    if (p === undefined) {
      p = { pid, names: new Map() };
      this.byPid.set(pk, p);
    }
    p.names.set(key, name);
    this.tell('register', name, pid);
    return { firstName, orphan };
  }

  /** Removes `name`; returns the pid when that was its last name (demonitor it). */
  remove(name: Term): { removed: boolean; orphan: Pid | undefined } {
    const key = mapKey(name);
    const old = this.byName.get(key);
    if (old === undefined) return { removed: false, orphan: undefined };
    this.byName.delete(key);
    const orphan = this.detach(key, old.pid) ? old.pid : undefined;
    this.tell('unregister', old.name, old.pid);
    return { removed: true, orphan };
  }

  /** Removes every name of `pid` (it died); returns the names removed. */
  removePid(pid: Pid): Term[] {
    const pk = this.pidKey(pid);
    const p = this.byPid.get(pk);
    if (p === undefined) return [];
    this.byPid.delete(pk);
    for (const key of p.names.keys()) this.byName.delete(key);
    const names = [...p.names.values()];
    for (const name of names) this.tell('unregister', name, p.pid);
    return names;
  }

  /** Every pid that has a name and lives on a node `pred` picks (a node went down). */
  pidsWhere(pred: (pid: Pid) => boolean): Pid[] {
    const out: Pid[] = [];
    for (const p of this.byPid.values()) if (pred(p.pid)) out.push(p.pid);
    return out;
  }

  /** Drops `nameKey` from `pid`'s names; true when it had no other. */
  private detach(nameKey: unknown, pid: Pid): boolean {
    const pk = this.pidKey(pid);
    const p = this.byPid.get(pk);
    if (p === undefined) return false;
    p.names.delete(nameKey);
    if (p.names.size > 0) return false;
    this.byPid.delete(pk);
    return true;
  }
}
