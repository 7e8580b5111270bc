/**
 * What distribution adds to a node's built-ins: `Node` (and `:net_kernel`, `:erlang.nodes`...),
 * `:global`, and `:erlang.term_to_binary/binary_to_term` (the ETF codec lives here). The node's
 * composition passes the result to createElixirNode with the standard modules.
 */
import type { BuiltinModule } from '../../core/lang/builtins.ts';
import type { NodeServices } from './context.ts';
import { etfModule } from './erlang-bifs.ts';
import { globalModule } from './global-bifs.ts';
import { nodeModule } from './node-bifs.ts';
import { rpcModule } from './rpc-bifs.ts';

export function distributionModules(services: NodeServices): BuiltinModule[] {
  return [etfModule, nodeModule(services), globalModule(services.global), rpcModule(services)];
}
