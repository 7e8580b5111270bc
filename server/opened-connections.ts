/**
 * The data connections OFFERs opened, per pair of peers, so the server relays an ANSWER or a
 * CANDIDATE only for one of them. PeerJS keeps every ANSWER and CANDIDATE for a connection id it
 * does not know (its `_lostMessages`) for as long as the tab lives: relayed blindly, a hostile
 * peer could fill another tab's memory with them.
 *
 * Bounded: a pair remembers its MAX_IDS_PER_PAIR latest connection ids, a peer its
 * MAX_PAIRS_PER_PEER latest partners (older ones are forgotten first; their negotiations are long
 * over). Everything of a peer is forgotten when it leaves.
 */
export const MAX_IDS_PER_PAIR = 16;
export const MAX_PAIRS_PER_PEER = 256;
/** PeerJS's connection ids are `dc_` or `mc_` and a few random characters. */
const MAX_CONNECTION_ID_LENGTH = 64;

export class OpenedConnections {
  /** Pair key (the two ids, sorted) to its connection ids, oldest first. */
  private readonly pairs = new Map<string, string[]>();
  /** A peer's pair keys with the other peer's id, oldest first (a Map keeps insertion order). */
  private readonly partners = new Map<string, Map<string, string>>();

  /** `from` sent an OFFER to `to` for `connectionId` (ignored unless it is a short string). */
  offered(from: string, to: string, connectionId: unknown): void {
    if (typeof connectionId !== 'string' || connectionId.length > MAX_CONNECTION_ID_LENGTH) return;
    const key = pairKey(from, to);
    let ids = this.pairs.get(key);
    if (ids === undefined) {
      ids = [];
      this.pairs.set(key, ids);
      this.link(from, to, key);
      this.link(to, from, key);
    }
    if (ids.includes(connectionId)) return;
    ids.push(connectionId);
    if (ids.length > MAX_IDS_PER_PAIR) ids.shift();
  }

  /** Did an OFFER between `a` and `b` (either way) open `connectionId`? */
  opened(a: string, b: string, connectionId: unknown): boolean {
    return typeof connectionId === 'string' && (this.pairs.get(pairKey(a, b))?.includes(connectionId) ?? false);
  }

  /** `id` left: forget every pair it was in. */
  forget(id: string): void {
    for (const [other, key] of this.partners.get(id) ?? []) this.drop(key, id, other);
    this.partners.delete(id);
  }

  /** Pairs remembered now (for tests: memory stays bounded). */
  get size(): number {
    return this.pairs.size;
  }

  private link(id: string, other: string, key: string): void {
    let mine = this.partners.get(id);
    if (mine === undefined) {
      mine = new Map();
      this.partners.set(id, mine);
    }
    mine.set(other, key);
    if (mine.size > MAX_PAIRS_PER_PEER) {
      const [oldest, oldestKey] = mine.entries().next().value as [string, string];
      this.drop(oldestKey, id, oldest);
    }
  }

  private drop(key: string, a: string, b: string): void {
    this.pairs.delete(key);
    this.partners.get(a)?.delete(b);
    const theirs = this.partners.get(b);
    theirs?.delete(a);
    if (theirs?.size === 0) this.partners.delete(b);
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}
