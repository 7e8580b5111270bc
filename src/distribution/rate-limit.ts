/**
 * Rate limiting of failed incoming handshakes, per link identity: the name the transport knows
 * the caller by (its signalling id), never a name the caller claims in send_name. Each failure is
 * logged with BEAM's exact text; after `failures` of them within `windowMs`, further attempts
 * from that identity are refused without a handshake for `blockMs` (logged once), so a tab
 * looping on a wrong cookie or on made-up names cannot flood the log or burn CPU on digests,
 * and cannot lock out the node whose name it claims.
 */

export interface RateLimitOptions {
  readonly failures: number;
  readonly windowMs: number;
  readonly blockMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { failures: 3, windowMs: 60_000, blockMs: 60_000 };

/** Entries kept before expired ones are swept. */
const PRUNE_AT = 1024;

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly blocked = new Map<string, number>();
  /** The next sweep's size: twice what the last one kept, so sweeps cost O(1) per failure. */
  private pruneAt = PRUNE_AT;

  constructor(private readonly o: RateLimitOptions) {}

  /** Records a failure; returns true when this one starts a block (log it then). */
  fail(peer: string, now: number): boolean {
    if (this.tracked > this.pruneAt) {
      this.prune(now);
      this.pruneAt = Math.max(PRUNE_AT, 2 * this.tracked);
    }
    const recent = (this.failures.get(peer) ?? []).filter((t) => now - t < this.o.windowMs);
    recent.push(now);
    if (recent.length >= this.o.failures) {
      this.failures.delete(peer);
      this.blocked.set(peer, now + this.o.blockMs);
      return true;
    }
    this.failures.set(peer, recent);
    return false;
  }

  isBlocked(peer: string, now: number): boolean {
    const until = this.blocked.get(peer);
    if (until === undefined) return false;
    if (now < until) return true;
    this.blocked.delete(peer);
    return false;
  }

  /** A successful handshake forgets earlier failures. */
  succeeded(peer: string): void {
    this.failures.delete(peer);
  }

  /** Identities with recent failures or a block (bounded by sweeping expired ones). */
  get tracked(): number {
    return this.failures.size + this.blocked.size;
  }

  /** Forgets expired entries, so identities that come and go do not pile up. */
  private prune(now: number): void {
    for (const [peer, times] of this.failures) if (times.every((t) => now - t >= this.o.windowMs)) this.failures.delete(peer);
    for (const [peer, until] of this.blocked) if (now >= until) this.blocked.delete(peer);
  }

  message(peer: string): string {
    return `** Connection attempts from node ${peer} rate-limited: ${this.o.failures} failed within ${this.o.windowMs / 1000} s; refusing it for ${this.o.blockMs / 1000} s **`;
  }
}
