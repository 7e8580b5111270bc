/**
 * The name server's copy of the cluster's names, kept true as processes and nodes come and go:
 * every pid with a name is monitored (local or remote: each node watches every named pid
 * itself, as global does), so a name goes when its process dies, and all names of a node go
 * when the node does (the DOWN with :noconnection, and the cluster's nodedown, whichever
 * comes first).
 *
 * It also carries out random_exit_name's verdict when two tables meet (resolve.ts decides):
 * the loser is killed with `:kill`, once, with the line global logs,
 * `global: Name conflict terminating {name, loser}`.
 */
import { mapKey } from '../../core/term/hash.ts';
import { atom, tuple } from '../../core/term/types.ts';
import type { Atom, Pid, Ref, Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { NameTable } from './name-table.ts';
import { DEFAULT_METHOD, canonicalMethod } from './resolve.ts';
import type { ClusterView, GlobalEnv } from './options.ts';

const KILL = atom('kill');

export class Replica {
  readonly table: NameTable;
  /** The monitor on each named pid, by pid key. */
  private readonly monitors = new Map<unknown, Ref>();
  /** Losers this node (as the winner's node) has already killed: each is killed and logged once. */
  private readonly killed = new Set<unknown>();

  private deferred: { name: Term; loser: Pid }[] = [];
  /** Each name's resolve method, by name key. */
  private readonly methods = new Map<unknown, Term>();

  /** One key per process, whichever name its pid was made under. */
  private readonly pk: (pid: Pid) => unknown;

  constructor(
    private readonly env: GlobalEnv,
    private readonly cluster: ClusterView,
  ) {
    this.pk = env.pidKey;
    this.table = new NameTable(this.pk);
  }

  /** Sets `name` → `pid` (replacing any holder), monitoring the pid if new to the table. */
  insert(proc: ProcessApi, name: Term, pid: Pid, method: Term = DEFAULT_METHOD): void {
    // A dead local pid would only come back as a DOWN: global answers :yes and the name is
    // :undefined at once, so it never goes in (a dead remote pid goes when its DOWN arrives).
    if (this.env.isLocal(pid) && !proc.isAlive(pid)) return this.remove(proc, name);
    const r = this.table.insert(name, pid);
    this.methods.set(mapKey(name), canonicalMethod(method));
    if (r.orphan !== undefined) this.unwatch(proc, r.orphan);
    if (r.firstName) this.monitors.set(this.pk(pid), proc.monitor(pid));
  }

  /** The resolve method the name was registered with (global keeps it beside the pid). */
  methodOf(name: Term): Term {
    return this.methods.get(mapKey(name)) ?? DEFAULT_METHOD;
  }

  remove(proc: ProcessApi, name: Term): void {
    this.methods.delete(mapKey(name));
    const r = this.table.remove(name);
    if (r.orphan !== undefined) this.unwatch(proc, r.orphan);
  }

  /** A DOWN for a named pid: its names go (a stale DOWN, from a monitor since replaced, is ignored). */
  down(ref: Ref, pid: Pid): void {
    const key = this.pk(pid);
    const mine = this.monitors.get(key);
    if (mine === undefined || mapKey(mine) !== mapKey(ref)) return;
    this.monitors.delete(key);
    for (const name of this.table.removePid(pid)) this.methods.delete(mapKey(name));
  }

  /** `node` is gone: every name of a pid there goes. */
  nodeDown(proc: ProcessApi, node: Atom): void {
    for (const pid of this.table.pidsWhere((p) => p.node === node)) {
      for (const name of this.table.removePid(pid)) this.methods.delete(mapKey(name));
      this.unwatch(proc, pid);
    }
  }

  /**
   * Kill the loser once, with the log line global writes. A loser on a node not connected to
   * this one yet (it is in the other partition) is killed when that node comes up, so the exit
   * signal is not lost on the way.
   */
  conflict(proc: ProcessApi, name: Term, loser: Pid): void {
    const key = this.pk(loser);
    if (this.killed.has(key)) return;
    this.killed.add(key);
    if (!this.env.isLocal(loser) && !this.cluster.nodes().includes(loser.node)) {
      this.deferred.push({ name, loser });
      return;
    }
    this.kill(proc, name, loser);
  }

  /** A node came up: the kills that waited for it. */
  nodeUp(proc: ProcessApi, node: Atom): void {
    const now = this.deferred.filter((d) => d.loser.node === node);
    if (now.length === 0) return;
    this.deferred = this.deferred.filter((d) => d.loser.node !== node);
    for (const d of now) this.kill(proc, d.name, d.loser);
  }

  private kill(proc: ProcessApi, name: Term, loser: Pid): void {
    // global.erl's format ends in ~n: Elixir's console shows a blank line after it (real iex).
    this.env.log('info', `global: Name conflict terminating ${this.env.inspect(tuple(name, loser))}\n`);
    proc.exit(loser, KILL);
  }

  private unwatch(proc: ProcessApi, pid: Pid): void {
    const key = this.pk(pid);
    const ref = this.monitors.get(key);
    if (ref === undefined) return;
    this.monitors.delete(key);
    proc.demonitor(ref, true);
  }
}
