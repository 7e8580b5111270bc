/**
 * Packets over a message-oriented channel. After the handshake a link is treated as the byte
 * stream Erlang runs over TCP: each packet is `Length:32 | Body` (a tick is a zero length), and
 * that stream is cut into transport messages of at most `maxMessageBytes`. So:
 * - several small packets written in one turn travel in ONE data-channel message (batching);
 * - a packet bigger than a message (an 8 MB binary) is split over many and reassembled;
 * - the bytes are exactly what a BEAM node reads from a TCP socket, which keeps a bridge to a
 *   real node a matter of copying.
 * The reader checks a packet's length against a limit, keeps the pieces of a packet spread over
 * several messages and assembles it once complete, so reassembly is linear in the size and a
 * hostile length costs nothing until the bytes really arrive.
 */
import type { Atom, Pid, Ref, Term } from '../core/term/types.ts';
import { writeAliasSendTuple, writeSendSenderControl, writeSendSenderTuple } from './etf/send-path.ts';
import { writeMonitorTuple, type MonitorOp } from './etf/monitor-path.ts';
import type { OutAtomCache } from './etf/atom-cache.ts';
import { ByteWriter, WriteLimit } from './etf/writer.ts';
import { encodeInto } from './etf/encode.ts';
import type { EncodeOptions } from './etf/encode.ts';
import { PASS_THROUGH } from './etf/packet.ts';
import { DIST_HEADER, VERSION } from './etf/tags.ts';
import { concatBytes } from './etf/concat.ts';
import { writeMarker } from './bulk-lane.ts';

const samePid = (a: Pid, b: Pid): boolean => a === b || (a.node === b.node && a.id === b.id && a.serial === b.serial && a.creation === b.creation);

/** pushWithHeader's answer for a packet too big for the atom cache's form: it goes on the bulk lane, written plain. */
const FOR_THE_LANE = Symbol('for the bulk lane');

/** Bytes of each packet's `Length:32` prefix (after the handshake, as over TCP with `{packet, 4}`). */
export const PACKET_LENGTH_BYTES = 4;

const INITIAL_BYTES = 4096;
/** A tick's packet, and what a released slot of PacketReader.got holds. Empty: nothing can write to it. */
const NO_BYTES = new Uint8Array(0);
/** Largest batch buffer kept between batches (an 8 MB binary's buffer is let go). */
const KEEP_BYTES = 256 * 1024;

export class PacketWriter {
  private w = new ByteWriter(INITIAL_BYTES);
  packets = 0;
  /**
   * Packets that do not use the atom cache take the distribution-header form with no refs
   * (`131, 68, 0`, terms without version bytes) instead of pass-through. A BEAM node that
   * negotiated DIST_HDR_ATOM_CACHE reads no pass-through packet (erts_net_message skips the 112
   * only without that flag; it logs "Got message from incompatible erlang" and drops the
   * connection). Zero refs neither fill nor read the cache, so such packets may still overtake.
   */
  emptyHeader = false;
  /** The messages of take that are a large packet's second piece or later. */
  private readonly pieces = new WeakSet<Uint8Array>();
  /** The bulk lane (bulk-lane.ts): packets of `from` bytes or more go to `writer`, and a marker stays here. */
  private lane: { readonly writer: { push(body: readonly Uint8Array[]): void }; readonly from: number; seq: number } | null = null;
  /** The sending pid of the packet being pushed: its marker names it, should it take the bulk lane. */
  sender: Pid | null = null;
  /** The last SEND_SENDER control tuple written in the header form, and the refs its node names took (writeSendPrefix). */
  private sendPrefix: { readonly from: Pid; readonly to: Pid; readonly bytes: Uint8Array; readonly refFrom: number; readonly refTo: number } | null = null;

  /**
   * `maxPacketBytes`: the largest packet the peer's reader takes (PacketReader's limit). A term
   * whose packet would be larger is refused here, at the sender, and the connection stays up;
   * the peer would otherwise drop the connection on reading its length.
   */
  /** The terms of a packet with a distribution header, written before the header is known. */
  private scratch = new ByteWriter(INITIAL_BYTES);

  /**
   * `atomCache`: the connection's outgoing atom cache (DIST_HDR_ATOM_CACHE negotiated); packets
   * pushed with `cached` then take the `131,68` header form (etf/atom-cache.ts).
   */
  constructor(
    private readonly maxMessageBytes: number,
    private readonly maxPacketBytes = Infinity,
    private readonly atomCache: OutAtomCache | null = null,
  ) {
    if (maxMessageBytes < 8) throw new RangeError('maxMessageBytes must be at least 8');
  }

