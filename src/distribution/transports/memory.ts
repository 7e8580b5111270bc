/**
 * An in-memory network of nodes, for tests and benchmarks in Node, and the terminal's network
 * (cli/terminal-network.ts). Every event (a connect answer, a message, a close) goes into ONE
 * FIFO queue that the test drains with `flush()` (or the host, given `schedule`),
 * so runs are deterministic and nothing is ever delivered synchronously (as over a real
 * network, the transport contract forbids it). Each message is copied on send, so the
 * receiver never shares a buffer with the sender. With `highWaterBytes` set, a link reports
 * back-pressure as a data channel's bufferedAmount would: bytes sent and not yet delivered count
 * as buffered.
 */
import type { BulkChannel, ConnectResult, Link, ListenResult, Transport } from './transport.ts';
import { Listeners } from './listeners.ts';

export interface MemoryNetworkOptions {
  /** Largest message a link accepts; bigger ones close the link (like an RTCDataChannel error). */
  readonly maxMessageBytes?: number;
  /** Buffered bytes above which a link is not writable (default: never); it drains below half. */
  readonly highWaterBytes?: number;
  /**
   * A host that delivers on its own (the terminal): called with `flush` whenever events wait and
   * no flush is scheduled yet, to run it in a later turn. Without it the owner calls `flush()`.
   */
  readonly schedule?: (flush: () => void) => void;
  /** Links get a bulk channel (transport.ts Link.bulk), whose messages a test may hold back (`holdBulk`). */
  readonly bulkChannels?: boolean;
  /**
   * Links lend their messages (Link.lendsMessages), as a data channel's does: once a message's
   * callbacks return, its bytes are written over, so a listener that kept them without a copy
   * sees garbage (the tests of every layer that may keep bytes run over this).
   */
  readonly lendMessages?: boolean;
}

/** What `onSend` observers see: every message as it leaves a node. */
export interface SentMessage {
  readonly from: string;
  readonly to: string;
  readonly bytes: Uint8Array;
}

type Incoming = (link: Link, peerName: string) => void;

/** What a lent message's bytes become once its callbacks returned (MemoryNetworkOptions.lendMessages). */
const LENT_SCRIBBLE = 0xa5;

class MemoryLink implements Link {
  other: MemoryLink | null = null;
  closed = false;
  /** Bytes sent and not yet delivered (what a data channel calls bufferedAmount). */
  buffered = 0;
  private blocked = false;
  private readonly messages = new Listeners<Uint8Array>();
  private readonly closes = new Listeners<string>();
  private readonly drains = new Listeners<void>();
  readonly bulk?: MemoryBulk;

  constructor(
    private readonly net: MemoryNetwork,
    readonly self: string,
    readonly peer: string,
  ) {
    if (net.bulkChannels) this.bulk = new MemoryBulk(net, this);
    this.lendsMessages = net.lendMessages;
  }

  /** `send` keeps a copy of its own. */
  readonly copiesOnSend = true;
  readonly lendsMessages: boolean;

  send(bytes: Uint8Array): void {
    if (this.closed) return;
    if (bytes.length > this.net.maxMessageBytes) {
      this.net.closePair(this, `message of ${bytes.length} bytes exceeds ${this.net.maxMessageBytes}`);
      return;
    }
    const copy = bytes.slice();
    this.net.recordSend(this.self, this.peer, copy);
    const to = this.other;
    this.buffered += copy.length;
    if (this.buffered > this.net.maxBufferedBytes) this.net.maxBufferedBytes = this.buffered;
    if (this.buffered > this.net.highWaterBytes) this.blocked = true;
    this.net.enqueue(() => {
      this.delivered(copy.length);
      if (to !== null && !to.closed) to.emitMessage(copy);
    });
  }
  get writable(): boolean {
    return !this.blocked;
  }
  onDrain(cb: () => void): () => void {
    return this.drains.add(cb);
  }
  onMessage(cb: (bytes: Uint8Array) => void): () => void {
    return this.messages.add(cb);
  }
  onClose(cb: (reason: string) => void): () => void {
    return this.closes.add(cb);
  }
  close(): void {
    this.net.closePair(this, 'closed');
  }
  /** Runs in the network's turn, so a drain never fires inside `send`. */
  private delivered(n: number): void {
    this.buffered -= n;
    if (!this.blocked || this.closed || this.buffered > this.net.highWaterBytes / 2) return;
    this.blocked = false;
    this.drains.emit();
  }
  emitMessage(b: Uint8Array): void {
    this.messages.emit(b);
    if (this.lendsMessages) b.fill(LENT_SCRIBBLE);
  }
  emitClose(reason: string): void {
    const cbs = this.closes.take();
    this.messages.clear();
    this.drains.clear();
    this.bulk?.clear();
    for (const cb of cbs) cb(reason);
  }
}

/** A memory link's bulk channel: ordered on its own, delivered through the same queue unless the test holds it. */
class MemoryBulk implements BulkChannel {
  private readonly messages = new Listeners<Uint8Array>();
  readonly writable = true;
  readonly maxMessageBytes: number;

  constructor(
    private readonly net: MemoryNetwork,
    private readonly link: MemoryLink,
  ) {
    this.maxMessageBytes = net.maxMessageBytes;
  }

  send(bytes: Uint8Array): void {
    if (this.link.closed) return;
    if (bytes.length > this.net.maxMessageBytes) return this.net.closePair(this.link, `bulk message of ${bytes.length} bytes exceeds ${this.net.maxMessageBytes}`);
    const copy = bytes.slice();
    this.net.recordSend(this.link.self, this.link.peer, copy);
    const to = this.link.other?.bulk;
    this.net.sendBulk(() => {
      if (to !== undefined && this.link.other?.closed === false) to.messages.emit(copy);
    });
  }
  onMessage(cb: (bytes: Uint8Array) => void): () => void {
    return this.messages.add(cb);
  }
  onDrain(): () => void {
    return () => {};
  }
  clear(): void {
    this.messages.clear();
  }
}

