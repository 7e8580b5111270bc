/**
 * Lamport and vector clocks for a recording: computed from each node's own event order and the
 * send/receive pairs (record.ts), so causality across tabs is exact without any clock riding on
 * the class's messages. The result also gives one causally consistent order of all events
 * (every send before its receive, each node's events in its order): the order the timeline steps
 * through and the sequence diagram draws.
 *
 * A receive waits for its send; if a pair would make a cycle (only a forged trace can), the
 * receive is taken as unpaired and counted in `broken`.
 */
/** What the clocks need of an event: its place, node, kind and pair (a Recorded, an imported row). */
export interface Causal {
  readonly id: number;
  readonly node: string;
  readonly kind: string;
  readonly match: number;
}

export interface Clocks<E extends Causal = Causal> {
  /** Node names; `vector(i)[k]` is the count of `nodes[k]`'s events that happened before or at event i. */
  readonly nodes: readonly string[];
  /** The events in a causally consistent order. */
  readonly order: readonly E[];
  /** Lamport clock of `order[i]`. */
  readonly lamport: Int32Array;
  /** Flat vector clocks: `order[i]`'s is `vectors[i * nodes.length ...]`. */
  readonly vectors: Int32Array;
  /** Pairs ignored because they made a cycle. */
  readonly broken: number;
  /** Index in `order` of an event id, or -1. */
  indexOf(id: number): number;
  vector(i: number): Int32Array;
}

/** `events`: ids increasing by one (a recording's window, an import renumbered). */
export function computeClocks<E extends Causal>(events: readonly E[]): Clocks<E> {
  const nodeIndex = new Map<string, number>();
  for (const e of events) if (!nodeIndex.has(e.node)) nodeIndex.set(e.node, nodeIndex.size);
  const k = nodeIndex.size;
  const n = events.length;
  const firstId = n > 0 ? (events[0] as E).id : 0;
  const at = new Int32Array(n).fill(-1); // index in order, by position in `events`
  const lamport = new Int32Array(n);
  const vectors = new Int32Array(n * k);
  const order: E[] = [];
  const current = Array.from({ length: k }, () => new Int32Array(k));
  const lamports = new Int32Array(k);
  // A node waiting for a send: its events from the receive on, and which send it waits for.
  const backlog: E[][] = Array.from({ length: k }, () => []);
  const waitingFor = new Map<number, number>(); // send id -> node
  let broken = 0;
  const pos = (id: number) => id - firstId;

  const process = (e: E, ignorePair: boolean): boolean => {
    const ni = nodeIndex.get(e.node) as number;
    const vc = current[ni] as Int32Array;
    let l = (lamports[ni] as number) + 1;
    if (e.kind === 'receive' && e.match >= 0 && !ignorePair) {
      const p = pos(e.match);
      if (p >= 0 && p < n) {
        const si = at[p] as number;
        if (si < 0) {
          waitingFor.set(e.match, ni);
          return false;
        }
        l = Math.max(l, (lamport[si] as number) + 1);
        for (let j = 0; j < k; j++) vc[j] = Math.max(vc[j] as number, vectors[si * k + j] as number);
      }
    }
    vc[ni] = (vc[ni] as number) + 1;
    lamports[ni] = l;
    const oi = order.length;
    at[pos(e.id)] = oi;
    order.push(e);
    lamport[oi] = l;
    vectors.set(vc, oi * k);
    return true;
  };

  const run = (e: E) => {
    const ni = nodeIndex.get(e.node) as number;
    const bl = backlog[ni] as E[];
    if (bl.length > 0) {
      bl.push(e);
      return;
    }
    if (process(e, false)) release(e);
    else bl.push(e);
  };
  // A send done: the node that waited for it goes on (and may release others in turn).
  const release = (sent: E) => {
    const stack = [sent];
    while (stack.length > 0) {
      const s = stack.pop() as E;
      if (s.kind !== 'send') continue;
      const ni = waitingFor.get(s.id);
      if (ni === undefined) continue;
      waitingFor.delete(s.id);
      const bl = backlog[ni] as E[];
      let i = 0;
      for (; i < bl.length; i++) {
        const e = bl[i] as E;
        if (!process(e, false)) break;
        stack.push(e);
      }
      backlog[ni] = bl.slice(i);
    }
  };

  for (const e of events) run(e);
  // Whatever still waits waits in a cycle (a forged trace): drop the pairs that block it.
  for (let more = true; more; ) {
    more = false;
    for (let ni = 0; ni < k; ni++) {
      const bl = backlog[ni] as E[];
      if (bl.length === 0) continue;
      more = true;
      backlog[ni] = [];
      const [first, ...rest] = bl as [E, ...E[]];
      waitingFor.delete(first.match);
      broken++;
      process(first, true);
      release(first);
      for (const e of rest) run(e);
    }
  }

  return {
    nodes: [...nodeIndex.keys()],
    order,
    lamport,
    vectors,
    broken,
    indexOf: (id) => {
      const p = pos(id);
      return p >= 0 && p < n ? (at[p] as number) : -1;
    },
    vector: (i) => vectors.subarray(i * k, i * k + k),
  };
}

/** a happened before b (`a → b`): a's vector is ≤ b's everywhere and they differ. */
export function happenedBefore(c: Clocks, a: number, b: number): boolean {
  const va = c.vector(a);
  const vb = c.vector(b);
  let less = false;
  for (let j = 0; j < va.length; j++) {
    if ((va[j] as number) > (vb[j] as number)) return false;
    if ((va[j] as number) < (vb[j] as number)) less = true;
  }
  return less;
}

/** Neither happened before the other. */
export function concurrent(c: Clocks, a: number, b: number): boolean {
  return a !== b && !happenedBefore(c, a, b) && !happenedBefore(c, b, a);
}
