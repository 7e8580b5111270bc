import type { SignallingConfig } from '../distribution/transports/peerjs.ts';

/**
 * The signalling server is the one that served the page (same host and port, under /peerjs).
 * ICE servers: none by default (loopback and LANs need none); `?ice=stun:host:3478` adds one.
 */
export function signallingConfigFor(loc: Location): SignallingConfig {
  const port = loc.port ? Number(loc.port) : loc.protocol === 'https:' ? 443 : 80;
  const ice = new URLSearchParams(loc.search).getAll('ice');
  return {
    host: loc.hostname,
    port,
    secure: loc.protocol === 'https:',
    path: '/peerjs',
    key: 'peerjs',
    iceServers: ice.map((urls) => ({ urls })),
  };
}

/**
 * The tab's secret for its node name (128 random bits, hex): registered with the name, it is how
 * the signalling server knows the tab that comes back after a drop. Only that server sees it.
 */
export function signallingToken(fillRandom: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array): string {
  return [...fillRandom(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