  /**
   * From now on, a packet of `fromBytes` or more (its body) goes to `writer` (the bulk lane's),
   * written plain (never in the atom cache's form: the peer reads those in this stream's order),
   * and a marker takes its place here. Binaries of `fromBytes` or more are then written by
   * reference (ByteWriter.refFrom): a packet holding one goes to the lane, as pieces, and the
   * binary's bytes are copied only into the channel's messages.
   */
  divertLargeTo(writer: { push(body: readonly Uint8Array[]): void }, fromBytes: number): void {
    this.lane = { writer, from: fromBytes, seq: 0 };
    this.w.refFrom = fromBytes;
    this.scratch.refFrom = fromBytes;
  }

  /** A new batch or scratch writer (a large one is let go), keeping binaries by reference once the lane is open. */
  private newWriter(): ByteWriter {
    const w = new ByteWriter(INITIAL_BYTES);
    if (this.lane !== null) w.refFrom = this.lane.from;
    return w;
  }

  /** A ready packet body (a tick is the empty one). */
  push(body: Uint8Array): void {
    this.w.u32(body.length);
    this.w.bytes(body);
    this.packets++;
  }

  /**
   * Encodes a control message and its payload straight into the batch, in the pass-through
   * form (`112 | 131 Control | [131 Payload]`, as etf/packet.ts writes it), with no per-packet
   * buffer. Returns an error text, and writes nothing, when a term cannot be encoded.
   */
  pushTerms(control: Term, payload: Term | undefined, opts: EncodeOptions, cached = false): string | null {
    return this.pushControl(opts, cached, (w, versioned) => {
      encodeInto(w, control, opts);
      if (payload === undefined) return;
      if (versioned) w.u8(VERSION);
      encodeInto(w, payload, opts);
    });
  }

  /** A message to an alias (ALIAS_SEND: a GenServer's reply), written without building its control tuple. */
  pushAliasSend(from: Pid, alias: Ref, message: Term, opts: EncodeOptions, cached = false): string | null {
    return this.pushControl(opts, cached, (w, versioned) => {
      writeAliasSendTuple(w, from, alias);
      if (versioned) w.u8(VERSION);
      encodeInto(w, message, opts);
    });
  }

  /** MONITOR_P or DEMONITOR_P, written without building its control tuple (etf/monitor-path.ts). */
  pushMonitor(op: MonitorOp, from: Pid, target: Pid | Atom, ref: Ref, opts: EncodeOptions, cached = false): string | null {
    return this.pushControl(opts, cached, (w) => writeMonitorTuple(w, op, from, target, ref));
  }

  /**
   * A packet whose terms `write` puts in the batch: in the atom cache's header form when `cached`
   * (its terms without version bytes), else in the pass-through form (`versioned`: the payload
   * after the control needs its own 131 byte; the control's is written here).
   */
  private pushControl(opts: EncodeOptions, cached: boolean, write: (w: ByteWriter, versioned: boolean) => void): string | null {
    if (cached && this.atomCache !== null) {
      const r = this.pushWithHeader(this.atomCache, opts, write);
      if (r !== FOR_THE_LANE) return r;
    }
    const w = this.w;
    const mark = w.length;
    try {
      this.begin(w, mark);
      if (!this.emptyHeader) w.u8(VERSION);
      write(w, !this.emptyHeader);
      return this.end(w, mark);
    } catch (e) {
      return this.refuse(w, mark, e);
    }
  }

  /** A message to a pid (SEND_SENDER), written without building its control tuple (etf/send-path.ts). */
  pushSend(from: Pid, to: Pid, message: Term, opts: EncodeOptions, cached = false): string | null {
    const cache = this.atomCache;
    if (cached && cache !== null) {
      const s = this.sendTerms;
      s.from = from;
      s.to = to;
      s.message = message;
      s.opts = opts;
      // pushWithHeader catches what writing throws, so this always runs: the message is not kept.
      const r = this.pushWithHeader(cache, opts, this.writeSendTerms);
      s.message = undefined;
      if (r !== FOR_THE_LANE) return r;
    }
    const w = this.w;
    const mark = w.length;
    try {
      this.begin(w, mark);
      if (this.emptyHeader) writeSendSenderTuple(w, from, to);
      else {
        writeSendSenderControl(w, from, to);
        w.u8(VERSION);
      }
      encodeInto(w, message, opts);
      return this.end(w, mark);
    } catch (e) {
      return this.refuse(w, mark, e);
    }
  }

