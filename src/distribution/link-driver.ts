/**
 * One transport link's life: the handshake (initiator or acceptor machine), then a Connection on
 * the same link. It moves bytes between the link and the machines and tells its owner (the
 * distribution layer) what happened; the owner decides what that means for the node (slot
 * bookkeeping, nodeup/nodedown). A link closes at most once, and after that nothing it
 * receives counts. It also keeps the connection's output bounded: past DIST_BUF_BUSY_LIMIT
 * queued bytes a send reports 'busy', and the owner hears `drained` once the queue is low.
 */
import type { Atom } from '../core/term/types.ts';
import { atom } from '../core/term/types.ts';
import type { Acceptor } from './handshake/acceptor.ts';
import type { Initiator } from './handshake/initiator.ts';
import type { HandshakeEvent, HandshakeOutput } from './handshake/events.ts';
import type { Connection } from './connection.ts';
import type { ControlMessage } from './control.ts';
import type { BulkChannel, Link } from './transports/transport.ts';
import { PACKET_LENGTH_BYTES } from './packet-stream.ts';

export interface LinkOwner {
  now(): number;
  handshakeEvent(d: LinkDriver, e: HandshakeEvent): void;
  /** `messages` is the driver's own array, emptied after the call: read it, do not keep it. */
  received(d: LinkDriver, messages: ControlMessage[]): void;
  /** The connection was reported busy (`send`) and its queue is now below half the limit. */
  drained(d: LinkDriver): void;
  /** The link is gone: closed by the peer or the network, a protocol error, or by us. */
  closed(d: LinkDriver, reason: string, byUs: boolean): void;
}

export type Machine = { readonly role: 'initiator'; readonly m: Initiator } | { readonly role: 'acceptor'; readonly m: Acceptor };

/**
 * BEAM's dist_buf_busy_limit (erl +zdbbl, default 1024 KB): once this many bytes wait to go out
 * on a connection (encoded, not yet taken by the link), it is busy and processes that send on
 * it are suspended (core/runtime/busy-dist.ts). They resume when it is below half the limit.
 * With each sender suspended right after its send, the queue stays within the limit plus one
 * message per sending process (and the few signals system processes send).
 */
export const DIST_BUF_BUSY_LIMIT = 1024 * 1024;

export class LinkDriver {
  conn: Connection | null = null;
  dead = false;
  /** Who is at the other end: known from the start for an initiator, after send_name for an acceptor. */
  peer: Atom | null;
  /** Bytes this link carried, for tests and the UI. */
  bytesSent = 0;
  private readonly unsubs: (() => void)[] = [];
  /** Transport messages taken from the connection and not yet sent (the link pushed back). */
  private waiting: Uint8Array[] = [];
  private waitingAt = 0;
  private waitingBytes = 0;
  /** The same for the bulk channel (bulk-lane.ts), which pushes back on its own. */
  private readonly bulkWaiting = new Outbox();
  /** `send` said busy: the owner hears `drained` once the queue is low again. */
  private saidBusy = false;
  /** The control messages of one transport message, handed to the owner and emptied again (onMessage). */
  private readonly inbox: ControlMessage[] = [];

  constructor(
    readonly link: Link,
    readonly machine: Machine,
    private readonly owner: LinkOwner,
    peer: Atom | null,
    private readonly busyLimit = DIST_BUF_BUSY_LIMIT,
  ) {
    this.peer = peer;
    this.unsubs.push(link.onMessage((b) => this.onMessage(b)));
    this.unsubs.push(link.onClose((r) => this.onClose(r)));
    this.unsubs.push(link.onDrain(() => this.flush()));
    const bulk = link.bulk;
    if (bulk !== undefined) {
      this.unsubs.push(bulk.onMessage((b) => this.onBulkMessage(b)));
      this.unsubs.push(bulk.onDrain(() => this.flush()));
    }
  }

  get role(): 'initiator' | 'acceptor' {
    return this.machine.role;
  }

  /** Initiator: send send_name. */
  start(): void {
    if (this.machine.role === 'initiator') this.apply(this.machine.m.start());
  }

