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
import { VERSION, DIST_FRAG_HEADER, DIST_FRAG_CONT, DIST_HEADER } from './etf/tags.ts';
import type { EncodeOptions } from './etf/encode.ts';
import type { DecodeOptions } from './etf/decode.ts';
import type { FunHooks } from './etf/fun-hooks.ts';
import { decodeControl, encodeControl } from './control.ts';
import type { ControlMessage } from './control.ts';
import { PacketReader, PacketWriter } from './packet-stream.ts';
import { SendMemo, readSendSender, readSendSenderAt } from './etf/send-path.ts';
import { DEMONITOR_P, MONITOR_P } from './etf/monitor-path.ts';
import { DFLAG } from './handshake/flags.ts';
import { BULK_FROM_BYTES, BULK_HELLO, BULK_WINDOW_BYTES, BulkOrder, LaneWriter, ackPacket, isLanePacket, readLanePacket, senderOf } from './bulk-lane.ts';

/** The bulk lane of a connection whose link has a second channel (bulk-lane.ts). */
interface Lane {
  readonly writer: LaneWriter;
  readonly reader: PacketReader;
  readonly order: BulkOrder;
  /** The peer said HELLO: our large packets may take the lane. */
  peerReady: boolean;
  /** Our bulk bytes sent and not yet acknowledged (BULK_WINDOW_BYTES). */
  inFlight: number;
}

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
  /** The link lends its messages (Link.lendsMessages): a packet's pieces kept across messages are copied. */
  readonly lentMessages?: boolean;
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
  /**
   * The bulk lane's packets: assembled in buffers of their own (PacketReader) that nothing writes
   * again, so their large binaries stay views of them (a 10 MB binary is not copied once more).
   */
  private readonly bulkDecodeOpts: DecodeOptions;
  /**
   * The options for the terms after a header with atom refs: one object whose refs each packet
   * sets (refOpts). Spreading a new one per packet was the receive path's largest cost in a
   * CPU profile of the ping-pong; the decoders read the refs during the call and keep nothing.
   */
  private readonly withRefs: { hooks?: FunHooks; versionByte: false; atomRefs: readonly Atom[] };
  /** The same for the terms after a `131,68` header (no version bytes); its refs go apart (readSendSenderAt). */
  private readonly headerOpts: DecodeOptions;
  /** The peer's last `{22, From, To}`, read once while it repeats (etf/send-path.ts). */
  private readonly sendMemo = new SendMemo();
  private readonly interval: number;
  private readonly timeout: number;
  private lane: Lane | null = null;
  private readonly maxPacketBytes: number;
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
    this.withRefs = o.hooks !== undefined ? { hooks: o.hooks, versionByte: false, atomRefs: [] } : { versionByte: false, atomRefs: [] };
    this.headerOpts = { ...this.decodeOpts, versionByte: false };
    this.bulkDecodeOpts = { ...this.decodeOpts, viewBinariesFrom: BULK_FROM_BYTES };
    // Both sides take packets of up to the same size: what our reader refuses, our writer does not send.
    const cache = (o.flags & DFLAG.DIST_HDR_ATOM_CACHE) !== 0n;
    this.atomCache = cache;
    this.inCache = cache ? new InAtomCache() : null;
    const lent = o.lentMessages === true;
    this.fragments = (o.flags & DFLAG.FRAGMENTS) !== 0n ? new FragmentReader(this.inCache ?? new InAtomCache(), o.maxPacketBytes ?? MAX_PACKET_BYTES, lent) : null;
    this.maxPacketBytes = o.maxPacketBytes ?? MAX_PACKET_BYTES;
    this.writer = new PacketWriter(o.maxMessageBytes, o.maxPacketBytes ?? MAX_PACKET_BYTES, cache ? new OutAtomCache() : null);
    this.writer.emptyHeader = cache && o.beam === true;
    this.reader = new PacketReader(o.maxPacketBytes ?? MAX_PACKET_BYTES, lent);
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
    if (this.lane !== null) this.writer.sender = senderOf(m);
    if (m.type === 'send' && m.from !== null && this.sendSender) return this.pushed(this.writer.pushSend(m.from, m.to, m.message, this.encodeOpts, cached), 'message');
    // A GenServer's reply and a call's monitor and demonitor, written without their control
    // tuples: the bytes encodeControl's would give (etf/send-path.ts, etf/monitor-path.ts).
    if (m.type === 'alias_send') return this.pushed(this.writer.pushAliasSend(m.from, m.alias, m.message, this.encodeOpts, cached), 'message');
    if (m.type === 'monitor' || m.type === 'demonitor') {
      return this.pushed(this.writer.pushMonitor(m.type === 'monitor' ? MONITOR_P : DEMONITOR_P, m.from, m.target, m.ref, this.encodeOpts, cached), m.type);
    }
    const e = encodeControl(m, this.flags);
    return this.pushed(this.writer.pushTerms(e.control, e.payload, this.encodeOpts, cached), m.type === 'send' || m.type === 'reg_send' ? 'message' : m.type);
  }

  /** A packet pushed (counted), or why it was dropped. */
  private pushed(err: string | null, what: string): string | null {
    if (err !== null) return `${what} dropped: ${err}`;
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

  /**
   * The latest time the connection knows without reading the clock: its last read or tick check.
   * A batch taken with no time given is counted as written then (`take`).
   */
  private get lastKnownAt(): number {
    return this.lastReadAt > this.lastCheckAt ? this.lastReadAt : this.lastCheckAt;
  }

  /**
   * The transport messages to send now (batched, large packets split). `now`: when they go out;
   * the link driver gives none, and they count as written at `lastKnownAt`: a reply goes out in
   * the event that read its request, and reading the clock costs about a microsecond a hop in a
   * page. A batch written long after the last read or check then counts as older than it is,
   * which can only add a tick (a quiet link's answer, or the check's), never hold one back: the
   * tick timeout reads `lastReadAt`, which is exact.
   */
  take(now: number = this.lastKnownAt): Uint8Array[] {
    return this.wrote(this.writer.take(), now);
  }

  /** `take` as views of the batch buffer, good until the next `send` (PacketWriter.takeViews). */
  takeViews(now: number = this.lastKnownAt): Uint8Array[] {
    return this.wrote(this.writer.takeViews(), now);
  }

  /** A message of takeViews as bytes of its own, to keep past the next `send` (PacketWriter.keep). */
  keep(view: Uint8Array): Uint8Array {
    return this.writer.keep(view);
  }

  private wrote(out: Uint8Array[], now: number): Uint8Array[] {
    if (out.length > 0) {
      this.lastWriteAt = now;
      this.stats.messagesOut += out.length;
      for (const m of out) this.stats.bytesOut += m.length;
    }
    return out;
  }

  /**
   * What `take` would give when it is one message, as a view of the batch buffer that is good
   * until the next `send` (PacketWriter.takeView); null when nothing waits or it is more.
   */
  takeView(now: number = this.lastKnownAt): Uint8Array | null {
    const out = this.writer.takeView();
    if (out !== null) {
      this.lastWriteAt = now;
      this.stats.messagesOut++;
      this.stats.bytesOut += out.length;
    }
    return out;
  }

  /**
   * The link has a bulk channel (transport.ts `Link.bulk`): say HELLO to the peer, and take its
   * large packets from it. Ours take the lane once the peer has said HELLO too (bulk-lane.ts).
   */
  openBulkLane(maxMessageBytes: number): void {
    if (this.lane !== null) return;
    this.lane = { writer: new LaneWriter(maxMessageBytes), reader: new PacketReader(this.maxPacketBytes), order: new BulkOrder(), peerReady: false, inFlight: 0 };
    this.writer.push(BULK_HELLO);
  }

  /** Bytes waiting for `takeBulk`. */
  get bulkPendingBytes(): number {
    return this.lane?.writer.pendingBytes ?? 0;
  }

  /** May a bulk message of `n` bytes go on the way now? (The peer acknowledges what it read; one message always may.) */
  mayBulk(n: number): boolean {
    return this.lane !== null && (this.lane.inFlight === 0 || this.lane.inFlight + n <= BULK_WINDOW_BYTES);
  }

  /** `n` bulk bytes went to the channel. */
  bulkSent(n: number): void {
    if (this.lane !== null) this.lane.inFlight += n;
  }

  /** The bulk channel's messages to send now. */
  takeBulk(): Uint8Array[] {
    const lane = this.lane;
    if (lane === null) return [];
    const out = lane.writer.take();
    for (const m of out) this.stats.bytesOut += m.length;
    return out;
  }

  /** One message from the bulk channel: the packets it completes are delivered where their markers stand. */
  receiveBulk(bytes: Uint8Array, now: number): Received {
    this.lastReadAt = now;
    this.stats.bytesIn += bytes.length;
    const messages: ControlMessage[] = [];
    const lane = this.lane;
    if (lane === null) return { messages, error: 'bulk lane: data on a link without one' };
    const r = lane.reader.push(bytes);
    // Read: the peer may send the next (bulk-lane.ts BULK_WINDOW_BYTES).
    this.writer.push(ackPacket(bytes.length));
    for (const p of r.packets) {
      this.stats.packetsIn++;
      // Only whole plain packets travel there: a header would be read out of the main stream's order.
      if (p.length === 0 || isLanePacket(p) || (p[0] === VERSION && p[1] === DIST_HEADER) || isFragment(p)) return { messages, error: 'bulk lane: not a plain packet' };
      const m = this.control(decodePacket(p, this.bulkDecodeOpts));
      if (m === null) return { messages, error: 'bulk lane: not a plain packet' };
      if (typeof m === 'string') return { messages, error: m };
      const err = lane.order.bulk(m, p.length, messages);
      if (err !== null) return { messages, error: err };
    }
    return { messages, error: r.error };
  }

  /** A private packet of the lane from the main stream (HELLO or a marker). */
  private lanePacket(p: Uint8Array, messages: ControlMessage[]): string | null {
    const lp = readLanePacket(p);
    if (typeof lp === 'string') return lp;
    const lane = this.lane;
    if (lp.type === 'hello') {
      // Without a bulk channel of our own we never answer: the peer keeps to the main stream.
      if (lane !== null && !lane.peerReady) {
        lane.peerReady = true;
        this.writer.divertLargeTo(lane.writer, BULK_FROM_BYTES);
      }
      return null;
    }
    if (lane === null) return `bulk lane: ${lp.type} on a link without one`;
    if (lp.type === 'ack') {
      if (lp.bytes > lane.inFlight) return `bulk lane: ACK of ${lp.bytes} bytes with ${lane.inFlight} on the way`;
      lane.inFlight -= lp.bytes;
      return null;
    }
    return lane.order.marker(lp.seq, lp.key, messages);
  }

  /** A signal read from the main stream, in the order the bulk lane allows. */
  private deliver(m: ControlMessage, bytes: number, messages: ControlMessage[]): string | null {
    if (this.lane === null) {
      messages.push(m);
      return null;
    }
    return this.lane.order.main(m, bytes, messages);
  }

  /** `m` (from take) continues a large packet: nothing may be sent between it and the message before. */
  continuesPacket(m: Uint8Array): boolean {
    return this.writer.continuesPacket(m);
  }

  /** One transport message from the peer. */
  receive(bytes: Uint8Array, now: number): Received {
    const messages: ControlMessage[] = [];
    const error = this.receiveInto(bytes, now, messages);
    return { messages, error };
  }

  /**
   * `receive` with no result object: the control messages go to the end of `messages` (the link
   * driver's own array, reused), and the error, if any, is returned.
   */
  receiveInto(bytes: Uint8Array, now: number, messages: ControlMessage[]): string | null {
    this.lastReadAt = now;
    this.stats.messagesIn++;
    this.stats.bytesIn += bytes.length;
    const reader = this.reader;
    const readError = reader.read(bytes);
    const error = this.packetsIn(reader, messages) ?? readError;
    reader.release();
    if (error !== null) return error;
    // Answer a peer while we have been quiet: our own ticker may be throttled (hidden tab).
    if (now - this.lastWriteAt >= this.interval && !this.hasOutput) this.tick();
    return null;
  }

  /** The control messages of the packets `reader` completed, to `messages`; stops at a bad one and says why. */
  private packetsIn(reader: PacketReader, messages: ControlMessage[]): string | null {
    for (let i = 0; i < reader.count; i++) {
      this.stats.packetsIn++;
      // The commonest packet, a SEND in the atom cache's header form, read where it lies in the message.
      const inPlace = this.sendInPlace(reader, i, messages);
      if (inPlace !== false) {
        if (inPlace !== null) return inPlace;
        continue;
      }
      const p = reader.packet(i);
      if (this.fragments !== null && isFragment(p)) {
        const f = this.fragments.push(p);
        if (typeof f === 'string') return f;
        if (f === null) continue;
        const opts = this.refOpts(f.refs);
        const m = readSendSenderAt(f.terms, 0, false, opts) ?? this.control(decodeTerms(f.terms, 0, opts));
        if (typeof m === 'string') return m;
        const err = m === null ? null : this.deliver(m, f.terms.length, messages);
        if (err !== null) return err;
        continue;
      }
      if (isLanePacket(p)) {
        const err = this.lanePacket(p, messages);
        if (err !== null) return err;
        continue;
      }
      // A header's refs are read into the cache's reused `lastRefs`, decoded from at once.
      const inCache = this.inCache;
      const next = inCache !== null && hasAtomCacheRefs(p) ? inCache.readHere(p, 2) : -1;
      if (typeof next === 'string') return next;
      const fast = next < 0 ? readSendSender(p, this.decodeOpts, this.sendMemo) : readSendSenderAt(p, next, false, this.headerOpts, (inCache as InAtomCache).lastRefs, this.sendMemo);
      if (fast !== null) {
        const err = this.deliver(fast, p.length, messages);
        if (err !== null) return err;
        continue;
      }
      const d = next < 0 ? decodePacket(p, this.decodeOpts, inCache ?? undefined) : decodeTerms(p, next, this.refOpts((inCache as InAtomCache).lastRefs));
      if (!d.ok) return d.error;
      if (d.packet.kind === 'tick') {
        this.stats.ticksIn++;
        continue;
      }
      const m = decodeControl(d.packet.control, d.packet.payload);
      if (typeof m === 'string') return m;
      const err = this.deliver(m, p.length, messages);
      if (err !== null) return err;
    }
    return null;
  }

  /**
   * Packet `i` of `reader` when it lies in the message and is a header-form packet the fast
   * reader takes (a message to a pid or an alias, a call's monitor or demonitor): delivered from
   * the message's bytes, with no view made of it; null, or why delivering it failed. False:
   * anything else, a bad packet included, for the general path (which reads the header again:
   * entries it fills are filled with the same atoms, and its errors are in the packet's offsets).
   */
  private sendInPlace(reader: PacketReader, i: number, messages: ControlMessage[]): string | null | false {
    const inCache = this.inCache;
    if (inCache === null || reader.got[i] !== null) return false;
    const src = reader.src;
    const s = reader.starts[i] as number;
    const e = reader.ends[i] as number;
    if (e - s <= 2 || src[s] !== VERSION || src[s + 1] !== DIST_HEADER || src[s + 2] === 0) return false;
    const next = inCache.readHere(src, s + 2, e);
    // A bad header: the general path reads it again and says why, with offsets in the packet.
    if (typeof next === 'string') return false;
    const fast = readSendSenderAt(src, next, false, this.headerOpts, inCache.lastRefs, this.sendMemo, e);
    return fast === null ? false : this.deliver(fast, e - s, messages);
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
    this.withRefs.atomRefs = refs;
    return this.withRefs;
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