  /**
   * What `writeSendTerms` writes: the send being pushed. A closure per send (the pids, the message)
   * was most of what the send path allocated; this one is made once.
   */
  private readonly sendTerms: { from: Pid | null; to: Pid | null; message: Term | undefined; opts: EncodeOptions } = { from: null, to: null, message: undefined, opts: {} };
  private readonly writeSendTerms = (w: ByteWriter): void => {
    const s = this.sendTerms;
    this.writeSendPrefix(w, this.atomCache as OutAtomCache, s.from as Pid, s.to as Pid);
    encodeInto(w, s.message as Term, s.opts);
  };

  /**
   * `{22, from, to}` at the start of a header-form packet's terms. Its bytes depend only on the
   * two pids (their node names take the packet's first refs), so those of the last pair are kept
   * and copied while a process keeps sending to the same one.
   */
  private writeSendPrefix(w: ByteWriter, cache: OutAtomCache, from: Pid, to: Pid): void {
    const m = this.sendPrefix;
    if (w.length !== 0) return writeSendSenderTuple(w, from, to);
    if (m !== null && samePid(m.from, from) && samePid(m.to, to) && cache.ref(from.node) === m.refFrom && cache.ref(to.node) === m.refTo) {
      return w.bytes(m.bytes);
    }
    writeSendSenderTuple(w, from, to);
    // ref() names an atom already in the packet by the same position: what the pids were written with.
    this.sendPrefix = { from, to, bytes: w.written().slice(), refFrom: cache.ref(from.node), refTo: cache.ref(to.node) };
  }

  /**
   * A packet in the distribution-header form: its terms are written first (into `scratch`, with
   * atoms as cache refs), then the header the refs make, then the terms after it. `terms` writes
   * them (a send's `{22, from, to}` and message, a control tuple and its payload, a monitor).
   */
  private pushWithHeader(cache: OutAtomCache, opts: EncodeOptions, terms: (w: ByteWriter, versioned: false) => void): string | null | typeof FOR_THE_LANE {
    const s = this.scratch;
    const w = this.w;
    const mark = w.length;
    try {
      s.limit = this.maxPacketBytes;
      s.atomRefs = cache;
      terms(s, false);
      if (this.lane !== null && s.length >= this.lane.from) {
        cache.abandon();
        return FOR_THE_LANE;
      }
      w.limit = mark + 4 + this.maxPacketBytes;
      w.u32(0);
      cache.writeHeader(w);
      w.append(s);
      return this.end(w, mark, false);
    } catch (e) {
      cache.abandon();
      return this.refuse(w, mark, e);
    } finally {
      s.atomRefs = null;
      s.limit = Infinity;
      if (s.capacity > KEEP_BYTES) this.scratch = this.newWriter();
      else s.reset();
    }
  }

  /** A pass-through packet's header, its length patched in by `end`; encoding stops at the packet limit. */
  private begin(w: ByteWriter, mark: number): void {
    w.limit = mark + 4 + this.maxPacketBytes;
    w.u32(0);
    if (this.emptyHeader) {
      w.u8(VERSION);
      w.u8(DIST_HEADER);
      w.u8(0);
    } else w.u8(PASS_THROUGH);
  }

  /** `divertable`: a plain packet, which may take the bulk lane. */
  private end(w: ByteWriter, mark: number, divertable = true): null {
    w.limit = Infinity;
    w.patchU32(mark, w.length - mark - 4);
    this.packets++;
    const lane = this.lane;
    if (divertable && lane !== null && w.length - mark - 4 >= lane.from) {
      lane.writer.push(w.takeFrom(mark + 4));
      w.truncate(mark);
      writeMarker(w, lane.seq++, this.sender);
    }
    return null;
  }

  /**
   * A term that cannot be encoded, or one larger than maxPacketBytes: the half-written packet is
   * dropped, the packets before it kept, and the reason returned.
   */
  private refuse(w: ByteWriter, mark: number, e: unknown): string {
    w.limit = Infinity;
    w.truncate(mark);
    // Let go of a buffer grown for the refused term.
    if (mark === 0 && w.capacity > KEEP_BYTES) this.w = this.newWriter();
    if (e instanceof WriteLimit) return `the term is larger than the link's limit of ${this.maxPacketBytes} bytes`;
    return e instanceof Error ? e.message : String(e);
  }

