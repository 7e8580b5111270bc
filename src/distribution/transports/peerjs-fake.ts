/**
 * A fake PeerJS network for tests of the PeerJS transport (peerjs.ts) with real distributions on
 * top: Peers that reach each other by id, DataConnections whose `open`, `data` and `close` come
 * from one FIFO queue the test drains (`flush`), so runs are deterministic. It fakes only what
 * peerjs.ts uses. `openTwice` makes the next incoming connection fire `open` twice, as Chromium
 * was seen to do during simultaneous connects between two tabs.
 */
import type { Peer } from 'peerjs';
import { createPeerJsTransport, type PeerJsTransportOptions } from './peerjs.ts';
import type { Link } from './transport.ts';
import { peerIdForNode } from '../peer-id.ts';

type Handler = (...args: unknown[]) => void;

/** Enough of PeerJS's EventEmitter for peerjs.ts (on, off, emit). */
export class FakeEmitter {
  private readonly handlers = new Map<string, Set<Handler>>();
  on(event: string, h: Handler): this {
    let set = this.handlers.get(event);
    if (set === undefined) this.handlers.set(event, (set = new Set()));
    set.add(h);
    return this;
  }
  off(event: string, h: Handler): this {
    this.handlers.get(event)?.delete(h);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const h of [...(this.handlers.get(event) ?? [])]) h(...args);
  }
}

export class FakeConnection extends FakeEmitter {
  other: FakeConnection | null = null;
  closed = false;
  /** Messages PeerJS holds in its own queue (BufferedConnection's bufferSize): set by a test. */
  bufferSize = 0;
  /** Messages sent through PeerJS's `send` and straight on the channel. */
  readonly sent = { viaPeerJs: 0, viaChannel: 0 };
  /** The RTCDataChannel under it: like the browser's, `send` copies what it is given at once. */
  /** The channel's `message` listeners (peerjs.ts reads messages from the channel itself). */
  private readonly onChannelMessage: ((e: { data: unknown }) => void)[] = [];
  readonly dataChannel = {
    bufferedAmount: 0,
    bufferedAmountLowThreshold: 0,
    onmessage: null as unknown,
    addEventListener: (type: string, h: (e: { data: unknown }) => void) => {
      if (type === 'message') this.onChannelMessage.push(h);
    },
    readyState: 'open' as RTCDataChannelState,
    send: (data: Uint8Array) => {
      this.sent.viaChannel++;
      this.deliver(data);
    },
  };
  constructor(
    private readonly net: FakePeerNetwork,
    /** The remote peer's id, as PeerJS names it. */
    readonly peer: string,
  ) {
    super();
  }
  send(data: Uint8Array): void {
    this.sent.viaPeerJs++;
    this.deliver(data);
  }
  private deliver(data: Uint8Array): void {
    if (this.closed) return;
    const copy = data.slice().buffer;
    const to = this.other;
    this.net.enqueue(() => {
      if (to !== null && !to.closed) to.channelMessage(copy);
    });
  }
  /** The channel delivers `data` (any value a hostile peer could make it deliver), now. */
  channelMessage(data: unknown): void {
    // As the browser and PeerJS do: the channel's listeners, then PeerJS's 'data'.
    for (const h of this.onChannelMessage) h({ data });
    this.emit('data', data);
  }
  close(): void {
    for (const side of [this, this.other]) {
      if (side === null || side.closed) continue;
      side.closed = true;
      side.dataChannel.readyState = 'closed';
      // PeerJS fires close synchronously on the side that closes; the other hears it later.
      if (side === this) side.emit('close');
      else this.net.enqueue(() => side.emit('close'));
    }
  }
}

class FakePeer extends FakeEmitter {
  readonly disconnected = false;
  constructor(
    private readonly net: FakePeerNetwork,
    readonly id: string,
  ) {
    super();
  }
  connect(peerId: string): FakeConnection {
    const mine = new FakeConnection(this.net, peerId);
    this.net.enqueue(() => {
      const target = this.net.peer(peerId);
      if (target === undefined) return this.emit('error', { type: 'peer-unavailable', message: `Could not connect to peer ${peerId}` });
      const theirs = new FakeConnection(this.net, this.id);
      this.net.connections.push(mine, theirs);
      mine.other = theirs;
      theirs.other = mine;
      target.emit('connection', theirs);
      const twice = this.net.takeOpenTwice();
      // Both ends open in the same turn, the answering end first (its channel is announced first).
      this.net.enqueue(() => {
        if (mine.closed) return;
        theirs.emit('open');
        if (twice) theirs.emit('open');
        mine.emit('open');
      });
    });
    return mine;
  }
}

export class FakePeerNetwork {
  private readonly peers = new Map<string, FakePeer>();
  private readonly queue: (() => void)[] = [];
  private openTwiceNext = 0;
  /** Every data connection made, both ends of each (the caller's first). */
  readonly connections: FakeConnection[] = [];

  /** A Peer registered under `id` (as registerNode's Peer, already open). */
  add(id: string): Peer {
    const p = new FakePeer(this, id);
    this.peers.set(id, p);
    return p as unknown as Peer;
  }

  peer(id: string): FakePeer | undefined {
    return this.peers.get(id);
  }

  /** The next `n` connections fire `open` twice on their answering end. */
  openTwice(n = 1): void {
    this.openTwiceNext += n;
  }

  takeOpenTwice(): boolean {
    if (this.openTwiceNext === 0) return false;
    this.openTwiceNext--;
    return true;
  }

  enqueue(ev: () => void): void {
    this.queue.push(ev);
  }

  /** Runs one queued event; false when none was left. */
  step(): boolean {
    const ev = this.queue.shift();
    if (ev === undefined) return false;
    ev();
    return true;
  }
}

/** Two PeerJS transports on a fake network, `a@lab` linked to `b@lab` (peerjs-*.test.ts). */
export interface FakeLinkPair {
  readonly net: FakePeerNetwork;
  /** a@lab's end. */
  readonly link: Link;
  /** Runs queued events, and the microtasks the transport calls back in, until none is left. */
  settle(): Promise<void>;
}

/** Connects `a@lab` to `b@lab`; `listenB` gets b's end of the link as it opens. */
export async function fakeLinkPair(listenB: (link: Link) => void, bOptions?: PeerJsTransportOptions): Promise<FakeLinkPair> {
  const net = new FakePeerNetwork();
  const a = createPeerJsTransport(net.add(peerIdForNode('a@lab')));
  const b = createPeerJsTransport(net.add(peerIdForNode('b@lab')), undefined, bOptions);
  b.listen('b@lab', listenB);
  a.listen('a@lab', () => {});
  let link: Link | null = null;
  a.connect('b@lab', (r) => {
    if (!r.ok) throw new Error(r.reason);
    link = r.link;
  });
  const settle = async () => {
    for (let i = 0; i < 10_000 && net.step(); i++) await Promise.resolve();
    await Promise.resolve();
  };
  await settle();
  if (link === null) throw new Error('not connected');
  return { net, link, settle };
}