  /** Switches the link to the connection (after the handshake's `up`). */
  becomeUp(conn: Connection): void {
    this.conn = conn;
    if (this.link.bulk !== undefined) conn.openBulkLane(this.link.bulk.maxMessageBytes);
  }

  /**
   * Queues `m` on the connection (up). Returns an error text when it was dropped (cannot be
   * encoded, or too large for the link), 'busy' when it was queued but the queue is now over
   * the busy limit (the sender should wait for `drained`), else null.
   */
  send(m: ControlMessage): string | 'busy' | null {
    const conn = this.conn;
    if (conn === null || this.dead) return null;
    const bulkBefore = conn.bulkPendingBytes;
    const err = conn.send(m);
    if (err !== null) return err;
    // The bulk lane's queue suspends only those who fill it: a small message after a large one
    // goes on the main channel and its sender keeps running.
    const toBulk = conn.bulkPendingBytes > bulkBefore;
    if (conn.pendingBytes + this.waitingBytes < this.busyLimit && !(toBulk && conn.bulkPendingBytes + this.bulkWaiting.bytes >= this.busyLimit)) return null;
    this.saidBusy = true;
    return 'busy';
  }

  /**
   * Sends what the connection has queued while the link takes it. When the link pushes back
   * (transport.ts: back-pressure) the rest waits here, cut into messages, and the link's drain
   * sends it, in order. The batch moves here even then, so the connection's buffer stays small
   * (growing it to megabytes cost copies on every doubling).
   */
  flush(): void {
    const conn = this.conn;
    if (conn === null || this.dead) return;
    // Nothing waits (a round trip's case) and the link copies what it sends: the batch goes as a
    // view of the connection's buffer, no copy (transport.ts copiesOnSend). No clock read: the
    // connection counts it as written at the last time it knows (Connection.take).
    const view = this.waiting.length === 0 && this.link.copiesOnSend === true && conn.hasOutput && this.link.writable ? conn.takeView() : null;
    if (view !== null) {
      this.sendRaw(view);
      if (this.dead) return;
    } else if (conn.hasOutput) {
      // Nothing waits and the link copies what it sends: views of the connection's buffer too
      // (no copy of a flood's batch); what the link does not take now waits as a copy of its own.
      const views = this.waiting.length === 0 && this.link.copiesOnSend === true;
      const batch = views ? conn.takeViews() : conn.take();
      let i = 0;
      if (this.waiting.length === 0) {
        // Nothing waits (a round trip's case): straight to the link while it takes them.
        while (i < batch.length && this.link.writable) {
          this.sendRaw(batch[i++] as Uint8Array);
          if (this.dead) return;
        }
      } else if (this.tickPassesQueue(conn, batch)) this.sendRaw(batch[i++] as Uint8Array);
      for (; i < batch.length; i++) {
        const m = views ? conn.keep(batch[i] as Uint8Array) : (batch[i] as Uint8Array);
        this.waiting.push(m);
        this.waitingBytes += m.length;
      }
    }
    while (this.waitingAt < this.waiting.length && this.link.writable) {
      const m = this.waiting[this.waitingAt++] as Uint8Array;
      this.waitingBytes -= m.length;
      this.sendRaw(m);
      if (this.dead) return;
    }
    // Empty (length 0) exactly when nothing waits.
    if (this.waitingAt > 0 && this.waitingAt === this.waiting.length) {
      this.waiting = [];
      this.waitingAt = 0;
    }
    const bulk = this.link.bulk;
    // The lane's queues are looked at only when they hold something (most flushes have none).
    if (bulk !== undefined && (conn.bulkPendingBytes > 0 || this.bulkWaiting.bytes > 0)) {
      this.bulkWaiting.add(conn.takeBulk());
      this.bulkWaiting.sendWhile(bulk, (b) => conn.mayBulk(b.length), (b) => {
        this.bytesSent += b.length;
        conn.bulkSent(b.length);
      });
    }
    if (this.saidBusy && this.waitingBytes < this.busyLimit / 2 && this.bulkWaiting.bytes < this.busyLimit / 2) {
      this.saidBusy = false;
      this.owner.drained(this);
    }
  }

