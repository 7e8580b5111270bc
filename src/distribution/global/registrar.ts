/**
 * Writes to the global name table (register, re_register, unregister), synchronous across the
 * connected nodes, without a lock server.
 *
 * global serialises writes with a cluster-wide lock and then multi_calls every node. Here each
 * write of a name takes that *name's* reservation on every node instead:
 *   1. reserve: the caller's node reserves the name locally and sends `reserve` to every
 *      connected node; each grants it unless another write holds it, and answers `vote`;
 *   2. decide (only when all granted, i.e. under the "lock"): register_name checks the local
 *      replica (name free, pid without a name, else `:no` and the "several names" error log);
 *      the same check runs first without the lock, so a name already taken here is a `:no` at once;
 *   3. commit: applied locally, then sent to every node connected now (a node that came up
 *      meanwhile gets it too: its sync may have missed the name); each applies it, frees the
 *      reservation and answers `ack`; the caller gets its reply when every ack is in.
 * A denied reservation aborts the attempt (`release` to all) and retries after a random back-off
 * from the node's seeded random source, so of two racing writers one wins. A node that goes down
 * is struck from every wait (nothing hangs on it) and its reservations are dropped.
 */
import { mapKey } from '../../core/term/hash.ts';
import { atom, list, tuple } from '../../core/term/types.ts';
import type { Atom, Pid, Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import type { CallOp, CommitOp, PeerMessage } from './protocol.ts';
import { NAME_SERVER, encodePeer, replyMessage } from './protocol.ts';
import type { Replica } from './replica.ts';
import type { ClusterView, GlobalEnv } from './options.ts';

const YES = atom('yes');
const NO = atom('no');
const OK = atom('ok');

interface Write {
  readonly op: CallOp;
  readonly name: Term;
  readonly pid: Pid | null;
  readonly caller: Pid;
  readonly ref: Term;
  attempt: number;
}

interface Attempt {
  readonly write: Write;
  phase: 'reserve' | 'commit' | 'backoff';
  /** Nodes asked to reserve (released on abort). */
  participants: Atom[];
  /** Nodes whose vote (reserve) or ack (commit) is still due. */
  readonly waiting: Set<Atom>;
  result: Term;
}

interface Reservation {
  readonly node: Atom;
  readonly tx: number;
}

export class Registrar {
  private seq = 0;
  private readonly attempts = new Map<number, Attempt>();
  private readonly reservations = new Map<unknown, Reservation>();

  constructor(
    private readonly replica: Replica,
    private readonly cluster: ClusterView,
    private readonly env: GlobalEnv,
  ) {}

  /** How many writes are in flight (for tests and the inspector). */
  get pending(): number {
    return this.attempts.size;
  }

  /** A client's call. `args` were checked by the server: [name, pid] or [name]. */
  call(proc: ProcessApi, caller: Pid, ref: Term, op: CallOp, name: Term, pid: Pid | null): void {
    if (op === 'unregister_name' && this.replica.table.whereis(name) === undefined) {
      proc.send(caller, replyMessage(ref, OK)); // global answers at once when the name is unknown
      return;
    }
    const write: Write = { op, name, pid, caller, ref, attempt: 0 };
    // A name taken (or a pid named) here is a :no under any lock: answer without asking anyone,
    // which also keeps the common "register again" from racing a concurrent writer.
    if (op === 'register_name' && !this.mayRegister(name, pid as Pid)) return void proc.send(caller, replyMessage(ref, NO));
    this.start(proc, write);
  }

  /** register_name's check, against this node's replica; logs global's error for a second name. */
  private mayRegister(name: Term, pid: Pid): boolean {
    const table = this.replica.table;
    if (table.whereis(name) !== undefined) return false;
    if (!table.hasNames(pid)) return true;
    const names = this.env.inspect(list([name, ...table.namesOf(pid)]));
    this.env.log('error', `global: ${this.env.inspect(pid)} registered under several names: ${names}`);
    return false;
  }

  // --- the writer's side ---

  private start(proc: ProcessApi, write: Write): void {
    const tx = ++this.seq;
    const me = proc.nodeName;
    const participants = this.cluster.nodes().filter((n) => n !== me);
    const a: Attempt = { write, phase: 'reserve', participants, waiting: new Set(participants), result: NO };
    this.attempts.set(tx, a);
    if (!this.reserve(me, tx, write.name)) {
      a.participants = []; // nobody was asked yet
      return this.abort(proc, tx, a);
    }
    for (const n of participants) this.peer(proc, n, { type: 'reserve', node: me, tx, name: write.name });
    this.progress(proc, tx, a);
  }

  /** Runs the next step once nothing is awaited. */
  private progress(proc: ProcessApi, tx: number, a: Attempt): void {
    if (a.waiting.size > 0) return;
    if (a.phase === 'reserve') this.decide(proc, tx, a);
    else if (a.phase === 'commit') this.finish(proc, tx, a.result);
  }

  private decide(proc: ProcessApi, tx: number, a: Attempt): void {
    const w = a.write;
    if (w.op === 'register_name' && !this.mayRegister(w.name, w.pid as Pid)) return this.refuse(proc, tx, a);
    const op: CommitOp = w.op === 'register_name' ? 'register' : w.op === 're_register_name' ? 're_register' : 'unregister';
    const me = proc.nodeName;
    this.apply(proc, op, w.name, w.pid);
    this.unreserve(me, tx, w.name);
    const targets = this.cluster.nodes().filter((n) => n !== me);
    a.phase = 'commit';
    a.result = w.op === 'unregister_name' ? OK : YES;
    a.waiting.clear();
    for (const n of targets) {
      a.waiting.add(n);
      this.peer(proc, n, { type: 'commit', node: me, tx, op, name: w.name, pid: w.pid });
    }
    this.progress(proc, tx, a);
  }

  /** `:no` under the lock: give the reservations back and answer. */
  private refuse(proc: ProcessApi, tx: number, a: Attempt): void {
    this.releaseAll(proc, tx, a);
    this.finish(proc, tx, NO);
  }

  private finish(proc: ProcessApi, tx: number, result: Term): void {
    const a = this.attempts.get(tx);
    if (a === undefined) return;
    this.attempts.delete(tx);
    proc.send(a.write.caller, replyMessage(a.write.ref, result));
  }

  /** Lost a race for the name: release everywhere and try again after a random pause. */
  private abort(proc: ProcessApi, tx: number, a: Attempt): void {
    this.releaseAll(proc, tx, a);
    a.phase = 'backoff';
    a.waiting.clear();
    const w = a.write;
    const cap = Math.min(this.env.maxBackoffMs, 8 * 2 ** Math.min(w.attempt, 10));
    w.attempt++;
    proc.sendAfter(proc.self, encodePeer({ type: 'retry', tx }), 1 + Math.floor(proc.random() * cap));
  }

  private releaseAll(proc: ProcessApi, tx: number, a: Attempt): void {
    const me = proc.nodeName;
    this.unreserve(me, tx, a.write.name);
    for (const n of a.participants) this.peer(proc, n, { type: 'release', node: me, tx, name: a.write.name });
    a.participants = [];
  }

  retry(proc: ProcessApi, tx: number): void {
    const a = this.attempts.get(tx);
    if (a === undefined || a.phase !== 'backoff') return;
    this.attempts.delete(tx);
    this.start(proc, a.write);
  }

  vote(proc: ProcessApi, node: Atom, tx: number, granted: boolean): void {
    const a = this.attempts.get(tx);
    if (a === undefined || a.phase !== 'reserve' || !a.waiting.delete(node)) return;
    if (!granted) return this.abort(proc, tx, a);
    this.progress(proc, tx, a);
  }

  ack(proc: ProcessApi, node: Atom, tx: number): void {
    const a = this.attempts.get(tx);
    if (a === undefined || a.phase !== 'commit' || !a.waiting.delete(node)) return;
    this.progress(proc, tx, a);
  }

  // --- every node's side ---

  onReserve(proc: ProcessApi, node: Atom, tx: number, name: Term): void {
    this.peer(proc, node, { type: 'vote', node: proc.nodeName, tx, granted: this.reserve(node, tx, name) });
  }

  onRelease(node: Atom, tx: number, name: Term): void {
    this.unreserve(node, tx, name);
  }

  onCommit(proc: ProcessApi, node: Atom, tx: number, op: CommitOp, name: Term, pid: Pid | null): void {
    this.apply(proc, op, name, pid);
    this.unreserve(node, tx, name);
    this.peer(proc, node, { type: 'ack', node: proc.nodeName, tx });
  }

  /** `node` is down: its reservations go, and no write waits for it any longer. */
  nodeDown(proc: ProcessApi, node: Atom): void {
    for (const [key, r] of this.reservations) if (r.node === node) this.reservations.delete(key);
    for (const [tx, a] of [...this.attempts]) {
      a.participants = a.participants.filter((n) => n !== node);
      if (a.phase !== 'backoff' && a.waiting.delete(node)) this.progress(proc, tx, a);
    }
  }

  private apply(proc: ProcessApi, op: CommitOp, name: Term, pid: Pid | null): void {
    if (op === 'unregister' || pid === null) this.replica.remove(proc, name);
    else if (op === 're_register') this.replica.insert(proc, name, pid);
    // A register can only meet a different holder when a commit races a sync: the conflict rule.
    else this.replica.merge(proc, name, pid);
  }

  private reserve(node: Atom, tx: number, name: Term): boolean {
    const key = mapKey(name);
    const held = this.reservations.get(key);
    if (held !== undefined && (held.node !== node || held.tx !== tx)) return false;
    this.reservations.set(key, { node, tx });
    return true;
  }

  private unreserve(node: Atom, tx: number, name: Term): void {
    const key = mapKey(name);
    const held = this.reservations.get(key);
    if (held !== undefined && held.node === node && held.tx === tx) this.reservations.delete(key);
  }

  private peer(proc: ProcessApi, node: Atom, m: PeerMessage): void {
    proc.send(tuple(NAME_SERVER, node), encodePeer(m));
  }
}
