/**
 * gen_server:multi_call from a process that must never block (the name server): each call sends
 * `{:"$gen_call", {self, {ref, node}}, req}` to `{:global_name_server, node}` (the form OTP 25's
 * multi_call uses, so a BEAM server answers it as it answers another BEAM node) and the replies
 * `{{ref, node}, reply}` come back as messages. `done` runs once every node answered or went
 * down (a node down is a bad node, as the monitor's DOWN makes it in OTP).
 */
import { tuple } from '../../core/term/types.ts';
import type { Atom, Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { mapKey } from '../../core/term/hash.ts';
import { NAME_SERVER } from './names.ts';
import { genCall } from './otp-messages.ts';

export type Replies = ReadonlyMap<Atom, Term>;

interface Pending {
  readonly waiting: Set<Atom>;
  readonly replies: Map<Atom, Term>;
  readonly done: (replies: Replies) => void;
}

export class MultiCalls {
  private readonly pending = new Map<unknown, Pending>();

  /** `connected(node)`: a node not connected now is a bad node at once (OTP's monitor says noconnection). */
  constructor(private readonly connected: (node: Atom) => boolean) {}

  call(proc: ProcessApi, nodes: readonly Atom[], req: Term, done: (replies: Replies) => void): void {
    const ref = proc.makeRef();
    const up = nodes.filter((n) => n === proc.nodeName || this.connected(n));
    const p: Pending = { waiting: new Set(up), replies: new Map(), done };
    if (p.waiting.size === 0) return done(p.replies);
    this.pending.set(mapKey(ref), p);
    // Our own node's server is this process: a local send, as gen_server does for node().
    for (const n of p.waiting) proc.send(n === proc.nodeName ? NAME_SERVER : tuple(NAME_SERVER, n), genCall(proc.self, tuple(ref, n), req));
  }

  /** A `{{ref, node}, reply}`; replies to calls we do not know (late, forged) are dropped. */
  reply(ref: Term, node: Atom, reply: Term): void {
    const key = mapKey(ref);
    const p = this.pending.get(key);
    if (p === undefined || !p.waiting.delete(node)) return;
    p.replies.set(node, reply);
    this.settle(key, p);
  }

  /** `node` went down: no call waits for it any longer. */
  nodeDown(node: Atom): void {
    for (const [key, p] of [...this.pending]) if (p.waiting.delete(node)) this.settle(key, p);
  }

  get size(): number {
    return this.pending.size;
  }

  private settle(key: unknown, p: Pending): void {
    if (p.waiting.size > 0) return;
    this.pending.delete(key);
    p.done(p.replies);
  }
}
