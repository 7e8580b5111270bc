/**
 * The nodes the signalling server knows, as `:net_adm.names` lists what EPMD knows: the PeerJS
 * ids of its connected clients (`GET /peerjs/peerjs/peers`) turned back into node names,
 * refreshed every few seconds while the component is mounted.
 */
import { useEffect, useState } from 'react';
import { nodeForPeerId } from '../../distribution/peer-id.ts';
import { signallingConfigFor } from '../signalling-config.ts';

const REFRESH_MS = 3000;

export type KnownNodes = { readonly state: 'loading' } | { readonly state: 'error'; readonly reason: string } | { readonly state: 'ok'; readonly nodes: readonly string[] };

/** The peer list's URL on the signalling server that served this page. */
export function peersUrl(loc: Location): string {
  const c = signallingConfigFor(loc);
  return `${c.secure ? 'https' : 'http'}://${c.host}:${c.port}${c.path}/${c.key}/peers`;
}

/** Node names from PeerJS ids, sorted, without ids that are not nodes. */
export function nodesFromPeerIds(ids: readonly string[]): string[] {
  return ids.map(nodeForPeerId).filter((n): n is string => n !== null).sort();
}

/**
 * The list as a tab shows it: the nodes of its own host first (its class), then the others,
 * each part sorted. Tabs of other hosts on the same server come and go below, so the rows of
 * one's own class do not move under the pointer while another class joins.
 */
export function ownHostFirst(nodes: readonly string[], self: string | null): readonly string[] {
  const at = self?.indexOf('@') ?? -1;
  if (self === null || at < 0) return nodes;
  const host = self.slice(at);
  const own = nodes.filter((n) => n.endsWith(host));
  return own.length === 0 || own.length === nodes.length ? nodes : [...own, ...nodes.filter((n) => !n.endsWith(host))];
}

export function useKnownNodes(): KnownNodes {
  const [known, setKnown] = useState<KnownNodes>({ state: 'loading' });
  useEffect(() => {
    let stopped = false;
    const url = peersUrl(location);
    const load = async () => {
      try {
        const res = await fetch(url, { cache: 'no-store' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const ids = (await res.json()) as string[];
        if (!stopped) setKnown((old) => (old.state === 'ok' && same(old.nodes, nodesFromPeerIds(ids)) ? old : { state: 'ok', nodes: nodesFromPeerIds(ids) }));
      } catch (err) {
        if (!stopped) setKnown({ state: 'error', reason: (err as Error).message });
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return known;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
