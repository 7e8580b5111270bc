/**
 * A playground node: everything one tab (or `npm run iex`, or a test) runs as a node. The
 * Elixir runtime with the standard modules, the shell's IEx.Helpers, and distribution's
 * (`Node`, `:global`, the ETF codec), the `:global` name server (which works on a lone node
 * too), and, once the node is alive, distribution over the given transport. The front ends make
 * their nodes here, so a tab, the terminal and the tests are wired the same way.
 */
import { createElixirNode, type ElixirNode } from '../core/elixir-node.ts';
import type { NodeOptions } from '../core/runtime/node.ts';
import { inspect } from '../core/term/inspect.ts';
import type { Atom } from '../core/term/types.ts';
import { standardModules } from '../core/lang/standard-modules.ts';
import type { PreludeCache } from '../core/lang/prelude-cache.ts';
import { codeEvalModule } from '../core/lang/code-eval.ts';
import type { LangRuntime } from '../core/lang/vm-node.ts';
import { iexHelpersModule } from '../core/shell/helpers.ts';
import type { Distribution } from '../distribution/dist-types.ts';
import { ClusterRelay } from '../distribution/global/cluster-view.ts';
import { startGlobal, type GlobalServer } from '../distribution/global/server.ts';
import { attachElixirDistribution, type ElixirDistributionOptions } from '../distribution/elixir/attach.ts';
import { distributionModules } from '../distribution/elixir/modules.ts';
import { startRex } from '../distribution/elixir/rpc-bifs.ts';
import type { NameServer } from '../distribution/elixir/context.ts';
import { nodeTablesModules } from '../core/lang/ets/node-tables.ts';

export interface PlaygroundNode extends ElixirNode {
  /** Distribution, once `goAlive` was called on a named node. */
  readonly dist: Distribution | null;
  /** The node's `:global` name server. */
  readonly global: GlobalServer;
  /** Starts distribution (the node must have been created with a name). */
  goAlive(options: ElixirDistributionOptions): Distribution;
  /** The number this node prints for `node` in PIDs (0 for itself). */
  nodeNumber(node: Atom): number;
}

export interface PlaygroundNodeOptions extends Omit<NodeOptions, 'formatCrash' | 'nodeNumber'> {
  /** Share compiled prelude code with the other nodes this caller makes (lang/prelude-cache.ts). */
  readonly preludeCache?: PreludeCache;
}

export function createPlaygroundNode(options: PlaygroundNodeOptions): PlaygroundNode {
  const relay = new ClusterRelay();
  let dist: Distribution | null = null;
  let names: NameServer | null = null;
  const nodeNumber = (n: Atom) => (dist === null ? 0 : dist.nodeTable.nodeNumber(n));
  let global = null as GlobalServer | null; // (a cast: set inside the callback below)
  let langOf = null as LangRuntime | null; // Code.eval_string compiles with the node's runtime, made below
  const elixir = createElixirNode({
    ...options,
    nodeNumber,
    nodeAt: (n) => dist?.nodeTable.nodeAt(n),
    modules: (node) => {
      global = startGlobal(node, relay.view, {
        log: (level, text) => node.log(level, text),
        inspect: (t) => inspect(t, { nodeNumber }),
      });
      // The distribution BIFs answer from these services; `dist` is set when the node goes alive.
      return [...standardModules, ...nodeTablesModules(node), ...distributionModules({ node, global, dist: () => dist, nameServer: () => names }), codeEvalModule(() => langOf as LangRuntime), iexHelpersModule];
    },
  });
  const { node, lang } = elixir;
  langOf = lang;
  if (global === null) throw new Error('internal: the node was made without its :global server');
  startRex(elixir);

  return {
    node,
    lang,
    global,
    get dist() {
      return dist;
    },
    goAlive(o) {
      if (dist !== null) return dist;
      dist = attachElixirDistribution(elixir, o);
      names = o.names ?? null;
      relay.attach(dist);
      return dist;
    },
    nodeNumber,
  };
}
