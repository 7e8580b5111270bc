/**
 * The name server's copy of the cluster's names, kept true as processes and nodes come and go:
 * every pid with a name is monitored (local or remote: each node watches every named pid
 * itself, as global does), so a name goes when its process dies, and all names of a node go
 * when the node does (the DOWN with :noconnection, and the cluster's nodedown, whichever
 * comes first).
 *
 * It also holds the conflict rule used when two tables meet (a partition heals, a commit races a
 * sync): the pid whose node name is smaller keeps the name (global's default
 * `random_exit_name`, deterministic despite its name); the other is killed with `:kill` by the
 * winner's node, which logs `global: Name conflict terminating {name, loser}`. Any node may
 * notice the clash; it tells the winner's node, which kills each loser once.
 */
import { mapKey } from '../../core/term/hash.ts';
import { compare } from '../../core/term/order.ts';
import { atom, tuple } from '../../core/term/types.ts';
import type { Atom, Pid, Ref, Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { NameTable } from './name-table.ts';
import { NAME_SERVER, encodePeer } from './protocol.ts';
import type { ClusterView, GlobalEnv } from './options.ts';

const KILL = atom('kill');

export class Replica {
  readonly table: NameTable;
  /** The monitor on each named pid, by pid key. */
  private readonly monitors = new Map<unknown, Ref>();
  /** Losers this node (as the winner's node) has already killed: each is killed and logged once. */
  private readonly killed = new Set<unknown>();

  private deferred: { name: Term; loser: Pid }[] = [];

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
  insert(proc: ProcessApi, name: Term, pid: Pid): void {
    // A dead local pid would only come back as a DOWN: global answers :yes and the name is
    // :undefined at once, so it never goes in (a dead remote pid goes when its DOWN arrives).
    if (this.env.isLocal(pid) && !proc.isAlive(pid)) return this.remove(proc, name);
    const r = this.table.insert(name, pid);
    if (r.orphan !== undefined) this.unwatch(proc, r.orphan);
    if (r.firstName) this.monitors.set(this.pk(pid), proc.monitor(pid));
  }

  remove(proc: ProcessApi, name: Term): void {
    const r = this.table.remove(name);
    if (r.orphan !== undefined) this.unwatch(proc, r.orphan);
  }

  /** A DOWN for a named pid: its names go (a stale DOWN, from a monitor since replaced, is ignored). */
  down(ref: Ref, pid: Pid): void {
    const key = this.pk(pid);
    const mine = this.monitors.get(key);
    if (mine === undefined || mapKey(mine) !== mapKey(ref)) return;
    this.monitors.delete(key);
    this.table.removePid(pid);
  }

  /** `node` is gone: every name of a pid there goes. */
  nodeDown(proc: ProcessApi, node: Atom): void {
    for (const pid of this.table.pidsWhere((p) => p.node === node)) {
      this.table.removePid(pid);
      this.unwatch(proc, pid);
    }
  }

  /**
   * Takes `name` → `pid` from another table. A clash keeps the pid on the smaller node name and
   * reports the loser to the winner's node.
   */
  merge(proc: ProcessApi, name: Term, pid: Pid): void {
    const current = this.table.whereis(name);
    if (current === undefined) return this.insert(proc, name, pid);
    if (this.pk(current) === this.pk(pid)) return;
    const nodeOf = (p: Pid): Atom => (this.env.isLocal(p) ? proc.nodeName : p.node);
    const [winner, loser] = pickWinner(current, pid, nodeOf);
    if (winner === pid) this.insert(proc, name, pid);
    if (this.env.isLocal(winner)) this.conflict(proc, name, loser);
    else proc.send(tuple(NAME_SERVER, winner.node), encodePeer({ type: 'conflict', name, winner, loser }));
  }

  /**
   * On the winner's node: kill the loser once, with the log line global writes. A loser on a
   * node not connected to this one (the clash was noticed by a third node) is killed when that
   * node comes up, so the exit signal is not lost on the way.
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

/**
 * [winner, loser]: the smaller node name wins; on one node, the smaller pid (term order).
 * `nodeOf` gives the node a pid lives on now (an old `nonode@nohost` pid: this node's name).
 */
export function pickWinner(a: Pid, b: Pid, nodeOf: (p: Pid) => Atom = (p) => p.node): [Pid, Pid] {
  const byNode = compare(nodeOf(a), nodeOf(b));
  const aWins = byNode !== 0 ? byNode < 0 : compare(a, b) <= 0;
  return aWins ? [a, b] : [b, a];
}
