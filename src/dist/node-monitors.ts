/**
 * Who wants to hear about nodes coming and going:
 * - `:net_kernel.monitor_nodes(true)`: `{:nodeup, n}` and `{:nodedown, n}` for every visible node;
 *   each call adds one subscription (BEAM sends one message per subscription), `false` removes one;
 * - `Node.monitor(n, true)`: one `{:nodedown, n}` per call when `n` goes down (or at once when
 *   it cannot be reached), after which those monitors are gone.
 * Subscriptions of dead processes are dropped when next looked at.
 */
import { Tuple, atom } from '../core/term/types.ts';
import type { Atom, Pid } from '../core/term/types.ts';
import type { Node } from '../core/runtime/node.ts';
import { pidKey } from '../core/runtime/identifiers.ts';

const NODEUP = atom('nodeup');
const NODEDOWN = atom('nodedown');

interface Sub {
  readonly pid: Pid;
  count: number;
}

export class NodeMonitors {
  private readonly all = new Map<string, Sub>();
  private readonly perNode = new Map<Atom, Map<string, Sub>>();

  constructor(private readonly node: Node) {}

  monitorNodes(pid: Pid, on: boolean): void {
    change(this.all, pid, on);
  }

  monitorNode(pid: Pid, target: Atom, on: boolean): void {
    let m = this.perNode.get(target);
    if (m === undefined) this.perNode.set(target, (m = new Map()));
    change(m, pid, on);
    if (m.size === 0) this.perNode.delete(target);
  }

  up(n: Atom): void {
    for (const s of this.live(this.all)) for (let i = 0; i < s.count; i++) this.node.send(s.pid, new Tuple([NODEUP, n]));
  }

  /**
   * `n` went down (or a connection to it could not be made: then only Node.monitor hears; nor
   * does monitor_nodes hear of a hidden connection).
   */
  down(n: Atom, wasUp: boolean, hidden = false): void {
    const msg = new Tuple([NODEDOWN, n]);
    if (wasUp && !hidden) for (const s of this.live(this.all)) for (let i = 0; i < s.count; i++) this.node.send(s.pid, msg);
    const m = this.perNode.get(n);
    if (m === undefined) return;
    this.perNode.delete(n);
    for (const s of this.live(m)) for (let i = 0; i < s.count; i++) this.node.send(s.pid, msg);
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

function change(m: Map<string, Sub>, pid: Pid, on: boolean): void {
  const k = pidKey(pid);
  const s = m.get(k);
  if (on) {
    if (s === undefined) m.set(k, { pid, count: 1 });
    else s.count++;
  } else if (s !== undefined && --s.count <= 0) m.delete(k);
}
