/**
 * One peer's connection after the handshake, as a sans-IO state machine: control messages in,
 * transport messages out (`take`), transport messages in, control messages out (`receive`),
 * and a periodic `check` for ticks and the tick timeout. It does no I/O and keeps no timers;
 * the distribution layer calls it and moves the bytes. It never throws on peer input: malformed
 * bytes come back as an error, and the caller closes the link with that reason.
 *
 * Ticks, chosen for browser tabs (documented in the final report and README):
 * - every TICK_INTERVAL (15 s, as BEAM) a connection that wrote nothing since the last check
 *   sends a tick (an empty packet);
 * - a connection that received anything while it has written nothing for TICK_INTERVAL answers
 *   with a tick at once. Message events are not throttled in hidden tabs, timers are (1/s, and
 *   1/min after 5 minutes hidden), so a hidden tab still shows it is alive at the visible peer's
 *   pace;
 * - a peer is dropped after TICK_TIMEOUT (120 s) of silence. BEAM's 60 s would drop two hidden
 *   tabs whose timers fire once a minute; 120 s leaves room for a missed minute;
 * - silence is only counted while our own timer ran on time: if a check comes more than two
 *   intervals late (our tab was frozen or throttled), the window restarts, so a tab waking from
 *   a long freeze does not drop peers whose messages have not been delivered yet.
 */
import type { Atom } from '../core/term/types.ts';
import { decodePacket, decodeTerms, hasAtomCacheRefs, TICK } from './etf/packet.ts';
import { InAtomCache, OutAtomCache } from './etf/atom-cache.ts';
import { isClassMessage } from './class-traffic.ts';
import { FragmentReader } from './etf/fragments.ts';
import { VERSION, DIST_FRAG_HEADER, DIST_FRAG_CONT } from './etf/tags.ts';
import type { EncodeOptions } from './etf/encode.ts';
import type { DecodeOptions } from './etf/decode.ts';
import type { FunHooks } from './etf/fun-hooks.ts';
import { decodeControl, encodeControl } from './control.ts';
import type { ControlMessage } from './control.ts';
import { PacketReader, PacketWriter } from './packet-stream.ts';
import { readSendSender, readSendSenderAt } from './etf/send-path.ts';
import { DFLAG } from './handshake/flags.ts';

export const TICK_INTERVAL_MS = 15_000;
export const TICK_TIMEOUT_MS = 120_000;
export const MAX_PACKET_BYTES = 64 * 1024 * 1024;

export interface ConnectionOptions {
  readonly peer: Atom;
  /** The AND of both sides' flags, from the handshake. */
  readonly flags: bigint;
  readonly maxMessageBytes: number;
  readonly maxPacketBytes?: number;
  readonly tickIntervalMs?: number;
  readonly tickTimeoutMs?: number;
  readonly hooks?: FunHooks;
  /** The peer is a real BEAM node (the link's `beam`): its packets never take the pass-through form. */
  readonly beam?: boolean;
  /** When the connection came up (the clock's ms). */
  readonly now: number;
}

/**
 * What one transport message brought: the control messages decoded from it and, when a packet
 * in it was bad, why (the link must then close). The messages before the bad packet arrived
 * intact and are delivered first, as a BEAM node has acted on every packet before a bad one.
 */
export interface Received {
  readonly messages: ControlMessage[];
  readonly error: string | null;
}

export interface ConnectionStats {
  packetsOut: number;
  messagesOut: number;
  bytesOut: number;
  packetsIn: number;
  messagesIn: number;
  bytesIn: number;
  ticksOut: number;
  ticksIn: number;
}