export class MemoryNetwork {
  readonly maxMessageBytes: number;
  readonly highWaterBytes: number;
  readonly bulkChannels: boolean;
  readonly lendMessages: boolean;
  /** Bulk-channel deliveries held back by `holdBulk(true)`, in order. */
  private heldBulk: (() => void)[] | null = null;
  private readonly listeners = new Map<string, Incoming>();
  private readonly links = new Set<MemoryLink>();
  private readonly queue: (() => void)[] = [];
  private head = 0;
  private readonly schedule: ((flush: () => void) => void) | null;
  private scheduled = false;
  private readonly observers = new Set<(m: SentMessage) => void>();
  /** Messages sent so far (every link, both directions). */
  messagesSent = 0;
  bytesSent = 0;
  /** The most bytes any link had sent and not yet delivered (tests of back-pressure). */
  maxBufferedBytes = 0;

  constructor(options: MemoryNetworkOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? 256 * 1024;
    this.highWaterBytes = options.highWaterBytes ?? Infinity;
    this.schedule = options.schedule ?? null;
    this.bulkChannels = options.bulkChannels ?? false;
    this.lendMessages = options.lendMessages ?? false;
  }

  /** Holds bulk-channel messages back (true), or lets them go, in order, after what is queued now (false). */
  holdBulk(on: boolean): void {
    const held = this.heldBulk;
    this.heldBulk = on ? (held ?? []) : null;
    if (!on && held !== null) for (const ev of held) this.enqueue(ev);
  }

  sendBulk(deliver: () => void): void {
    if (this.heldBulk !== null) this.heldBulk.push(deliver);
    else this.enqueue(deliver);
  }

  /** A node's transport on this network. */
  transport(): Transport {
    let myName: string | null = null;
    return {
      maxMessageBytes: this.maxMessageBytes,
      listen: (nodeName, onIncoming): ListenResult => {
        if (this.listeners.has(nodeName)) return { ok: false, reason: `the name ${nodeName} seems to be in use by another Erlang node` };
        this.listeners.set(nodeName, onIncoming);
        myName = nodeName;
        return {
          ok: true,
          stop: () => {
            if (this.listeners.get(nodeName) === onIncoming) this.listeners.delete(nodeName);
          },
        };
      },
      connect: (peerName, done) => this.connect(myName, peerName, done),
    };
  }

  /** Names that are listening, as EPMD's `names` would list them. */
  names(): string[] {
    return [...this.listeners.keys()];
  }

  /** Delivers queued events in order (including those they cause) until none is left. */
  flush(maxEvents = 10_000_000): number {
    let n = 0;
    while (this.head < this.queue.length && n < maxEvents) {
      const ev = this.queue[this.head] as () => void;
      this.queue[this.head++] = noop;
      n++;
      ev();
    }
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    }
    return n;
  }

  /** Events waiting for `flush`. */
  pending(): number {
    return this.queue.length - this.head;
  }

  /** Observe every message sent on the network (tests: count batches, look for secrets). */
  onSend(cb: (m: SentMessage) => void): () => void {
    this.observers.add(cb);
    return () => this.observers.delete(cb);
  }

  /** Closes every link between `a` and `b` (both sides see the close), like a pulled cable. */
  disconnect(a: string, b: string): void {
    for (const l of [...this.links]) {
      if ((l.self === a && l.peer === b) || (l.self === b && l.peer === a)) this.closePair(l, 'disconnected by the network');
    }
  }

  /** Closes every link of `name` and stops it listening: the tab was closed. */
  kill(name: string): void {
    this.listeners.delete(name);
    for (const l of [...this.links]) if (l.self === name) this.closePair(l, 'peer gone');
  }

  /**
   * The name's registration lapses while its links stay up, as when a tab loses its signalling
   * connection (data channels survive it): anyone may now listen under the name.
   */
  forget(name: string): void {
    this.listeners.delete(name);
  }

  // --- used by MemoryLink ---

  enqueue(ev: () => void): void {
    this.queue.push(ev);
    if (this.schedule === null || this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  recordSend(from: string, to: string, bytes: Uint8Array): void {
    this.messagesSent++;
    this.bytesSent += bytes.length;
    if (this.observers.size === 0) return;
    // The observers' own copy: the one delivered is written over once read when links lend.
    const seen = this.lendMessages ? bytes.slice() : bytes;
    for (const o of this.observers) o({ from, to, bytes: seen });
  }

  closePair(l: MemoryLink, reason: string): void {
    for (const side of [l, l.other]) {
      if (side === null || side.closed) continue;
      side.closed = true;
      this.links.delete(side);
      this.enqueue(() => side.emitClose(reason));
    }
  }

  private connect(from: string | null, to: string, done: (r: ConnectResult) => void): void {
    this.enqueue(() => {
      if (from === null) return done({ ok: false, reason: 'not listening: a node needs a name to connect' });
      const accept = this.listeners.get(to);
      if (accept === undefined) return done({ ok: false, reason: `no node named ${to}` });
      const mine = new MemoryLink(this, from, to);
      const theirs = new MemoryLink(this, to, from);
      mine.other = theirs;
      theirs.other = mine;
      this.links.add(mine);
      this.links.add(theirs);
      accept(theirs, from);
      done({ ok: true, link: mine });
    });
  }
}

function noop(): void {}
