/**
 * OTP 25's `prevent_overlapping_partitions` (on by default, with connect_all), as global.erl
 * does it, so that a cluster never ends up with A–B cut but both still talking to C:
 *
 * 1. A node that loses a peer B (a nodedown it did not ask global for) multicasts
 *    `{lost_connection, A, creation, op_id, B}` to every node it still knows.
 * 2. A node receiving it for the first time passes it on to the nodes it knows, then asks
 *    B (or A, when it is B itself) to drop it: `{remove_connection, self}`, logging
 *    `'global' at node :x3@vm requested disconnect from node :x2@vm in order to prevent
 *    overlapping partitions`.
 * 3. A node asked to remove a connection disconnects that node and logs `... disconnected
 *    node :x3@vm ...`.
 * Nodedowns that global caused itself (2 and 3) are not multicast again. So
 * `Node.disconnect(:x2@vm)` on x1 in a full mesh x1–x2–x3 leaves all three apart (reference
 * §4, reproduced on OTP 25.2.3), while a node that crashed is gone from everyone's list before
 * the news arrives and nobody else is cut.
 *
 * Messages go to `{:global_name_server, node}`, in global.erl's own form (plain sends):
 *   {:lost_connection, node_a, x_creation_a, op_id, node_b}
 *   {:remove_connection, node}
 */
import { atom, tuple } from '../../core/term/types.ts';
import type { Atom, Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import type { ClusterView, GlobalEnv } from './options.ts';
import { NAME_SERVER } from './names.ts';

export type PartitionMessage =
  | { readonly type: 'lost_connection'; readonly a: Atom; readonly creation: number | bigint; readonly op: number | bigint; readonly b: Atom }
  | { readonly type: 'remove_connection'; readonly node: Atom };

export function encodePartition(m: PartitionMessage): Term {
  if (m.type === 'lost_connection') return tuple(atom('lost_connection'), m.a, m.creation, m.op, m.b);
  return tuple(atom('remove_connection'), m.node);
}

export function parsePartition(kind: string, a: readonly Term[]): PartitionMessage | null {
  const isAtom = (t: Term | undefined): t is Atom => typeof t === 'object' && t.kind === 'atom';
  const isInt = (t: Term | undefined): t is number | bigint => typeof t === "number" || typeof t === "bigint";
  const [a0, a1, a2, a3] = a;
  if (kind === 'lost_connection' && a.length === 4 && isAtom(a0) && isInt(a1) && isInt(a2) && isAtom(a3)) {
    return { type: 'lost_connection', a: a0, creation: a1, op: a2, b: a3 };
  }
  if (kind === 'remove_connection' && a.length === 1 && isAtom(a0)) return { type: 'remove_connection', node: a0 };
  return null;
}

export class PartitionGuard {
  /** Nodes global itself is cutting off: their nodedown is not news to multicast. */
  private readonly removing = new Set<Atom>();
  /** Lost connections already handled, by `a|b`: the sender's creation and latest op id. */
  private readonly seen = new Map<string, { creation: number | bigint; op: number | bigint }>();
  private opId = 0;

  constructor(
    private readonly cluster: ClusterView,
    private readonly env: GlobalEnv,
    private readonly creation: () => number,
  ) {}

  private get active(): boolean {
    return this.cluster.disconnect !== undefined && this.cluster.preventsOverlap?.() === true;
  }

  /** A connection went down (step 1). */
  nodeDown(proc: ProcessApi, node: Atom): void {
    if (this.removing.delete(node) || !this.active) return;
    const m = encodePartition({ type: 'lost_connection', a: proc.nodeName, creation: this.creation(), op: ++this.opId, b: node });
    this.multicast(proc, m, node);
  }

  handle(proc: ProcessApi, m: PartitionMessage): void {
    if (!this.active) return;
    const self = proc.nodeName;
    if (m.type === 'remove_connection') {
      if (!this.known(m.node)) return;
      this.removing.add(m.node);
      this.cluster.disconnect?.(m.node);
      return this.warn(self, 'disconnected', m.node);
    }
    const key = `${m.a.name}|${m.b.name}`;
    const before = this.seen.get(key);
    if (before !== undefined && before.creation === m.creation && m.op <= before.op) return;
    // Pass it on, so nodes that lose A meanwhile still hear of it.
    this.multicast(proc, encodePartition(m), m.a);
    this.seen.set(key, { creation: m.creation, op: m.op });
    const rm = self === m.b ? m.a : m.b;
    if (!this.known(rm)) return;
    proc.send(tuple(NAME_SERVER, rm), encodePartition({ type: 'remove_connection', node: self }));
    this.removing.add(rm);
    this.warn(self, 'requested disconnect from', rm);
  }

  private known(node: Atom): boolean {
    return this.cluster.nodes().includes(node);
  }

  private multicast(proc: ProcessApi, m: Term, except: Atom): void {
    for (const n of this.cluster.nodes()) if (n !== except && n !== proc.nodeName) proc.send(tuple(NAME_SERVER, n), m);
  }

  private warn(self: Atom, what: string, node: Atom): void {
    this.env.log('warning', `'global' at node ${this.env.inspect(self)} ${what} node ${this.env.inspect(node)} in order to prevent overlapping partitions`);
  }
}