export class Connection {
  readonly peer: Atom;
  readonly stats: ConnectionStats = { packetsOut: 0, messagesOut: 0, bytesOut: 0, packetsIn: 0, messagesIn: 0, bytesIn: 0, ticksOut: 0, ticksIn: 0 };
  private readonly writer: PacketWriter;
  private readonly reader: PacketReader;
  private readonly flags: bigint;
  /** The peer takes SEND_SENDER: messages to pids take the fast path (etf/send-path.ts). */
  private readonly sendSender: boolean;
  private readonly hooks: FunHooks | undefined;
  /** DIST_HDR_ATOM_CACHE negotiated: the class's packets take the `131,68` header form (etf/atom-cache.ts). */
  private readonly atomCache: boolean;
  /** What the peer's headers put in its cache, read in packet order. */
  private readonly inCache: InAtomCache | null;
  /** DFLAG_FRAGMENTS negotiated: a peer's large messages may come in fragments (we never send any). */
  private readonly fragments: FragmentReader | null;
  private readonly encodeOpts: EncodeOptions;
  /** Made once: decodePacket derives its per-form options from this object (and caches them). */
  private readonly decodeOpts: DecodeOptions;
  private readonly interval: number;
  private readonly timeout: number;
  private lastWriteAt: number;
  private lastReadAt: number;
  private lastCheckAt: number;
  private awakeSince: number;

  constructor(o: ConnectionOptions) {
    this.peer = o.peer;
    this.flags = o.flags;
    this.sendSender = (o.flags & DFLAG.SEND_SENDER) !== 0n;
    this.hooks = o.hooks;
    this.encodeOpts = o.hooks !== undefined ? { versionByte: false, hooks: o.hooks } : { versionByte: false };
    this.decodeOpts = o.hooks !== undefined ? { hooks: o.hooks } : {};
    // Both sides take packets of up to the same size: what our reader refuses, our writer does not send.
    const cache = (o.flags & DFLAG.DIST_HDR_ATOM_CACHE) !== 0n;
    this.atomCache = cache;
    this.inCache = cache ? new InAtomCache() : null;
    this.fragments = (o.flags & DFLAG.FRAGMENTS) !== 0n ? new FragmentReader(this.inCache ?? new InAtomCache(), o.maxPacketBytes ?? MAX_PACKET_BYTES) : null;
    this.writer = new PacketWriter(o.maxMessageBytes, o.maxPacketBytes ?? MAX_PACKET_BYTES, cache ? new OutAtomCache() : null);
    this.writer.emptyHeader = cache && o.beam === true;
    this.reader = new PacketReader(o.maxPacketBytes ?? MAX_PACKET_BYTES);
    this.interval = o.tickIntervalMs ?? TICK_INTERVAL_MS;
    this.timeout = o.tickTimeoutMs ?? TICK_TIMEOUT_MS;
    this.lastWriteAt = this.lastReadAt = this.lastCheckAt = this.awakeSince = o.now;
  }

  /**
   * Queues a control message; returns an error text (and drops it) if it cannot be encoded or
   * its packet would be larger than the peer takes (maxPacketBytes). The connection stays up.
   */
  send(m: ControlMessage): string | null {
    const cached = this.atomCache && isClassMessage(m);
    if (m.type === 'send' && m.from !== null && this.sendSender) {
      const err = this.writer.pushSend(m.from, m.to, m.message, this.encodeOpts, cached);
      if (err !== null) return `message dropped: ${err}`;
      this.stats.packetsOut++;
      return null;
    }
    const e = encodeControl(m, this.flags);
    const err = this.writer.pushTerms(e.control, e.payload, this.encodeOpts, cached);
    if (err !== null) return `${m.type === 'send' || m.type === 'reg_send' || m.type === 'alias_send' ? 'message' : m.type} dropped: ${err}`;
    this.stats.packetsOut++;
    return null;
  }

  /** Bytes are waiting for `take`. */
  get hasOutput(): boolean {
    return this.writer.pendingBytes > 0;
  }

  /** How many bytes wait for `take`. */
  get pendingBytes(): number {
    return this.writer.pendingBytes;
  }

