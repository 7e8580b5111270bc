/**
 * What a `--beam` page needs to reach real BEAM nodes, loaded on demand (session.ts imports it
 * only on such a page, before the tab goes alive): the gateway transport (through the server's
 * /beam websockets) and the funs a BEAM peer sends and gets (Erlang abstract format). A page
 * without the gateway never meets a BEAM node, so its first load leaves all of this out.
 */
import type { GatewayState, SocketLike } from '../distribution/transports/gateway.ts';
import { gatewayTransport } from '../distribution/transports/gateway.ts';
import type { Transport } from '../distribution/transports/transport.ts';
import { tabsThenGateway } from '../distribution/transports/tabs-then-gateway.ts';
import { peerIdForNode } from '../distribution/peer-id.ts';
import { BeamFuns } from '../distribution/beam-funs/beam-fun-hooks.ts';
import type { LangRuntime } from '../core/lang/vm-node.ts';

/** The gateway transport of tab `node` (signalling `token`) on the server that served `loc`. */
export function browserGateway(loc: Location, node: string, token: string, onState: (s: GatewayState) => void): Transport {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  const auth = `id=${encodeURIComponent(peerIdForNode(node))}&token=${encodeURIComponent(token)}`;
  return gatewayTransport({
    open: (query) => new WebSocket(`${scheme}//${loc.host}/beam?${auth}${query ? `&${query}` : ''}`) as SocketLike,
    later: (ms, fn) => void setTimeout(fn, ms),
    onState,
  });
}

/** Tabs first, then the gateway (transports/tabs-then-gateway.ts). */
export { tabsThenGateway };

/** The node's funs for BEAM peers (attach.ts's `beamFuns`). */
export const beamFuns = (lang: LangRuntime): BeamFuns => new BeamFuns(lang);
