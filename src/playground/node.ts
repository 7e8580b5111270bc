/**
 * A playground node: everything one tab (or `npm run iex`, or a test) runs as a node. The
 * Elixir runtime, the `:global` name server (which works on a lone node too), and, once the
 * node is alive, distribution over the given transport. The front ends make their nodes here,
 * so a tab, the terminal and the tests are wired the same way.
 */
import { createElixirNode, type ElixirNode } from '../core/elixir-node.ts';
import type { NodeOptions } from '../core/runtime/node.ts';
import { inspect } from '../core/term/inspect.ts';
import type { Atom } from '../core/term/types.ts';
import type { Distribution } from '../distribution/dist-types.ts';
import { ClusterRelay } from '../distribution/global/cluster-view.ts';
import { startGlobal } from '../distribution/global/server.ts';
import { attachElixirDistribution, type ElixirDistributionOptions } from '../distribution/elixir/attach.ts';
import { registerServices, type NodeServices } from '../distribution/elixir/context.ts';
import '../distribution/elixir/global-bifs.ts';
import '../distribution/elixir/erlang-bifs.ts';

export interface PlaygroundNode extends ElixirNode {
  /** Distribution, once `goAlive` was called on a named node. */
  readonly dist: Distribution | null;
  /** Starts distribution (the node must have been created with a name). */
  goAlive(options: ElixirDistributionOptions): Distribution;
  /** The number this node prints for `node` in PIDs (0 for itself). */
  nodeNumber(node: Atom): number;
}

export function createPlaygroundNode(options: Omit<NodeOptions, 'formatCrash'>): PlaygroundNode {
  const elixir = createElixirNode(options);
  const { node, lang } = elixir;
  const relay = new ClusterRelay();
  let dist: Distribution | null = null;
  const nodeNumber = (n: Atom) => (dist === null ? 0 : dist.nodeTable.nodeNumber(n));
  lang.nodeNumber = nodeNumber;
  lang.nodeAt = (n) => dist?.nodeTable.nodeAt(n);
  const global = startGlobal(node, relay.view, {
    log: (level, text) => node.log(level, text),
    inspect: (t) => inspect(t, { nodeNumber }),
  });
  const services: NodeServices = { node, dist: null, global };
  registerServices(lang, services);

  return {
    node,
    lang,
    get dist() {
      return dist;
    },
    goAlive(o) {
      if (dist !== null) return dist;
      dist = attachElixirDistribution(elixir, o);
      relay.attach(dist);
      return dist;
    },
    nodeNumber,
  };
}
