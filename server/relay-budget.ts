/**
 * How many messages each address may have relayed: a token bucket per address. A tab joining a
 * class sends an OFFER and a few CANDIDATEs per node it meets, a few hundred messages at most; a
 * client looping on OFFERs to one tab would otherwise have each one relayed, and the victim's
 * PeerJS opens an RTCPeerConnection per OFFER and keeps every CANDIDATE it cannot place.
 */
interface Bucket {
  tokens: number;
  at: number;
  readonly perSecond: number;
  readonly burst: number;
}

export class RelayBudget {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number) {}

  /** Spends one message of `key`'s budget (`perSecond` a second, up to `burst` saved); false when spent. */
  take(key: string, perSecond: number, burst: number): boolean {
    const b = this.refilled(key, perSecond, burst);
    if (b.tokens < 1) return false;
    b.tokens--;
    return true;
  }

  /** Forgets full buckets (as good as new): the map holds only addresses that sent lately. */
  prune(): void {
    for (const [key, b] of this.buckets) if (this.refilled(key, b.perSecond, b.burst).tokens >= b.burst) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, perSecond: number, burst: number): Bucket {
    const now = this.now();
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { tokens: burst, at: now, perSecond, burst };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(b.burst, b.tokens + ((now - b.at) / 1000) * b.perSecond);
    b.at = now;
    return b;
  }
}
