/**
 * Remote spawn (`Node.spawn/2,4`, `Node.spawn_link`, `spawn/3` with a node): the SPAWN_REQUEST /
 * SPAWN_REPLY exchange of `erlang:spawn_opt/5`.
 * - Caller side: `request` sends SPAWN_REQUEST and keeps `done` until the reply, or until the
 *   connection fails or goes down (then `noconnection`, and the language layer starts the local
 *   crasher process that logs "Can not start ..." as BEAM does).
 * - Serving side: the language layer's `spawnBody(module, fun, args)` turns `{M, F, Args}`
 *   (a fun arrives as `:erlang.apply(fun, [])`) into a process body; the child gets the CALLER's
 *   group leader, so its output appears on the caller's node; with `link` the child is linked
 *   to the caller before it runs, and the reply leaves before anything the child sends.
 * - With `monitor`, the serving side sets the monitor up before the child runs and names it
 *   with the request id, and the caller adopts it when the reply arrives (no MONITOR_P), as
 *   erts does: so a child that exits at once (erpc's execute_call) still gives its DOWN, and
 *   `spawn_request`'s DOWN carries the request id.
 */
import { Tuple, atom, list } from '../core/term/types.ts';
import type { Atom, Pid, Ref, Term } from '../core/term/types.ts';
import type { Node } from '../core/runtime/node.ts';
import type { ProcessBody } from '../core/runtime/process-body.ts';
import { refKey } from '../core/runtime/identifiers.ts';
import { hasSpawnOption } from './control.ts';
import type { ControlMessage } from './control.ts';

export type SpawnBodyHook = (module: Atom, fun: Atom, args: readonly Term[]) => ProcessBody | string;

export type SpawnResult =
  | { readonly ok: true; readonly pid: Pid; readonly monitorRef?: Ref }
  | { readonly ok: false; readonly reason: Atom };

export interface SpawnOpts {
  readonly link?: boolean;
  readonly monitor?: boolean;
}

const LINK = atom('link');
const MONITOR = atom('monitor');
const NOCONNECTION = atom('noconnection');

interface Pending {
  readonly caller: Pid;
  readonly node: Atom;
  readonly done: (r: SpawnResult) => void;
  /** spawn_request_abandon: the reply is dropped and the monitor never adopted. */
  abandoned?: boolean;
}

export class RemoteSpawner {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly node: Node,
    private readonly sendTo: (node: Atom, m: ControlMessage) => void,
    private readonly spawnBody: SpawnBodyHook | undefined,
  ) {}

  /** Sends the request; returns its id (the monitor's ref, when one is asked for). */
  request(caller: Pid, node: Atom, module: Atom, fun: Atom, args: readonly Term[], opts: SpawnOpts, groupLeader: Pid, done: (r: SpawnResult) => void): Ref {
    const reqId = this.node.makeRef();
    this.pending.set(refKey(reqId), { caller, node, done });
    const o: Term[] = [];
    if (opts.link === true) o.push(LINK);
    if (opts.monitor === true) o.push(MONITOR);
    this.node.spawnRequested(caller, node, new Tuple([module, fun, list([...args])]));
    this.sendTo(node, { type: 'spawn_request', reqId, from: caller, groupLeader, module, fun, args, opts: list(o) });
    return reqId;
  }

  /** Spawns locally for a request that came from `peer`, and answers it. */
  serve(peer: Atom, m: Extract<ControlMessage, { type: 'spawn_request' }>): void {
    const body = this.spawnBody !== undefined ? this.spawnBody(m.module, m.fun, m.args) : 'notsup';
    if (typeof body === 'string') {
      this.sendTo(peer, { type: 'spawn_reply', reqId: m.reqId, to: m.from, flags: 0, result: atom(body) });
      return;
    }
    const pid = this.node.spawn(body, { groupLeader: m.groupLeader, initialCall: [m.module.name, m.fun.name, m.args.length] });
    let flags = 0;
    if (hasSpawnOption(m.opts, LINK)) {
      this.node.remote.deliverLink(m.from, pid);
      flags |= 1;
    }
    // The caller's monitor, named by the request id, before the child can run (see reply()).
    if (hasSpawnOption(m.opts, MONITOR)) {
      this.node.remote.deliverMonitor(m.from, pid, m.reqId);
      flags |= 2;
    }
    this.sendTo(peer, { type: 'spawn_reply', reqId: m.reqId, to: m.from, flags, result: pid });
  }

  /** The SPAWN_REPLY for one of our requests, from `peer`: only the node asked may answer. */
  reply(peer: Atom, m: Extract<ControlMessage, { type: 'spawn_reply' }>): void {
    const key = refKey(m.reqId);
    const p = this.pending.get(key);
    if (p === undefined || p.node !== peer) return;
    this.pending.delete(key);
    // Abandoned: the child's DOWN (if it was monitored) finds no monitor here and is dropped.
    if (p.abandoned === true) return;
    if (m.result.kind === 'atom') return p.done({ ok: false, reason: m.result });
    const child = m.result;
    // The child already holds the link; add the caller's half without another LINK message.
    // If the caller died meanwhile, this answers noproc to the child, which then dies too.
    if ((m.flags & 1) !== 0) this.node.remote.deliverLink(child, p.caller);
    if ((m.flags & 2) !== 0 && this.node.remote.adoptMonitor(p.caller, child, m.reqId)) {
      return p.done({ ok: true, pid: child, monitorRef: m.reqId });
    }
    p.done({ ok: true, pid: child });
  }

  /** `:erlang.spawn_request_abandon/1`: true when the request was still waiting for its reply. */
  abandon(reqId: Ref): boolean {
    const p = this.pending.get(refKey(reqId));
    if (p === undefined || p.abandoned === true) return false;
    p.abandoned = true;
    return true;
  }

  /** The connection to `node` failed or went down: every request to it ends in noconnection. */
  nodeDown(node: Atom): void {
    for (const [k, p] of [...this.pending]) {
      if (p.node !== node) continue;
      this.pending.delete(k);
      if (p.abandoned !== true) p.done({ ok: false, reason: NOCONNECTION });
    }
  }
}
