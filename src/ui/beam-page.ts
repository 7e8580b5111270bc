/**
 * A page served by `npm start -- --beam` (or `PLAYGROUND_BEAM=1 npm run dev`): the server puts a
 * `<meta name="playground-beam">` in index.html (server/beam-host.ts) with the host part real
 * nodes know this machine by, so `/?sname=one` is `one@vm` on a machine called vm, and the tab
 * reaches real BEAM nodes through the gateway's /beam websockets (transports/gateway.ts).
 */
import type { MachineDefaults } from './identity.ts';
import { gatewayTransport, type GatewayState, type SocketLike } from '../distribution/transports/gateway.ts';
import type { Transport } from '../distribution/transports/transport.ts';
import { peerIdForNode } from '../distribution/peer-id.ts';

export interface BeamHosts {
  readonly short: string;
  readonly long: string;
}

/** The served host names, or null on a page without the gateway. */
export function beamHostsOf(doc: Pick<Document, 'querySelector'>): BeamHosts | null {
  const meta = doc.querySelector('meta[name="playground-beam"]');
  const short = meta?.getAttribute('content');
  if (!meta || !short) return null;
  return { short, long: meta.getAttribute('data-long') || short };
}

/** The profile's defaults, with the gateway's host names in place of the made-up one. */
export function withBeamHosts(machine: MachineDefaults, beam: BeamHosts | null): MachineDefaults {
  return beam === null ? machine : { ...machine, host: beam.short, longHost: beam.long };
}

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
