/**
 * Writes to the global name table, as global.erl's registrar does them (`trans_all_known`): one
 * write at a time per node, each under the cluster-wide lock `{:global, registrar}`:
 *   1. set the lock on the boss (the greatest known node name), then on every known node; if a
 *      node became known meanwhile, or any node refused, delete it and retry after
 *      `random_sleep` (1/8 s, doubling, up to 8 s, from the node's seeded random);
 *   2. under the lock, register_name checks this node's table (name free, pid without a name,
 *      else `:no` and the "several names" error log) and multi_calls `{:register, name, pid,
 *      method}` to every known node and itself (re_register the same, unregister
 *      `{:unregister, name}`); the caller is answered once they all replied (or went down);
 *   3. delete the lock everywhere but the boss, then on the boss.
 * The calls are gen_server calls to `{:global_name_server, node}`, so BEAM nodes and tabs take
 * part alike.
 */
import { atom, list, tuple } from '../../core/term/types.ts';
import type { Atom, Pid, Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import type { WriteOp } from './protocol.ts';
import { encodePeer, replyMessage } from './protocol.ts';
import type { Replica } from './replica.ts';
import type { GlobalEnv } from './options.ts';
import type { MultiCalls } from './multi-call.ts';
import { deleteGlobalLock, delLock, setLockSteps, theBoss, without } from './lock-steps.ts';
import { DEFAULT_METHOD } from './resolve.ts';

const YES = atom('yes');
const NO = atom('no');
const OK = atom('ok');
const GLOBAL_RID = atom('global');

interface Write {
  readonly op: WriteOp;
  readonly name: Term;
  readonly pid: Pid | null;
  readonly caller: Pid;
  readonly ref: Term;
  /** The resolve method the name keeps (register_name/3; global's default otherwise). */
  readonly method: Term;
}

export class Registrar {
  private readonly queue: Write[] = [];
  private current: { write: Write; times: number; tx: number } | null = null;
  private tx = 0;

  constructor(
    private readonly replica: Replica,
    /** The nodes global knows (synced with), this one excluded. */
    private readonly known: () => readonly Atom[],
    private readonly calls: MultiCalls,
    private readonly env: GlobalEnv,
  ) {}

  /** Writes queued or in flight (for tests and the inspector). */
  get pending(): number {
    return this.queue.length + (this.current === null ? 0 : 1);
  }

  /** A client's call. `args` were checked by the server: [name, pid] or [name]. */
  call(proc: ProcessApi, caller: Pid, ref: Term, op: WriteOp, name: Term, pid: Pid | null, method: Term = DEFAULT_METHOD): void {
    if (op === 'unregister_name' && this.replica.table.whereis(name) === undefined) {
      proc.send(caller, replyMessage(ref, OK)); // global answers at once when the name is unknown
      return;
    }
    this.queue.push({ op, name, pid, caller, ref, method });
    if (this.current === null) this.next(proc);
  }

  private next(proc: ProcessApi): void {
    const write = this.queue.shift();
    this.current = write === undefined ? null : { write, times: 0, tx: ++this.tx };
    if (this.current !== null) this.attempt(proc);
  }

  /** `set_lock_known`. */
  private attempt(proc: ProcessApi): void {
    const cur = this.current;
    if (cur === null) return;
    const id = tuple(GLOBAL_RID, proc.self);
    const known = [...this.known()];
    const nodes = [proc.nodeName, ...known];
    const boss = theBoss(nodes);
    setLockSteps(proc, this.calls, id, [[boss]], (bossOk) => {
      if (!bossOk) return this.sleep(proc, cur);
      setLockSteps(proc, this.calls, id, [nodes], (allOk) => {
        const grown = without(this.known(), known).length > 0;
        if (allOk && !grown) return this.underLock(proc, cur.write, nodes, id);
        if (allOk) delLock(proc, this.calls, id, nodes);
        delLock(proc, this.calls, id, [boss]);
        this.sleep(proc, cur);
      });
    });
  }

  /** `random_sleep(Times)`, then try again (the server's `retry` message). */
  private sleep(proc: ProcessApi, cur: { times: number; tx: number }): void {
    const tmax = Math.min(this.env.maxBackoffMs, cur.times > 5 ? 8000 : Math.floor((2 ** cur.times * 1000) / 8));
    cur.times++;
    proc.sendAfter(proc.self, encodePeer({ type: 'retry', tx: cur.tx }), 1 + Math.floor(proc.random() * tmax));
  }

  retry(proc: ProcessApi, tx: number): void {
    if (this.current?.tx === tx) this.attempt(proc);
  }

  private underLock(proc: ProcessApi, w: Write, nodes: Atom[], id: Term): void {
    const finish = (result: Term): void => {
      deleteGlobalLock(proc, this.calls, id, nodes);
      proc.send(w.caller, replyMessage(w.ref, result));
      this.next(proc);
    };
    if (w.op === 'unregister_name') return this.calls.call(proc, nodes, tuple(atom('unregister'), w.name), () => finish(OK));
    const pid = w.pid as Pid;
    if (w.op === 'register_name' && !this.mayRegister(proc, w.name, pid)) return finish(NO);
    this.calls.call(proc, nodes, tuple(atom('register'), w.name, pid, w.method), () => finish(YES));
  }

  /** register_name's check: `where(Name) =:= undefined andalso check_dupname(Name, Pid)`. */
  private mayRegister(proc: ProcessApi, name: Term, pid: Pid): boolean {
    const table = this.replica.table;
    const holder = table.whereis(name);
    if (holder !== undefined && (!this.env.isLocal(holder) || proc.isAlive(holder))) return false;
    if (!table.hasNames(pid)) return true;
    const names = this.env.inspect(list([name, ...table.namesOf(pid)]));
    this.env.log('error', `global: ${this.env.inspect(pid)} registered under several names: ${names}`);
    return false;
  }
}
