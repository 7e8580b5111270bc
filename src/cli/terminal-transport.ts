/**
 * The terminal node's transport: the in-process network for nodes of this process
 * (terminal-network.ts) and real TCP distribution for every other node (host/beam/tcp-transport.ts:
 * the machine's EPMD, real BEAM nodes, tabs behind a `--beam` gateway). It listens on both; a
 * name the in-process network knows is reached there, any other over TCP.
 */
import type { ConnectResult, Link, ListenResult, Transport } from '../distribution/transports/transport.ts';

export interface LocalNetwork {
  transport(): Transport;
  names(): string[];
}

export function terminalTransport(local: LocalNetwork, tcp: Transport): Transport {
  const mem = local.transport();
  return {
    maxMessageBytes: Math.min(mem.maxMessageBytes, tcp.maxMessageBytes),
    listen(nodeName: string, onIncoming: (link: Link, peerName: string) => void): ListenResult {
      const a = mem.listen(nodeName, onIncoming);
      if (!a.ok) return a;
      const b = tcp.listen(nodeName, onIncoming);
      if (!b.ok) {
        a.stop();
        return b;
      }
      return {
        ok: true,
        stop: () => {
          a.stop();
          b.stop();
        },
      };
    },
    connect(peerName: string, done: (r: ConnectResult) => void): void {
      (local.names().includes(peerName) ? mem : tcp).connect(peerName, done);
    },
  };
}
