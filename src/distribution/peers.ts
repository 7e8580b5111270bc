/**
 * The bookkeeping of a node's peers: connections that are up, attempts still pending (with the
 * control messages and `Node.connect` callers waiting on them), and incoming handshakes. It turns
 * LinkDriver reports into slot changes and calls its `Hooks` for what they mean to the node
 * (up, failed, down, messages); distribution.ts supplies the hooks.
 */
import { atom } from '../core/term/types.ts';
import type { Atom } from '../core/term/types.ts';
import { inspectAtom } from '../core/term/atom-format.ts';
import { createAcceptor, type PendingAnswer } from './handshake/acceptor.ts';
import { nameGreater } from './handshake/common.ts';
import { createInitiator } from './handshake/initiator.ts';
import { beamFlags } from './handshake/flags.ts';
import type { HandshakeEvent, HandshakeOptions } from './handshake/events.ts';
import { Connection } from './connection.ts';
import type { ControlMessage } from './control.ts';
import { LinkDriver } from './link-driver.ts';
import type { LinkOwner } from './link-driver.ts';
import type { Link, Transport } from './transports/transport.ts';
import type { DistEvent } from './dist-types.ts';
import { funHooksFor, type FunHooks } from './etf/fun-hooks.ts';
import type { FailureLimiter } from './rate-limit.ts';
import type { LogLevel } from '../core/ports.ts';
import type { Busy } from '../core/runtime/remote.ts';

export interface PeerHooks {
  now(): number;
  log(level: LogLevel, text: string): void;
  emit(e: DistEvent): void;
  /** A connection came up; `flags` are both sides' flags ANDed (PUBLISHED unset: hidden). */
  up(peer: Atom, flags: bigint, creation: number): void;
  /** A pending attempt failed (never up): queued messages are dropped. */
  failed(peer: Atom, reason: string): void;
  /** An up connection ended. */
  down(peer: Atom, reason: string): void;
  received(peer: Atom, messages: ControlMessage[]): void;
  /** Something changed that the kernel must look at (new deadlines, output to flush). */
  poke(): void;
  /** `d` has output queued (sent at the end of the scheduler slice, or by the kernel). */
  queued(d: LinkDriver): void;
  /** The connection to `peer`, reported busy by `send`, has drained. */
  drained(peer: Atom): void;
}

export interface PeerConfig {
  readonly transport: Transport;
  readonly handshake: Omit<HandshakeOptions, 'random'> & { random: HandshakeOptions['random'] };
  readonly setupTimeoutMs: number;
  readonly tickIntervalMs: number | undefined;
  readonly tickTimeoutMs: number | undefined;
  readonly funHooks: FunHooks | undefined;
  readonly limiter: FailureLimiter;
}

/**
 * Messages queued for a connection still being set up beyond which senders are suspended (as
 * on a busy connection) until it is up or has failed: a flood during a handshake stays bounded.
 */
export const PENDING_BUSY_MESSAGES = 4096;

/**
 * How long an incoming handshake we answered `nok` stays open for the peer to read the status
 * and close it: a data channel closed right after a send may drop what it sent, and the peer
 * must hear `nok` (not a close) to wait for our attempt instead of failing its callers.
 */
export const NOK_LINGER_MS = 2_000;

/**
 * A pending connection (net_kernel's `pending` entry): the callers and messages waiting for
 * it, and its one owner, the handshake setting it up. The owner is our own attempt ('connecting'
 * until the transport answers, then its initiator), or the peer's attempt we accepted (an
 * acceptor: answered ok, or ok_simultaneous, which took the place of our own attempt), or null
 * after our attempt got `nok` (the peer's attempt, with the greater name, is on its way).
 */
interface Slot {
  readonly queue: ControlMessage[];
  readonly waiters: ((ok: boolean) => void)[];
  owner: LinkDriver | 'connecting' | null;
  deadline: number;
}

export class Peers implements LinkOwner {
  readonly up = new Map<Atom, LinkDriver>();
  readonly pending = new Map<Atom, Slot>();
  /**
   * Incoming handshakes: their setup deadline and the link's identity (the name the transport
   * knows the caller by: its signalling id). Failures count against that identity, never against
   * a name the caller claims, so neither a changing claim nor an impostor's can move the limit.
   */
  private readonly accepting = new Map<LinkDriver, { deadline: number; from: string }>();
  private readonly failReasons = new WeakMap<LinkDriver, string>();
  /**
   * Incoming handshakes that found the peer up and answered `alive` (net_kernel's up_pending):
   * at most one per peer; it replaces the old connection once it proves the cookie.
   */
  private readonly upPending = new Map<Atom, LinkDriver>();

