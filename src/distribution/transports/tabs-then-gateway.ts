/**
 * A tab's network in `--beam` mode: other tabs over WebRTC as always, and a name that is not a tab
 * through the gateway to real BEAM nodes. A connect tries the tabs first (the signalling server
 * answers at once for a name no tab holds) and then the gateway; a tab listens on both.
 */
import type { Transport } from './transport.ts';

export function tabsThenGateway(tabs: Transport, gateway: Transport): Transport {
  return {
    maxMessageBytes: Math.min(tabs.maxMessageBytes, gateway.maxMessageBytes),
    listen(nodeName, onIncoming) {
      const first = tabs.listen(nodeName, onIncoming);
      if (!first.ok) return first;
      // The gateway says itself (GatewayState) when EPMD refuses the name: the tab stays a tab.
      const second = gateway.listen(nodeName, onIncoming);
      return {
        ok: true,
        stop: () => {
          first.stop();
          if (second.ok) second.stop();
        },
      };
    },
    connect(peerName, done) {
      tabs.connect(peerName, (r) => {
        if (r.ok) return done(r);
        gateway.connect(peerName, (g) => done(g.ok ? g : { ok: false, reason: `${r.reason}; gateway: ${g.reason}` }));
      });
    },
  };
}