  get pendingBytes(): number {
    return this.w.length;
  }

  /**
   * Everything written so far, as transport messages of at most maxMessageBytes each. They are
   * views of one buffer this writer then lets go (a transport may hold them in its own queue).
   * A message ends where a packet ends unless the packet is larger than a message: it then
   * starts a message of its own and goes out in pieces. So a run of small packets is whole
   * packets in every message (the classroom pause releases them one by one, and a tick can go
   * between two messages: link-driver.ts).
   */
  take(): Uint8Array[] {
    if (this.w.length === 0) return [];
    const all = this.w.finish();
    // The bytes were copied out: keep the buffer for the next batch, unless a big packet grew it.
    this.emptied();
    return this.cut(all);
  }

  /**
   * take's messages as views of the writer's own buffer, good only until the next write (`keep`
   * copies one to keep longer): for a link that copies what `send` is given (transport.ts
   * copiesOnSend). Saves take's copy of the batch (a flood's slice writes one of 55-220 KB).
   */
  takeViews(): Uint8Array[] {
    if (this.w.length === 0) return [];
    const out = this.cut(this.w.written());
    // The views stay good: a reset buffer is only written again by the next push.
    this.emptied();
    return out;
  }

  /** A message of takeViews copied, to keep past the next write; still a piece of its packet (continuesPacket). */
  keep(view: Uint8Array): Uint8Array {
    const copy = view.slice();
    if (this.pieces.has(view)) this.pieces.add(copy);
    return copy;
  }

  /** The batch is out: keep the buffer for the next one, unless a big packet grew it. */
  private emptied(): void {
    if (this.w.capacity > KEEP_BYTES) this.w = this.newWriter();
    else this.w.reset();
  }

  /** `all` (whole packets) cut into transport messages, as take describes. */
  private cut(all: Uint8Array): Uint8Array[] {
    const view = new DataView(all.buffer, all.byteOffset, all.byteLength);
    const out: Uint8Array[] = [];
    let at = 0;
    while (at < all.length) {
      let end = at; // past the whole packets that fit in this message
      while (end < all.length) {
        const next = end + PACKET_LENGTH_BYTES + view.getUint32(end);
        if (next - at > this.maxMessageBytes) break;
        end = next;
      }
      if (end > at) {
        out.push(all.subarray(at, end));
        at = end;
        continue;
      }
      const packetEnd = at + PACKET_LENGTH_BYTES + view.getUint32(at);
      out.push(all.subarray(at, at + this.maxMessageBytes));
      for (at += this.maxMessageBytes; at < packetEnd; at += this.maxMessageBytes) {
        const piece = all.subarray(at, Math.min(packetEnd, at + this.maxMessageBytes));
        this.pieces.add(piece);
        out.push(piece);
      }
      at = packetEnd;
    }
    return out;
  }

  /**
   * Everything written so far as ONE view of the writer's own buffer, when it fits in one
   * transport message (a round trip's case), else null (use `take`). It is whole packets, as
   * take's messages are. The view is good only until the next write: for a link that copies
   * what `send` is given before it returns (transport.ts `copiesOnSend`). Saves take's copy,
   * a new buffer per batch.
   */
  takeView(): Uint8Array | null {
    const n = this.w.length;
    if (n === 0 || n > this.maxMessageBytes) return null;
    const view = this.w.written();
    this.w.reset();
    return view;
  }

  /** `m` (from take) continues a packet begun in the message before it: nothing may go between them. */
  continuesPacket(m: Uint8Array): boolean {
    return this.pieces.has(m);
  }
}

/**
 * The packets one transport message completed and, when the stream went bad in it, why. The
 * packets before a bad length are whole and are still returned: they arrived intact.
 */
export interface ReadResult {
  readonly packets: Uint8Array[];
  readonly error: string | null;
}

