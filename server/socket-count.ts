/**
 * Open sockets per remote address, for limits that must hold before any protocol is spoken: a
 * socket that never finishes its HTTP headers, or a websocket the server refused and that never
 * answers the close (ws waits 30 s for it), still holds memory and a file descriptor.
 */

/** Adds `by` to `key`'s count, forgetting keys that reach 0 (so the map holds only open sockets). */
export function bump(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n <= 0) counts.delete(key);
  else counts.set(key, n);
}

export class SocketCount {
  private readonly open = new Map<string, number>();

  /** Counts `socket` against `key` until it closes; false (not counted) when `key` already has `limit`. */
  admit(socket: { once(event: 'close', listener: () => void): unknown }, key: string, limit: number): boolean {
    if ((this.open.get(key) ?? 0) >= limit) return false;
    bump(this.open, key, 1);
    socket.once('close', () => bump(this.open, key, -1));
    return true;
  }

  /** Addresses with open sockets (memory stays bounded by the sockets themselves). */
  get addresses(): number {
    return this.open.size;
  }
}
