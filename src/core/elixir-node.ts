/**
 * A node that runs Elixir: the process runtime plus its language runtime (built-in functions,
 * module table, prelude, Elixir's crash reports). Every front end (the page, `npm run iex`,
 * tests) makes its nodes here, so they are all wired the same way. The node's built-ins are the
 * `modules` it is created with (e.g. standardModules from lang/standard-modules.ts, plus the
 * shell's and distribution's): nothing is added to a node after it is made.
 */
import { createNode, type Node, type NodeOptions } from './runtime/node.ts';
import { LangRuntime, type LangRuntimeOptions } from './lang/vm-node.ts';
import { formatCrash } from './lang/format-error.ts';
import type { BuiltinModule } from './lang/builtins.ts';
import type { PreludeCache } from './lang/prelude-cache.ts';

export interface ElixirNode {
  readonly node: Node;
  readonly lang: LangRuntime;
}

export interface ElixirNodeOptions extends Omit<NodeOptions, 'formatCrash'> {
  /**
   * The node's built-in modules, in order (a later BIF replaces an earlier one); or a function
   * making them from the new runtime node, for modules whose BIFs use node services.
   */
  readonly modules: readonly BuiltinModule[] | ((node: Node) => readonly BuiltinModule[]);
  /** Compiled prelude shared by the nodes of one composition root (lang/prelude-cache.ts). */
  readonly preludeCache?: PreludeCache;
  /** The node numbered n in its distribution's table, for `pid/3` (default: none). */
  readonly nodeAt?: LangRuntimeOptions['nodeAt'];
}

export function createElixirNode(options: ElixirNodeOptions): ElixirNode {
  const { modules, preludeCache, nodeAt: _nodeAt, ...nodeOptions } = options;
  // The runtime (crash reports, the I/O server) and the language number pids alike.
  const nodeNumber = options.nodeNumber ?? (() => 0);
  // Crash reports are worded with this node's modules (no process runs before `lang` is set).
  const node = createNode({ ...nodeOptions, nodeNumber, formatCrash: (crash) => formatCrash(crash, lang.modules) });
  const lang: LangRuntime = new LangRuntime({
    modules: typeof modules === 'function' ? modules(node) : modules,
    nodeNumber,
    log: (level, text) => node.log(level, text),
    ...(options.nodeAt ? { nodeAt: options.nodeAt } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(preludeCache ? { preludeCache } : {}),
  });
  return { node, lang };
}
