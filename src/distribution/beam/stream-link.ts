/**
 * A Link over a BytePipe speaking BEAM's TCP distribution framing (erl_dist_protocol.md,
 * inet_tcp_dist): every handshake message has a 2-byte length; once the handshake is over each
 * packet has a 4-byte length and a tick is a packet of length zero.
 *
 * The switch happens per direction, at the last handshake message that direction carries: the
 * initiator's challenge_reply (tag 'r') and the acceptor's challenge_ack (tag 'a'). Those tags
 * appear in no other handshake message of their sender (send_name and challenge are 'N', a status
 * is 's'), so the link needs no role: after it sends or receives an 'r' or an 'a', that direction
 * is 4-byte. Bytes that came in the same chunk as the ack are read with the new framing.
 *
 * After the switch the connection's own output already is the 4-byte stream (packet-stream.ts
 * writes `Length:32 | Body` and ticks as zero lengths), so `send` writes it as it is, and incoming
 * bytes go up as they come (PacketReader reassembles packets across messages). The link still
 * follows the packet boundaries, without copying, to refuse a hostile length the moment it is
 * read: `protocol error: packet of N bytes exceeds M`.
 */
import { Listeners } from '../transports/listeners.ts';
import type { Link } from '../transports/transport.ts';
import type { BytePipe } from './byte-pipe.ts';
import { concatBytes } from '../etf/concat.ts';

/** Tags of the last handshake message in each direction (challenge_reply, challenge_ack). */
const REPLY = 114;
const ACK = 97;

/** Largest handshake message taken: a send_name or challenge with a 255-character UTF-8 name fits well. */
export const MAX_HANDSHAKE_MESSAGE = 2048;
/** Largest packet taken after the handshake (the connection's own limit, connection.ts). */
export const MAX_STREAM_PACKET = 64 * 1024 * 1024;

export interface StreamLinkOptions {
  readonly maxPacketBytes?: number;
  readonly maxHandshakeBytes?: number;
}

/** `peer`: the node we called (its send_name decides for an incoming link: pass the pipe's remote). */
export function streamLink(pipe: BytePipe, peer: string, o: StreamLinkOptions = {}): Link {
  return new StreamLink(pipe, peer, o.maxPacketBytes ?? MAX_STREAM_PACKET, o.maxHandshakeBytes ?? MAX_HANDSHAKE_MESSAGE);
}

class StreamLink implements Link {
  readonly beam = true;
  private readonly messages = new Listeners<Uint8Array>();
  private readonly closes = new Listeners<string>();
  private readonly drains = new Listeners<void>();
  /** 2 during the handshake, 4 after, per direction. */
  private inPrefix: 2 | 4 = 2;
  private outPrefix: 2 | 4 = 2;
  /** Handshake phase: bytes of an unfinished message. */
  private pending = new Uint8Array(0);
  /** Stream phase: bytes of the current packet's length read so far, and its body bytes still to come. */
  private lengthBytes = 0;
  private lengthSoFar = 0;
  private bodyLeft = 0;
  private closed = false;
  /** Set when we close because of what the peer sent: the reason the close reports. */
  private errorReason: string | null = null;

  constructor(
    private readonly pipe: BytePipe,
    readonly peer: string,
    private readonly maxPacket: number,
    private readonly maxHandshake: number,
  ) {
    pipe.onData((b) => this.data(b));
    pipe.onClose((r) => this.pipeClosed(r));
    pipe.onDrain(() => this.drains.emit());
  }

  get writable(): boolean {
    return this.pipe.writable;
  }

  send(bytes: Uint8Array): void {
    if (this.closed) return;
    if (this.outPrefix === 4) return this.pipe.write(bytes);
    if (bytes.length > 0xffff) return this.fail(`handshake message of ${bytes.length} bytes does not fit a 2-byte length`);
    const framed = new Uint8Array(2 + bytes.length);
    framed[0] = bytes.length >> 8;
    framed[1] = bytes.length & 0xff;
    framed.set(bytes, 2);
    this.pipe.write(framed);
    if (bytes[0] === REPLY || bytes[0] === ACK) this.outPrefix = 4;
  }

  onMessage(cb: (bytes: Uint8Array) => void): () => void {
    return this.messages.add(cb);
  }

  onClose(cb: (reason: string) => void): () => void {
    return this.closes.add(cb);
  }

  onDrain(cb: () => void): () => void {
    return this.drains.add(cb);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pipe.close();
  }

  private data(chunk: Uint8Array): void {
    if (this.closed) return;
    const rest = this.inPrefix === 2 ? this.handshakeData(chunk) : chunk;
    if (rest === null || rest.length === 0 || this.closed) return;
    const err = this.scanPackets(rest);
    if (err !== null) return this.fail(err);
    this.messages.emit(rest);
  }

  /** Delivers whole 2-byte-framed messages; returns the bytes after the switch (or null). */
  private handshakeData(chunk: Uint8Array): Uint8Array | null {
    let buf = this.pending.length === 0 ? chunk : concatBytes([this.pending, chunk], this.pending.length + chunk.length);
    while (buf.length >= 2) {
      const len = (buf[0] as number) * 256 + (buf[1] as number);
      if (len > this.maxHandshake) {
        this.fail(`handshake message of ${len} bytes exceeds ${this.maxHandshake}`);
        return null;
      }
      if (buf.length < 2 + len) break;
      const body = buf.slice(2, 2 + len);
      buf = buf.subarray(2 + len);
      this.messages.emit(body);
      if (this.closed) return null;
      if (body[0] === REPLY || body[0] === ACK) {
        this.inPrefix = 4;
        this.pending = new Uint8Array(0);
        return buf;
      }
    }
    this.pending = buf.slice();
    return null;
  }

  /** Follows packet lengths through `chunk`; an error text for a length over the limit. */
  private scanPackets(chunk: Uint8Array): string | null {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= n;
        at += n;
        continue;
      }
      this.lengthSoFar = this.lengthSoFar * 256 + (chunk[at++] as number);
      if (++this.lengthBytes < 4) continue;
      const len = this.lengthSoFar;
      this.lengthBytes = 0;
      this.lengthSoFar = 0;
      if (len > this.maxPacket) return `packet of ${len} bytes exceeds ${this.maxPacket}`;
      this.bodyLeft = len;
    }
    return null;
  }

  private fail(why: string): void {
    if (this.closed) return;
    this.errorReason = `protocol error: ${why}`;
    this.closed = true;
    this.pipe.close();
  }

  private pipeClosed(reason: string): void {
    this.closed = true;
    const why = this.errorReason ?? reason;
    this.messages.clear();
    this.drains.clear();
    for (const cb of this.closes.take()) cb(why);
  }
}