  /** The transport messages to send now (batched, large packets split). */
  take(now: number): Uint8Array[] {
    const out = this.writer.take();
    if (out.length > 0) {
      this.lastWriteAt = now;
      this.stats.messagesOut += out.length;
      for (const m of out) this.stats.bytesOut += m.length;
    }
    return out;
  }

  /** `m` (from take) continues a large packet: nothing may be sent between it and the message before. */
  continuesPacket(m: Uint8Array): boolean {
    return this.writer.continuesPacket(m);
  }

  /** One transport message from the peer. */
  receive(bytes: Uint8Array, now: number): Received {
    this.lastReadAt = now;
    this.stats.messagesIn++;
    this.stats.bytesIn += bytes.length;
    const r = this.reader.push(bytes);
    const messages: ControlMessage[] = [];
    for (const p of r.packets) {
      this.stats.packetsIn++;
      if (this.fragments !== null && isFragment(p)) {
        const f = this.fragments.push(p);
        if (typeof f === 'string') return { messages, error: f };
        if (f === null) continue;
        const opts = this.refOpts(f.refs);
        const m = readSendSenderAt(f.terms, 0, false, opts) ?? this.control(decodeTerms(f.terms, 0, opts));
        if (typeof m === 'string') return { messages, error: m };
        if (m !== null) messages.push(m);
        continue;
      }
      const cached = this.inCache !== null && hasAtomCacheRefs(p) ? this.inCache.read(p, 2) : null;
      if (typeof cached === 'string') return { messages, error: cached };
      const fast = cached === null ? readSendSender(p, this.decodeOpts) : readSendSenderAt(p, cached.next, false, this.refOpts(cached.refs));
      if (fast !== null) {
        messages.push(fast);
        continue;
      }
      const d = cached === null ? decodePacket(p, this.decodeOpts, this.inCache ?? undefined) : decodeTerms(p, cached.next, this.refOpts(cached.refs));
      if (!d.ok) return { messages, error: d.error };
      if (d.packet.kind === 'tick') {
        this.stats.ticksIn++;
        continue;
      }
      const m = decodeControl(d.packet.control, d.packet.payload);
      if (typeof m === 'string') return { messages, error: m };
      messages.push(m);
    }
    if (r.error !== null) return { messages, error: r.error };
    // Answer a peer while we have been quiet: our own ticker may be throttled (hidden tab).
    if (now - this.lastWriteAt >= this.interval && !this.hasOutput) this.tick();
    return { messages, error: null };
  }

  /** The periodic tick check (every tick interval): 'timeout' means drop the peer. */
  check(now: number): 'ok' | 'timeout' {
    if (now - this.lastCheckAt > 2 * this.interval) this.awakeSince = now;
    // Nothing written since the previous check (the tick that check wrote went out at its time).
    if (this.lastWriteAt <= this.lastCheckAt && !this.hasOutput) this.tick();
    this.lastCheckAt = now;
    return now - Math.max(this.lastReadAt, this.awakeSince) >= this.timeout ? 'timeout' : 'ok';
  }

  /** The control message a decoded packet holds (null for a tick), or why it is bad. */
  private control(d: ReturnType<typeof decodePacket>): ControlMessage | null | string {
    if (!d.ok) return d.error;
    if (d.packet.kind === 'tick') return null;
    return decodeControl(d.packet.control, d.packet.payload);
  }

  /** Decode options for the terms after a header with atom refs. */
  private refOpts(refs: readonly Atom[]): DecodeOptions {
    return { ...this.decodeOpts, versionByte: false, atomRefs: refs };
  }

  private tick(): void {
    this.writer.push(TICK);
    this.stats.ticksOut++;
  }
}

/** A packet of a fragmented message (`131,69` first, `131,70` the rest). */
function isFragment(p: Uint8Array): boolean {
  return p[0] === VERSION && (p[1] === DIST_FRAG_HEADER || p[1] === DIST_FRAG_CONT);
}