  constructor(
    private readonly cfg: PeerConfig,
    private readonly hooks: PeerHooks,
  ) {}

  now(): number {
    return this.hooks.now();
  }

  /**
   * Queues `m` for `peer`, starting a connection attempt when there is none. 'busy': queued,
   * but the connection is over its busy limit (LinkDriver.send); `drained` follows.
   */
  send(peer: Atom, m: ControlMessage): Busy {
    const d = this.up.get(peer);
    if (d !== undefined) {
      const r = d.send(m);
      this.hooks.queued(d);
      if (r === 'busy') return r;
      if (r !== null) this.hooks.log('error', `** ${r} (to node ${inspectAtom(peer.name)}) **`);
      return;
    }
    const s = this.ensure(peer);
    s.queue.push(m);
    // While the handshake runs the messages wait unencoded: bound them by count (up or failed resumes).
    return s.queue.length >= PENDING_BUSY_MESSAGES ? 'busy' : undefined;
  }

  drained(d: LinkDriver): void {
    if (d.peer !== null && this.up.get(d.peer) === d) this.hooks.drained(d.peer);
  }

  ensure(peer: Atom, waiter?: (ok: boolean) => void): Slot {
    let s = this.pending.get(peer);
    if (s === undefined) {
      s = { queue: [], waiters: [], owner: 'connecting', deadline: this.now() + this.cfg.setupTimeoutMs };
      this.pending.set(peer, s);
      this.startAttempt(peer, s);
      this.hooks.poke();
    }
    if (waiter !== undefined) s.waiters.push(waiter);
    return s;
  }

  private startAttempt(peer: Atom, s: Slot): void {
    this.hooks.emit({ type: 'connection:attempt', peer, role: 'initiator' });
    this.cfg.transport.connect(peer.name, (r) => {
      // The peer's own attempt took this slot meanwhile (ok_simultaneous), or it is gone.
      if (this.pending.get(peer) !== s || s.owner !== 'connecting') {
        if (r.ok) r.link.close();
        return;
      }
      if (!r.ok) return this.fail(peer, `connection_setup_failed: ${r.reason}`);
      // `alive` from the peer: go on only while this attempt still owns the slot (is_pending).
      const m = createInitiator({ ...this.cfg.handshake, myFlags: this.flagsFor(r.link), peerName: peer.name, isPending: () => this.pending.get(peer)?.owner === d });
      const d: LinkDriver = new LinkDriver(r.link, { role: 'initiator', m }, this, peer);
      s.owner = d;
      d.start();
    });
  }

  /** An incoming link from the node the transport knows as `from`; it may claim only that name. */
  accept(link: Link, from: string): void {
    if (this.cfg.limiter.isBlocked(from, this.now())) return link.close();
    // A TCP listener cannot know who calls: a BEAM link takes the name its send_name claims.
    const m = createAcceptor({
      ...this.cfg.handshake, myFlags: this.flagsFor(link), ...(link.beam === true ? {} : { linkPeer: from }), markPending: (p) => this.markPending(d, atom(p)) });
    const d: LinkDriver = new LinkDriver(link, { role: 'acceptor', m }, this, null);
    this.accepting.set(d, { deadline: this.now() + this.cfg.setupTimeoutMs, from });
    this.hooks.poke(); // a caller that stalls is dropped at this deadline, not at the next tick check
  }

  /** Our handshake flags on `link`: BEAM's own toward a real node (beamFlags). */
  private flagsFor(link: Link): bigint {
    return link.beam === true ? beamFlags(this.cfg.handshake.myFlags) : this.cfg.handshake.myFlags;
  }

  /**
   * net_kernel's `{accept_pending, ...}`: what the incoming handshake `d` from `peer` answers, and
   * the bookkeeping that goes with it, so that one handshake per peer is ever pending and both
   * sides settle on the same one. One pending entry covers our own attempt and an accepted one
   * alike: a second handshake meets the first whichever side started either.
   */
  private markPending(d: LinkDriver, peer: Atom): PendingAnswer {
    if (this.up.has(peer)) {
      if (this.upPending.has(peer)) return 'already_pending';
      this.upPending.set(peer, d);
      return 'alive';
    }
    const s = this.pending.get(peer);
    if (s === undefined) {
      this.pending.set(peer, { queue: [], waiters: [], owner: d, deadline: this.now() + this.cfg.setupTimeoutMs });
      this.hooks.poke();
      return 'ok';
    }
    if (nameGreater(this.cfg.handshake.myName, peer.name)) return 'nok';
    // Our name is smaller: the peer's attempt wins. It takes over the slot (its callers and
    // queued messages), and the handshake that owned it ends.
    const old = s.owner;
    s.owner = d;
    s.deadline = this.now() + this.cfg.setupTimeoutMs;
    if (old instanceof LinkDriver) old.close('simultaneous connect: the other attempt wins');
    return 'ok_simultaneous';
  }

