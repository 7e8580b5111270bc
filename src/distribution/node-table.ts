/**
 * The numbers this node gives other nodes for printing: `#PID<N.id.serial>`. BEAM prints the
 * index of the node's name in the printer's atom table, which is observer-specific and never on
 * the wire; the playground numbers remote nodes 1, 2, 3... in the order this node meets them
 * (a connection, or the first time it prints one of their pids). So the same pid prints with a
 * different number on each node, and a pid passed on to a third node prints with the third
 * node's number for its owner. Its own node is always 0.
 */
import type { Atom } from '../core/term/types.ts';

export class NodeTable {
  private readonly numbers = new Map<Atom, number>();
  /** By number: the node, and its creation once a connection to it came up (0 before). */
  private readonly byNumber = new Map<number, { node: Atom; creation: number }>();
  private next = 1;

  constructor(private self: Atom) {}

  /** The node was renamed (a tab that got its name): pids of the new name are local. */
  setSelf(self: Atom): void {
    this.self = self;
  }

  /** Records `node` if new (and its `creation`, when a connection tells it); returns its number. */
  meet(node: Atom, creation?: number): number {
    if (node === this.self) return 0;
    let n = this.numbers.get(node);
    if (n === undefined) {
      n = this.next++;
      this.numbers.set(node, n);
      this.byNumber.set(n, { node, creation: 0 });
    }
    if (creation !== undefined) this.byNumber.set(n, { node, creation });
    return n;
  }

  /**
   * The node numbered `n` (never 0: that is this node), as BEAM's `list_to_pid("<1.103.0>")`
   * finds a connected node's entry by its number; undefined for a number never given.
   */
  nodeAt(n: number): { node: Atom; creation: number } | undefined {
    return this.byNumber.get(n);
  }

  /** For `inspect(term, { nodeNumber })`: a bound function, numbering on first sight. */
  readonly nodeNumber = (node: Atom): number => this.meet(node);

  /** The number if this node has met `node`, else undefined (does not record). */
  lookup(node: Atom): number | undefined {
    return node === this.self ? 0 : this.numbers.get(node);
  }

  /** Every node met, in the order met (`Node.list(:known)` adds itself). */
  known(): Atom[] {
    return [...this.numbers.keys()];
  }
}