export class PacketReader {
  private head = new Uint8Array(4);
  private headFill = 0;
  /**
   * A packet spread over several messages: its length and the pieces received so far (views of
   * the messages, which are ours; copies when the link lends them). Once half of it has come, its own buffer is made and the
   * pieces copied in, and what comes after is copied there as it arrives: the memory it takes is
   * at most twice what the peer really sent, never what a header merely claims, and no single
   * turn copies a whole 10 MB packet (the last piece completes it in place).
   */
  private body: { readonly length: number; pieces: Uint8Array[]; fill: number; buf: Uint8Array | null } | null = null;
  private failed: string | null = null;
  /**
   * The packets the last `read` completed, in `got[0 .. count)`, good until the next `read` or
   * `release`. One array for the reader's life: a result and an array per message were most of
   * what a round trip's receive path allocated. A packet wholly inside the message is null here
   * until `packet(i)` asks for it: it is `src[starts[i], ends[i])`, and a reader that can read it
   * in place (connection.ts, the common SEND) spares a view object per packet, a flood's largest
   * allocation on the receiving side.
   */
  readonly got: (Uint8Array | null)[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** The message the last `read` was given (NO_BYTES once released). */
  src: Uint8Array = NO_BYTES;
  count = 0;

  /** `lent`: each message is good only during its `read` (Link.lendsMessages): a piece kept is copied. */
  constructor(
    private readonly maxPacketBytes: number,
    private readonly lent = false,
  ) {}

  /** True while part of a packet is buffered (a message ended mid-packet). */
  get partial(): boolean {
    return this.headFill > 0 || this.body !== null;
  }

  /** Bytes of an unfinished packet held so far. */
  get heldBytes(): number {
    return this.body?.fill ?? 0;
  }

  /** The packets one transport message completes; after an error the reader stays failed. */
  push(msg: Uint8Array): ReadResult {
    const error = this.read(msg);
    const packets: Uint8Array[] = [];
    for (let i = 0; i < this.count; i++) packets.push(this.packet(i));
    this.release();
    return { packets, error };
  }

  /** Lets go of the last read's packets (a large one may be megabytes). */
  release(): void {
    for (let i = 0; i < this.count; i++) this.got[i] = NO_BYTES;
    this.count = 0;
    this.src = NO_BYTES;
  }

  /** The `i`th packet of the last read, as bytes of its own (a view of the message when it lies in it). */
  packet(i: number): Uint8Array {
    return this.got[i] ?? (this.got[i] = this.src.subarray(this.starts[i] as number, this.ends[i] as number));
  }

  /**
   * `push` without its result: the packets `msg` completes are `got[0 .. count)`, and the error
   * (the packets before it are still there, whole), or null.
   */
  read(msg: Uint8Array): string | null {
    this.release();
    if (this.failed !== null) return this.failed;
    this.src = msg;
    const packets = this.got;
    let at = 0;
    while (at < msg.length) {
      if (this.body === null) {
        let len: number;
        if (this.headFill === 0 && msg.length - at >= 4) {
          len = (((msg[at] as number) << 24) | ((msg[at + 1] as number) << 16) | ((msg[at + 2] as number) << 8) | (msg[at + 3] as number)) >>> 0;
          at += 4;
        } else {
          // A header cut between two messages: gather its bytes.
          const h = this.head;
          while (this.headFill < 4 && at < msg.length) h[this.headFill++] = msg[at++] as number;
          if (this.headFill < 4) break;
          this.headFill = 0;
          len = (((h[0] as number) << 24) | ((h[1] as number) << 16) | ((h[2] as number) << 8) | (h[3] as number)) >>> 0;
        }
        if (len > this.maxPacketBytes) {
          this.failed = `packet of ${len} bytes exceeds the limit of ${this.maxPacketBytes}`;
          return this.failed;
        }
        if (len === 0) {
          packets[this.count++] = NO_BYTES;
          continue;
        }
        // A packet wholly inside this message is a view of it, read before the next message
        // comes (and so before a lending link writes over it); only a packet spread over several
        // messages is assembled.
        if (msg.length - at >= len) {
          const i = this.count++;
          packets[i] = null;
          this.starts[i] = at;
          this.ends[i] = at + len;
          at += len;
          continue;
        }
        this.body = { length: len, pieces: [], fill: 0, buf: null };
      }
      const body = this.body;
      const n = Math.min(body.length - body.fill, msg.length - at);
      const piece = msg.subarray(at, at + n);
      if (body.buf !== null) body.buf.set(piece, body.fill);
      else if (2 * (body.fill + n) >= body.length) {
        body.pieces.push(piece);
        body.buf = concatBytes(body.pieces, body.length);
        body.pieces = [];
      } else body.pieces.push(this.lent ? piece.slice() : piece);
      body.fill += n;
      at += n;
      if (body.fill === body.length) {
        packets[this.count++] = body.buf as Uint8Array;
        this.body = null;
      }
    }
    return null;
  }
}