  handshakeEvent(d: LinkDriver, e: HandshakeEvent): void {
    switch (e.type) {
      case 'step':
        this.touch(d);
        this.hooks.emit({ type: 'handshake:step', peer: d.peer, name: e.name, direction: e.direction, outcome: e.outcome });
        if (e.name === 'send_name' && e.direction === 'in' && d.peer !== null) {
          // Blocked while this link was opening (several links at once): stop here.
          if (this.isBlocked(d)) d.close('rate-limited');
          else this.hooks.emit({ type: 'connection:attempt', peer: d.peer, role: 'acceptor' });
        }
        return;
      case 'failed': {
        const peer = d.peer;
        const text = e.log ?? (e.reason === 'protocol_error' ? this.protocolErrorText(d, e.detail ?? '') : undefined);
        if (text !== undefined) this.logFailure(d, text);
        this.failReasons.set(d, e.reason);
        // An acceptor that owns a slot is reported by `fail` when it closes.
        if (d.role === 'acceptor' && peer !== null && !this.owns(d)) this.hooks.emit({ type: 'connection:failed', peer, reason: e.reason });
        const why = `handshake failed: ${e.reason}${e.detail !== undefined ? ` (${e.detail})` : ''}`;
        const a = this.accepting.get(d);
        // After `nok` the peer closes the link once it has read it (or the linger ends).
        if (e.reason === 'nok' && a !== undefined) {
          a.deadline = Math.min(a.deadline, this.now() + NOK_LINGER_MS);
          this.hooks.poke(); // the kernel's next wake-up may be later than this deadline
        } else d.close(why);
        return;
      }
      case 'cancel_pending':
        return; // markPending moved the slot already (only a machine without it emits this)
      case 'replace_connection': {
        const old = this.up.get(atom(e.peerName));
        old?.close('replaced by a new connection');
        return;
      }
      case 'up':
        return this.promote(d, atom(e.peerName), e.flags, e.peerCreation);
    }
  }

  private isBlocked(d: LinkDriver): boolean {
    const from = this.accepting.get(d)?.from;
    return from !== undefined && this.cfg.limiter.isBlocked(from, this.now());
  }

  /**
   * A handshake failure the node logs. An incoming one counts against the link's identity; once
   * that identity is blocked its further failures (links opened before the block) are not logged,
   * so the log stays bounded however many links it opens.
   */
  private logFailure(d: LinkDriver, text: string): void {
    const from = this.accepting.get(d)?.from;
    if (from === undefined) return this.hooks.log('error', text);
    if (this.cfg.limiter.isBlocked(from, this.now())) return;
    this.hooks.log('error', text);
    this.countFailure(d);
  }

  /** An incoming handshake's failure counts against its link's identity; the block is logged once. */
  private countFailure(d: LinkDriver): void {
    const from = this.accepting.get(d)?.from;
    if (from === undefined || this.cfg.limiter.isBlocked(from, this.now())) return;
    if (this.cfg.limiter.fail(from, this.now())) this.hooks.log('warning', this.cfg.limiter.message(inspectAtom(from)));
  }

  /**
   * Malformed handshake bytes (BEAM closes such a socket without a word; a tab says why, once per
   * failure the limiter allows). The detail quotes peer bytes, so it is cut short.
   */
  private protocolErrorText(d: LinkDriver, detail: string): string {
    const from = this.accepting.get(d)?.from;
    const who = from !== undefined ? `from node ${inspectAtom(from)}` : `to node ${d.peer !== null ? inspectAtom(d.peer.name) : '?'}`;
    const short = detail.length > 200 ? `${detail.slice(0, 200)}...` : detail;
    return `** Connection attempt ${who} closed: protocol error: ${short} **`;
  }

  private touch(d: LinkDriver): void {
    const deadline = this.now() + this.cfg.setupTimeoutMs;
    const a = this.accepting.get(d);
    if (a !== undefined) a.deadline = deadline;
    const s = d.peer !== null ? this.pending.get(d.peer) : undefined;
    if (s !== undefined && s.owner === d) s.deadline = deadline;
  }

