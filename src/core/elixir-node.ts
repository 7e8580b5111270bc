/**
 * A node that runs Elixir: the process runtime plus its language runtime (module table,
 * prelude, Elixir's crash reports). Every front end (the page, `npm run iex`, tests) makes its
 * nodes here, so they are all wired the same way.
 */
import { createNode, type Node, type NodeOptions } from './runtime/node.ts';
import { LangRuntime } from './lang/vm-node.ts';
import { formatCrash } from './lang/format-error.ts';

export interface ElixirNode {
  readonly node: Node;
  readonly lang: LangRuntime;
}

export function createElixirNode(options: Omit<NodeOptions, 'formatCrash'>): ElixirNode {
  const lang = new LangRuntime(options.logger ? { logger: options.logger } : {});
  // Crash reports are worded with this node's modules and numbered with its node table.
  const node = createNode({ ...options, formatCrash: (crash) => formatCrash(crash, (m) => lang.modules.isLoaded(m)) });
  node.setNodeNumbering((n) => lang.nodeNumber(n));
  return { node, lang };
}
