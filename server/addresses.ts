/** The machine's addresses: which URLs students can open, and which clients are on this machine. */
import type { NetworkInterfaceInfo } from 'node:os';

/**
 * The URLs to print for `--host`: with 0.0.0.0 (or ::) one per LAN address of the machine (each
 * non-internal IPv4 address), as a student types it; otherwise the host itself.
 */
export function urlsToOpen(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  const lan = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => `http://${i.address}:${port}/`);
  return lan.length > 0 ? lan : [`http://localhost:${port}/`];
}

export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.');
}