  /** `d` is the handshake its peer's pending slot waits on. */
  private owns(d: LinkDriver): boolean {
    return d.peer !== null && this.pending.get(d.peer)?.owner === d;
  }

  private promote(d: LinkDriver, peer: Atom, flags: bigint, creation: number): void {
    const from = this.accepting.get(d)?.from;
    this.accepting.delete(d);
    if (from !== undefined) this.cfg.limiter.succeeded(from);
    // Two links came up for one peer: its identity opened two at once and both passed send_name
    // before either was up (OTP lets one handshake per node through). The first stays; the
    // second closes without a word to monitors, which heard one nodeup. A restarted node's link
    // is not this case: it replaced the old one (replace_connection) before coming up.
    const old = this.up.get(peer);
    if (old !== undefined && old !== d) return d.close('duplicate: a connection to this node is already up');
    const conn = new Connection({
      peer, flags, now: this.now(), maxMessageBytes: this.cfg.transport.maxMessageBytes, beam: d.link.beam === true, lentMessages: d.link.lendsMessages === true,
      ...(this.cfg.tickIntervalMs !== undefined ? { tickIntervalMs: this.cfg.tickIntervalMs } : {}),
      ...(this.cfg.tickTimeoutMs !== undefined ? { tickTimeoutMs: this.cfg.tickTimeoutMs } : {}),
      ...(this.cfg.funHooks !== undefined ? { hooks: funHooksFor(this.cfg.funHooks, flags) } : {}),
    });
    d.becomeUp(conn);
    this.up.set(peer, d);
    if (this.upPending.get(peer) === d) this.upPending.delete(peer);
    const s = this.pending.get(peer);
    this.pending.delete(peer);
    if (s !== undefined && s.owner instanceof LinkDriver && s.owner !== d) s.owner.close('superseded');
    for (const m of s?.queue ?? []) {
      const err = conn.send(m);
      if (err !== null) this.hooks.log('error', `** ${err} **`);
    }
    this.hooks.up(peer, flags, creation);
    for (const w of s?.waiters ?? []) w(true);
    d.flush();
  }

  closed(d: LinkDriver, reason: string): void {
    this.accepting.delete(d);
    const peer = d.peer;
    if (peer === null) return;
    if (d.conn !== null) {
      if (this.up.get(peer) !== d) return;
      this.up.delete(peer);
      if (reason.startsWith('protocol error')) this.hooks.log('error', `** Connection to node ${inspectAtom(peer.name)} closed: ${reason} **`);
      return this.hooks.down(peer, reason);
    }
    if (this.upPending.get(peer) === d) this.upPending.delete(peer);
    const s = this.pending.get(peer);
    if (s === undefined || s.owner !== d) return;
    s.owner = null;
    // nok: the peer's own attempt to us wins; wait for it (until the setup deadline).
    const failed = this.failReasons.get(d);
    if (d.role === 'initiator' && failed === 'nok') return;
    // An accepted handshake that failed reports its handshake's reason, as it did before it owned a slot.
    this.fail(peer, d.role === 'acceptor' && failed !== undefined ? failed : reason);
  }

  received(d: LinkDriver, messages: ControlMessage[]): void {
    if (d.peer !== null && this.up.get(d.peer) === d) this.hooks.received(d.peer, messages);
  }

  fail(peer: Atom, reason: string): void {
    const s = this.pending.get(peer);
    if (s === undefined) return;
    this.pending.delete(peer);
    if (s.owner instanceof LinkDriver) s.owner.close(reason);
    for (const w of s.waiters) w(false);
    this.hooks.failed(peer, reason);
  }

  /** Handshake deadlines; returns the next one (or null). */
  checkDeadlines(now: number): number | null {
    let next: number | null = null;
    for (const [peer, s] of [...this.pending]) {
      if (s.deadline <= now) this.fail(peer, 'connection_setup_failed: timeout');
      else next = next === null ? s.deadline : Math.min(next, s.deadline);
    }
    for (const [d, { deadline: at }] of [...this.accepting]) {
      if (at > now) {
        next = next === null ? at : Math.min(next, at);
        continue;
      }
      // A caller that keeps a link open after our nok is no real node (one closes it on reading
      // it): count it against its identity, so a flood of them ends in the limiter's block.
      if (this.failReasons.get(d) === 'nok') this.countFailure(d);
      d.close('handshake timeout');
    }
    return next;
  }
}
