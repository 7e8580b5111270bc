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

/**
 * What the per-address limits count by: the address itself for IPv4, its /64 network for IPv6.
 * An IPv6 host picks any address in its /64 (privacy addresses, or `ip addr add` on a student's
 * own laptop), so counting per /128 would let one laptop fill the whole server.
 */
export function limitKey(address: string): string {
  if (!address.includes(':') || isLoopback(address)) return address;
  const bare = address.split('%')[0] as string; // fe80::1%eth0: the zone names our interface, not theirs
  const [head = '', tail] = bare.split('::');
  const groups = head === '' ? [] : head.split(':');
  if (tail !== undefined) {
    const rest = tail === '' ? [] : tail.split(':');
    groups.push(...Array<string>(Math.max(0, 8 - groups.length - rest.length)).fill('0'), ...rest);
  }
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The limitKey of a socket's peer (`::ffff:10.0.0.5`, IPv4 on an IPv6 socket, is 10.0.0.5). */
export function addressOf(socket: { readonly remoteAddress?: string | undefined }): string {
  const address = socket.remoteAddress ?? 'unknown';
  return limitKey(address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address);
}