  /**
   * A tick goes to the link at once, ahead of messages waiting here, unless the next of them
   * continues a large packet (messages end where packets do otherwise: packet-stream.ts). Under BEAM
   * a tick is only needed when nothing else goes out, and bytes queued but not sent are not
   * traffic: the peer must hear from us. That matters when the classroom pause holds a flood
   * (middleware/hold.ts): its 1 MiB makes the link unwritable, so the rest waits here, and
   * ticks stuck behind it would let the peer drop us at the tick timeout. The link takes a send
   * even when unwritable (transport.ts), and the pause lets ticks through.
   */
  private tickPassesQueue(conn: Connection, batch: Uint8Array[]): boolean {
    if (batch.length !== 1 || !isTick(batch[0] as Uint8Array)) return false;
    return !conn.continuesPacket(this.waiting[this.waitingAt] as Uint8Array);
  }

  /** Closes the link; the owner hears `closed(..., byUs = true)` once, now. */
  close(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    for (const u of this.unsubs) u();
    this.link.close();
    this.owner.closed(this, reason, true);
  }

  private sendRaw(b: Uint8Array): void {
    this.bytesSent += b.length;
    this.link.send(b);
  }

  private onMessage(b: Uint8Array): void {
    if (this.dead) return;
    const conn = this.conn;
    if (conn !== null) {
      // The driver's own array, unless a delivery in progress holds it (a message from inside one).
      const messages = this.inbox.length === 0 ? this.inbox : [];
      const error = conn.receiveInto(b, this.owner.now(), messages);
      // The messages before a bad packet are delivered, then the link closes.
      if (messages.length > 0) {
        try {
          this.owner.received(this, messages);
        } finally {
          // Emptied by pop: `length = 0` would let the array's store go, and the next message make a new one.
          while (messages.length > 0) messages.pop();
        }
      }
      if (error !== null) return this.close(`protocol error: ${error}`);
      this.flush(); // a tick answer, or replies the messages caused
      return;
    }
    const out = this.machine.m.receive(b);
    if (this.machine.role === 'acceptor' && this.peer === null && this.machine.m.peerName !== null) {
      this.peer = atom(this.machine.m.peerName);
    }
    this.apply(out);
  }

  private onBulkMessage(b: Uint8Array): void {
    if (this.dead) return;
    const conn = this.conn;
    if (conn === null) return this.close('protocol error: bulk lane: data before the handshake');
    const r = conn.receiveBulk(b, this.owner.now());
    if (r.messages.length > 0) this.owner.received(this, r.messages);
    if (r.error !== null) return this.close(`protocol error: ${r.error}`);
    this.flush();
  }

  private onClose(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    for (const u of this.unsubs) u();
    if (this.conn === null) {
      // Let the machine report the failure (connection_closed) before the owner hears of it.
      const out = this.machine.m.closed();
      for (const e of out.events) this.owner.handshakeEvent(this, e);
    }
    this.owner.closed(this, reason, false);
  }

  private apply(out: HandshakeOutput): void {
    for (const b of out.send) if (!this.dead) this.sendRaw(b);
    for (const e of out.events) {
      if (this.dead && e.type !== 'failed') continue;
      this.owner.handshakeEvent(this, e);
    }
  }
}

/** A transport message that is one tick: a packet of length 0 (packet-stream.ts). */
function isTick(m: Uint8Array): boolean {
  return m.length === PACKET_LENGTH_BYTES && m[0] === 0 && m[1] === 0 && m[2] === 0 && m[3] === 0;
}

/** Transport messages waiting for a channel that pushed back, sent in order once it drains. */
class Outbox {
  private items: Uint8Array[] = [];
  private at = 0;
  bytes = 0;

  add(batch: readonly Uint8Array[]): void {
    for (const m of batch) {
      this.items.push(m);
      this.bytes += m.length;
    }
  }

  /** Sends in order while the channel is writable and `may` allows the next. */
  sendWhile(channel: BulkChannel, may: (b: Uint8Array) => boolean, sent: (b: Uint8Array) => void): void {
    while (this.at < this.items.length && channel.writable && may(this.items[this.at] as Uint8Array)) {
      const m = this.items[this.at++] as Uint8Array;
      this.bytes -= m.length;
      sent(m);
      channel.send(m);
    }
    if (this.at === this.items.length) {
      this.items = [];
      this.at = 0;
    }
  }
}
