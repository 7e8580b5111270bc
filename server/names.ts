/**
 * Who holds which PeerJS id (EPMD's table): the live registrations, and the names kept for a tab
 * whose socket dropped. A name belongs to the secret token it was registered with: for
 * GRACE_MS after its socket drops, only that token gets it back, so a signalling drop cannot hand
 * a node's name to someone else while the tab reconnects.
 *
 * Bounded: each address holds at most `limitFor(address)` live connections and as many kept
 * names (its oldest kept name goes first), and the whole table at most MAX_CONNECTIONS of each.
 */
import { isCanonicalPeerId, MAX_ID_LENGTH } from './peer-ids.ts';
import { bump } from './socket-count.ts';

/** How long a dropped tab's name stays reserved for its token (README: the signalling server). */
export const GRACE_MS = 60_000;
/** Connections (and kept names) one remote address may hold; `--max-per-address` changes it. */
export const DEFAULT_MAX_PER_ADDRESS = 50;
/** Live connections in all, as the PeerServer's `concurrent_limit`. */
export const MAX_CONNECTIONS = 5000;
const MAX_TOKEN_LENGTH = 256;

export type Admission<C> =
  | { readonly ok: true; /** A connection with the same token that this one replaces. */ readonly replaced: C | null }
  | { readonly ok: false; readonly type: 'ERROR' | 'ID-TAKEN'; readonly reason: string };

interface Live<C> {
  readonly conn: C;
  readonly token: string;
  readonly address: string;
}
interface Kept {
  readonly token: string;
  readonly address: string;
  readonly until: number;
}

export interface NameTableOptions {
  readonly now: () => number;
  /** How many connections and kept names `address` may hold. */
  readonly limitFor: (address: string) => number;
  readonly graceMs?: number;
}

export class NameTable<C> {
  private readonly live = new Map<string, Live<C>>();
  private readonly kept = new Map<string, Kept>();
  private readonly liveAt = new Map<string, number>();
  private readonly keptAt = new Map<string, number>();
  private readonly graceMs: number;

  constructor(private readonly options: NameTableOptions) {
    this.graceMs = options.graceMs ?? GRACE_MS;
  }

  /** May `conn` from `address` register `id` with `token`? If so it now holds the id. */
  register(conn: C, id: string, token: string, address: string): Admission<C> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return refuse('ERROR', 'Invalid token provided');
    const holder = this.live.get(id);
    // A tab back before its old socket was seen to drop takes that socket's place: it adds nothing,
    // so a student at the limit whose network blips is not refused until the old socket times out.
    const takesOver = holder !== undefined && holder.token === token && holder.address === address;
    if (!takesOver) {
      if (this.live.size >= MAX_CONNECTIONS) return refuse('ERROR', 'Server has reached its concurrent user limit');
      const limit = this.options.limitFor(address);
      if ((this.liveAt.get(address) ?? 0) >= limit) {
        return refuse('ERROR', `Too many connections from ${address} (limit ${limit}, see --max-per-address)`);
      }
    }
    if (id.length > MAX_ID_LENGTH || !isCanonicalPeerId(id)) return refuse('ERROR', `ID "${id.slice(0, 80)}" is not a node name's id`);
    const keptFor = this.keptToken(id);
    if ((holder && holder.token !== token) || (keptFor !== null && keptFor !== token)) return refuse('ID-TAKEN', 'ID is taken');
    // The same token: the tab itself, back before its old socket was seen to drop.
    if (holder) this.drop(id);
    this.unkeep(id);
    this.live.set(id, { conn, token, address });
    bump(this.liveAt, address, 1);
    return { ok: true, replaced: holder ? holder.conn : null };
  }

  /**
   * `conn` closed. A clean close (the tab left, or was reloaded) frees its name; a drop keeps it
   * for its token for the grace period.
   */
  closed(conn: C, id: string, clean: boolean): void {
    const holder = this.live.get(id);
    if (!holder || holder.conn !== conn) return; // replaced by a reconnect with the same token
    this.drop(id);
    if (!clean) this.keep(id, holder.token, holder.address);
  }

  /** The connection holding `id` right now. */
  connection(id: string): C | undefined {
    return this.live.get(id)?.conn;
  }

  /** Does `token` hold `id` right now (the tab that registered it, as the gateway asks)? */
  holds(id: string, token: string): boolean {
    return this.live.get(id)?.token === token;
  }

  ids(): string[] {
    return [...this.live.keys()].sort();
  }

  /** Forgets names whose grace period is over (memory; lookups check the time themselves). */
  expire(): void {
    const now = this.options.now();
    for (const [id, k] of this.kept) if (k.until <= now) this.unkeep(id);
  }

  private keptToken(id: string): string | null {
    const k = this.kept.get(id);
    if (k === undefined) return null;
    if (k.until > this.options.now()) return k.token;
    this.unkeep(id);
    return null;
  }

  private keep(id: string, token: string, address: string): void {
    const limit = Math.min(this.options.limitFor(address), MAX_CONNECTIONS);
    if ((this.keptAt.get(address) ?? 0) >= limit) this.unkeep(this.oldestKept((k) => k.address === address));
    if (this.kept.size >= MAX_CONNECTIONS) this.unkeep(this.oldestKept(() => true));
    this.kept.set(id, { token, address, until: this.options.now() + this.graceMs });
    bump(this.keptAt, address, 1);
  }

  /** Kept names are in insertion order, which is the order of their deadlines. */
  private oldestKept(match: (k: Kept) => boolean): string | undefined {
    for (const [id, k] of this.kept) if (match(k)) return id;
    return undefined;
  }

  private unkeep(id: string | undefined): void {
    const k = id === undefined ? undefined : this.kept.get(id);
    if (k === undefined || id === undefined) return;
    this.kept.delete(id);
    bump(this.keptAt, k.address, -1);
  }

  private drop(id: string): void {
    const holder = this.live.get(id);
    if (!holder) return;
    this.live.delete(id);
    bump(this.liveAt, holder.address, -1);
  }
}

function refuse<C>(type: 'ERROR' | 'ID-TAKEN', reason: string): Admission<C> {
  return { ok: false, type, reason };
}
