/**
 * Who wants to hear about nodes coming and going:
 * - `:net_kernel.monitor_nodes(true)`: `{:nodeup, n}` and `{:nodedown, n}` for every visible node;
 *   each call adds one subscription (BEAM sends one message per subscription), `false` removes one;
 * - `:net_kernel.monitor_nodes(true, opts)` with `:nodedown_reason` and/or `node_type: :visible |
 *   :hidden | :all`: 3-tuples `{:nodeup, n, info}`, info being `[node_type: t]` (or `[]`) and, on
 *   nodedown, `[nodedown_reason: r, node_type: t]` (real OTP 25: r is :connection_closed when
 *   the peer went away, :disconnect when we disconnected, :net_tick_timeout). A subscription
 *   without node_type hears of visible nodes only;
 * - `Node.monitor(n, true)`: one `{:nodedown, n}` per call when `n` goes down (or at once when
 *   it cannot be reached), after which those monitors are gone.
 * Subscriptions of dead processes are dropped when next looked at.
 */
import { Tuple, atom, list } from '../core/term/types.ts';
import type { Atom, Pid, Term } from '../core/term/types.ts';
import type { Node } from '../core/runtime/node.ts';
import { pidKey } from '../core/runtime/identifiers.ts';

const NODEUP = atom('nodeup');
const NODEDOWN = atom('nodedown');

/** monitor_nodes options; null: the plain `monitor_nodes(true)` (2-tuples, visible nodes). */
export interface MonitorOptions {
  readonly nodedownReason: boolean;
  readonly nodeType: 'visible' | 'hidden' | 'all' | null;
}

interface Sub {
  readonly pid: Pid;
  readonly opts: MonitorOptions | null;
  count: number;
}

const NODE_TYPE = atom('node_type');
const NODEDOWN_REASON = atom('nodedown_reason');

/** The atom OTP reports as nodedown_reason for our connection's close reason. */
function downReason(reason: string): Atom {
  return atom(reason === 'disconnect' || reason === 'net_tick_timeout' ? reason : 'connection_closed');
}

export class NodeMonitors {
  private readonly all = new Map<string, Sub>();
  private readonly perNode = new Map<Atom, Map<string, Sub>>();

  constructor(private readonly node: Node) {}

  monitorNodes(pid: Pid, on: boolean, opts: MonitorOptions | null = null): void {
    change(this.all, pid, on, opts);
  }

  monitorNode(pid: Pid, target: Atom, on: boolean): void {
    let m = this.perNode.get(target);
    if (m === undefined) this.perNode.set(target, (m = new Map()));
    change(m, pid, on, null);
    if (m.size === 0) this.perNode.delete(target);
  }

  up(n: Atom, hidden = false): void {
    this.tell(NODEUP, n, hidden, null);
  }

  /**
   * `n` went down (or a connection to it could not be made: then only Node.monitor hears).
   * `reason` is the connection's close reason.
   */
  down(n: Atom, wasUp: boolean, hidden = false, reason = 'connection_closed'): void {
    const msg = new Tuple([NODEDOWN, n]);
    if (wasUp) this.tell(NODEDOWN, n, hidden, downReason(reason));
    const m = this.perNode.get(n);
    if (m === undefined) return;
    this.perNode.delete(n);
    for (const s of this.live(m)) for (let i = 0; i < s.count; i++) this.node.send(s.pid, msg);
  }

  /** One message per subscription that wants this node, in subscription order. */
  private tell(what: Atom, n: Atom, hidden: boolean, reason: Atom | null): void {
    const type = atom(hidden ? 'hidden' : 'visible');
    for (const s of this.live(this.all)) {
      const t = s.opts?.nodeType ?? null;
      if (t === null ? hidden : t !== 'all' && t !== type.name) continue;
      let msg: Tuple;
      if (s.opts === null) msg = new Tuple([what, n]);
      else {
        const info: Term[] = [];
        if (reason !== null && s.opts.nodedownReason) info.push(new Tuple([NODEDOWN_REASON, reason]));
        if (t !== null) info.push(new Tuple([NODE_TYPE, type]));
        msg = new Tuple([what, n, list(info)]);
      }
      for (let i = 0; i < s.count; i++) this.node.send(s.pid, msg);
    }
  }

  private live(m: Map<string, Sub>): Sub[] {
    const out: Sub[] = [];
    for (const [k, s] of m) {
      if (this.node.isAlive(s.pid)) out.push(s);
      else m.delete(k);
    }
    return out;
  }
}

function change(m: Map<string, Sub>, pid: Pid, on: boolean, opts: MonitorOptions | null): void {
  // Each set of options is its own subscription, as in net_kernel.
  const k = `${pidKey(pid)}|${opts === null ? '' : `${opts.nodedownReason}|${opts.nodeType}`}`;
  const s = m.get(k);
  if (on) {
    if (s === undefined) m.set(k, { pid, opts, count: 1 });
    else s.count++;
  } else if (s !== undefined && --s.count <= 0) m.delete(k);
}
