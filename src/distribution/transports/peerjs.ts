/**
 * The WebRTC transport, over PeerJS. The ONLY file that imports peerjs (.dependency-cruiser.cjs).
 *
 * The embedded signalling server (server/signalling.ts) plays EPMD: a named node registers under
 * the PeerJS id derived from its name (peer-id.ts). PeerJS is always pointed at that server,
 * never at the public PeerJS cloud, and ICE servers are empty unless configured (STUN/TURN are
 * only needed across NATs; see README).
 */
import { Peer, type DataConnection, type PeerOptions } from 'peerjs';
import { nodeForPeerId, peerIdForNode } from '../peer-id.ts';
import type { BulkChannel, ConnectResult, Link, ListenResult, Transport } from './transport.ts';
import { Listeners } from './listeners.ts';
import { COMPRESS_FROM_BYTES, encodeFrame, encodeFrameInto, storedFrame, storedFrameInto, unframe } from './frame.ts';

export interface SignallingConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  /** Where the PeerServer is mounted on that host (server/signalling.ts). */
  readonly path: string;
  readonly key: string;
  readonly iceServers: RTCIceServer[];
}

export type SignallingState =
  | { readonly type: 'connecting' }
  | { readonly type: 'registered'; readonly peerId: string }
  | { readonly type: 'disconnected' }
  | { readonly type: 'refused'; readonly reason: string };

export function peerOptions(config: SignallingConfig): PeerOptions {
  return {
    host: config.host,
    port: config.port,
    secure: config.secure,
    path: config.path,
    key: config.key,
    config: { iceServers: config.iceServers },
    debug: 0,
  };
}

export interface RegisterOptions {
  /**
   * The tab's secret for its name (random, from the composition root): the signalling server
   * keeps the name for this token for a grace period after the socket drops, so only this tab
   * gets it back (server/names.ts). Without it PeerJS makes one of its own.
   */
  readonly token?: string;
}

/**
 * Registers the node's name with the signalling server. A name already in use is refused with
 * Erlang's words, and the tab stays unnamed. Once registered, the name is the tab's: a signalling
 * drop never destroys the Peer (that would close every live data channel); it registers again,
 * with backoff, until the server is back and gives it its name.
 */
export function registerNode(nodeName: string, config: SignallingConfig, onState: (s: SignallingState) => void, options: RegisterOptions = {}): Peer {
  const peer = new Peer(peerIdForNode(nodeName), { ...peerOptions(config), ...(options.token !== undefined ? { token: options.token } : {}) });
  let registered = false;
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  onState({ type: 'connecting' });
  peer.on('open', (id) => {
    registered = true;
    attempts = 0;
    onState({ type: 'registered', peerId: id });
  });
  // The signalling server went away (restarted, a network drop) or refused us again (our name
  // held by another after a server restart): data channels already open keep working; register
  // again under the same name, so new connections work once it is back.
  peer.on('disconnected', () => {
    onState({ type: 'disconnected' });
    clearTimeout(retry);
    retry = setTimeout(() => {
      if (!peer.destroyed && peer.disconnected) peer.reconnect();
    }, reconnectDelay(attempts++));
  });
  peer.on('close', () => clearTimeout(retry));
  peer.on('error', (err) => {
    if (err.type === 'unavailable-id' && !registered) {
      onState({ type: 'refused', reason: `the name ${nodeName} seems to be in use by another Erlang node` });
      peer.destroy();
    } else if (err.type === 'network' || err.type === 'server-error' || err.type === 'socket-error') {
      onState({ type: 'disconnected' });
    }
  });
  return peer;
}

/** Waits between attempts to register again: doubling from RECONNECT_FIRST_MS up to RECONNECT_MAX_MS. */
export function reconnectDelay(attempt: number): number {
  return Math.min(RECONNECT_FIRST_MS * 2 ** attempt, RECONNECT_MAX_MS);
}
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 5000;

/**
 * Largest message a link takes: several dist packets travel in one (packet-stream.ts). Bigger
 * messages mean fewer events per byte; with frame.ts's frame byte the data-channel message stays
 * within 64 KiB, which every current browser's SCTP max-message-size allows.
 */
const MAX_MESSAGE_BYTES = 64 * 1024 - 16;

/** PeerJS retries sending its own queue this often (DataConnection's buffered send). */
const PEERJS_RETRY_MS = 50;
/** PeerJS's DataConnection.MAX_BUFFERED_AMOUNT: above it PeerJS holds sends itself. */
const PEERJS_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** How long a connect may take before it counts as failed (a peer that never answers). */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Incoming data connections not yet open: each is an RTCPeerConnection PeerJS made for an OFFER
 * (the signalling server limits how fast they come, not how many stay). A tab keeps at most
 * MAX_OPENING_PER_PEER of them per remote peer and MAX_OPENING in all, and closes those not
 * open after OPEN_TIMEOUT_MS; a real peer opens one at a time and within seconds.
 */
export const MAX_OPENING_PER_PEER = 4;
export const MAX_OPENING = 64;
export const OPEN_TIMEOUT_MS = CONNECT_TIMEOUT_MS;

/**
 * Back-pressure marks for a data channel's bufferedAmount. Far below PeerJS's own 8 MB cap
 * (past which it queues and polls every 50 ms) and Chromium's 16 MB (past which `send` closes
 * the channel); enough to keep SCTP busy between two `bufferedamountlow` events.
 */
const HIGH_WATER_BYTES = 1024 * 1024;
const LOW_WATER_BYTES = 256 * 1024;

/**
 * The bulk channel's SCTP stream (transport.ts Link.bulk): negotiated (both sides create it with
 * this id when the link opens, no signalling), below Chromium's 1,024 streams and far above the
 * ids PeerJS's own channels take.
 */
const BULK_CHANNEL_ID = 1000;

/**
 * The bulk channel's messages and marks, much smaller than the link's: what SCTP has taken from
 * it is what a small message on the link may wait behind, so little is queued at a time. 2,300
 * bytes (and the frame's byte) fill two of Chromium's SCTP packets (1,191 bytes each, headers
 * included): the wire's cost is per packet, and a 4 KiB message took four, the last one part
 * empty. bench:dist (load 2-3, three runs each): the small round trip during a 10 MB transfer was
 * 1.60-1.63× idle with 2,300-byte messages (the transfer 3.0-3.7 s), 1.81-2.04× with 4 KiB
 * (2.6 s), 3.8-5.3× with 16 KiB.
 */
const BULK_MESSAGE_BYTES = 2300;
const BULK_HIGH_WATER_BYTES = 16 * 1024;
const BULK_LOW_WATER_BYTES = 4 * 1024;

/** Messages PeerJS queued itself (its raw connections are BufferedConnections; the type says DataConnection). */
const peerJsQueued = (conn: DataConnection): number => (conn as Partial<{ bufferSize: number }>).bufferSize ?? 0;

/**
 * One reliable, ordered, binary data channel to a peer as a Link. PeerJS fires `close`
 * synchronously from `close()`, and the contract forbids callbacks inside our calls, so close
 * callbacks are deferred to a microtask. Drains come from the channel's `bufferedamountlow` event.
 */
class DataChannelLink implements Link {
  private readonly messages = new Listeners<Uint8Array>();
  private readonly closes = new Listeners<string>();
  private readonly drains = new Listeners<void>();
  private closed = false;
  private blocked = false;
  /** Where a message is framed before the channel copies it (send); grown to the largest at the first batch. */
  private scratch = new Uint8Array(COMPRESS_FROM_BYTES + 1);
  readonly bulk?: BulkChannel;
  private readonly bulkChannel: BulkDataChannel | null;
  /** `send` copies: into `scratch`, then the channel; or a new frame (encodeFrame) for PeerJS to hold. */
  readonly copiesOnSend = true;
  /**
   * Where a delta frame is decoded, written over by the next (made at the first): a flood's
   * batch is ~55 KB decoded, and a new buffer per message held the flood to 572k msgs/s where
   * this one gives 657k (bench:dist, means of 8 interleaved pairs). So its messages are lent.
   */
  private inflated: Uint8Array | null = null;
  private readonly inflateInto = (): Uint8Array => (this.inflated ??= new Uint8Array(MAX_MESSAGE_BYTES));
  readonly lendsMessages = true;

  constructor(
    readonly peer: string,
    private readonly conn: DataConnection,
    private readonly event?: TransportEvent,
  ) {
    this.bulkChannel = BulkDataChannel.open(
      conn,
      (why) => {
        this.finish(why);
        conn.close();
      },
      event,
    );
    if (this.bulkChannel !== null) this.bulk = this.bulkChannel;
    conn.on('close', () => this.finish('closed by peer'));
    conn.on('error', (err) => this.finish(`data channel error: ${err.message}`));
    const dc = conn.dataChannel;
    // Messages are read from the channel itself, not from PeerJS's 'data' (its raw connection
    // only passes the event's data on, through its emitter), and PeerJS's `onmessage`, which
    // only formats a debug line, is let go: less code between the event and our reply.
    dc.onmessage = null;
    dc.addEventListener('message', (e: MessageEvent) => this.received(e.data));
    dc.bufferedAmountLowThreshold = LOW_WATER_BYTES;
    dc.addEventListener('bufferedamountlow', () => this.checkDrain());
  }

  /** One data-channel message: the processes it wakes run before this returns (`event`). */
  private received(data: unknown): void {
    if (this.closed) return;
    // Type and size are checked before anything is copied (frame.ts); a refused message
    // closes the link, and the distribution logs the protocol error.
    const bytes = unframe(data, MAX_MESSAGE_BYTES, this.inflateInto);
    if (typeof bytes === 'string') {
      this.finish(`protocol error: ${bytes}`);
      this.conn.close();
      return;
    }
    emitIn(this.event, this.messages, bytes);
  }

  /**
   * Unblocks once both the channel and PeerJS's own queue (it holds messages past 8 MB and
   * retries every 50 ms) are low. PeerJS may still be holding some when the channel's event
   * comes, and what it then hands over may be too little to cross the mark again, so no further
   * event would come: look again after PeerJS's retry instead of waiting for one.
   */
  private checkDrain(): void {
    if (!this.blocked || this.closed) return;
    const dc = this.conn.dataChannel;
    if (peerJsQueued(this.conn) > 0 || dc.bufferedAmount > LOW_WATER_BYTES) {
      if (peerJsQueued(this.conn) > 0) setTimeout(() => this.checkDrain(), PEERJS_RETRY_MS);
      return;
    }
    this.blocked = false;
    this.drains.emit();
  }

  send(bytes: Uint8Array): void {
    if (this.closed) return;
    // A message goes straight to the channel, framed in the link's own buffer: RTCDataChannel.send
    // copies what it is given before it returns, so the buffer is free again at once. That saves
    // a new buffer (two for a flood's batch: the delta's room and its copy) and PeerJS's wrapper
    // per message. Only while PeerJS holds nothing of its own (what it holds must go out first)
    // and the channel is under PeerJS's own mark, past which PeerJS holds and retries.
    const dc = this.conn.dataChannel as RTCDataChannel | null; // PeerJS drops it once closed
    if (bytes.length <= MAX_MESSAGE_BYTES && dc?.readyState === 'open' && peerJsQueued(this.conn) === 0 && dc.bufferedAmount <= PEERJS_MAX_BUFFERED_BYTES) {
      if (bytes.length >= this.scratch.length) this.scratch = new Uint8Array(MAX_MESSAGE_BYTES + 1);
      try {
        dc.send(encodeFrameInto(this.scratch, bytes));
      } catch (e) {
        // As PeerJS does when a send throws (the channel is closing, or its buffer is full).
        this.finish(`data channel error: ${e instanceof Error ? e.message : String(e)}`);
        this.conn.close();
      }
      return;
    }
    // Framed (frame.ts): big batches of similar packets travel compressed.
    this.conn.send(encodeFrame(bytes));
  }
  get writable(): boolean {
    if (this.closed) return false;
    // Drained, and the event not seen yet (or lost): unblock now, the event then finds nothing to do.
    if (this.blocked && this.conn.dataChannel.bufferedAmount <= LOW_WATER_BYTES && peerJsQueued(this.conn) === 0) this.blocked = false;
    if (this.blocked) return false;
    // Once blocked, bufferedAmount is above the low mark, so a bufferedamountlow event will come.
    if (this.conn.dataChannel.bufferedAmount > HIGH_WATER_BYTES || peerJsQueued(this.conn) > 0) this.blocked = true;
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
    if (this.closed) return;
    this.finish('closed');
    this.conn.close();
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    const cbs = this.closes.take();
    this.messages.clear();
    this.drains.clear();
    this.bulkChannel?.close();
    queueMicrotask(() => {
      for (const cb of cbs) cb(reason);
    });
  }
}

/**
 * The link's second channel (transport.ts Link.bulk), for large packets: a negotiated data channel
 * on the link's RTCPeerConnection, framed and bounded as the link's own. SCTP sends the two
 * channels' messages side by side, so a small message is not queued behind megabytes here. Until
 * it is open it is not writable (the link driver keeps what waits), and opening is its first drain.
 */
class BulkDataChannel implements BulkChannel {
  private readonly messages = new Listeners<Uint8Array>();
  private readonly drains = new Listeners<void>();
  private blocked = false;
  private closed = false;
  readonly maxMessageBytes = BULK_MESSAGE_BYTES;
  /** Where a message is framed before the channel copies it (send): a 10 MB packet is 2,560 of them. */
  private readonly scratch = new Uint8Array(BULK_MESSAGE_BYTES + 1);

  /** The bulk channel of `conn`'s connection, or null where there is none to make (a fake in tests). */
  /** `fail(reason)`: the link must close (a `protocol error: ` reason when the peer sent something wrong). */
  static open(conn: DataConnection, fail: (why: string) => void, event?: TransportEvent): BulkDataChannel | null {
    const pc = (conn as Partial<{ peerConnection: RTCPeerConnection }>).peerConnection;
    if (pc === undefined || typeof pc.createDataChannel !== 'function') return null;
    try {
      return new BulkDataChannel(pc.createDataChannel('dist-bulk', { negotiated: true, id: BULK_CHANNEL_ID, ordered: true }), fail, event);
    } catch {
      return null;
    }
  }

  private constructor(
    private readonly dc: RTCDataChannel,
    fail: (why: string) => void,
    event: TransportEvent | undefined,
  ) {
    dc.binaryType = 'arraybuffer';
    dc.bufferedAmountLowThreshold = BULK_LOW_WATER_BYTES;
    dc.addEventListener('message', (e: MessageEvent) => {
      if (this.closed) return;
      const bytes = unframe(e.data, MAX_MESSAGE_BYTES);
      if (typeof bytes === 'string') return fail(`protocol error: bulk channel: ${bytes}`);
      emitIn(event, this.messages, bytes);
    });
    dc.addEventListener('open', () => this.drained());
    dc.addEventListener('bufferedamountlow', () => this.drained());
    // Packets may wait for it: a bulk channel that fails or closes alone takes the link with it
    // (nodedown, as for any lost connection) rather than strand them. Its close is the peer's
    // doing, told as the main channel's is: a closing tab closes both channels in either order,
    // and the card must say `down: node closed` whichever close comes first.
    dc.addEventListener('close', () => this.closed || fail('closed by peer'));
    dc.addEventListener('error', () => this.closed || fail('bulk channel error'));
  }

  private drained(): void {
    if (this.closed || !this.blocked || this.dc.readyState !== 'open' || this.dc.bufferedAmount > BULK_LOW_WATER_BYTES) return;
    this.blocked = false;
    this.drains.emit();
  }

  get writable(): boolean {
    if (this.closed) return false;
    if (this.dc.readyState !== 'open' || this.dc.bufferedAmount > BULK_HIGH_WATER_BYTES) this.blocked = true;
    else if (this.dc.bufferedAmount <= BULK_LOW_WATER_BYTES) this.blocked = false;
    return !this.blocked;
  }

  send(bytes: Uint8Array): void {
    if (this.closed || this.dc.readyState !== 'open') return;
    // Large packets are what travels here: they go stored, not deflated, so neither tab spends
    // its main thread compressing megabytes while small messages wait for it.
    // RTCDataChannel.send copies what it is given before it returns: one buffer serves every message.
    this.dc.send(bytes.length <= BULK_MESSAGE_BYTES ? storedFrameInto(this.scratch, bytes) : storedFrame(bytes));
  }

  onMessage(cb: (bytes: Uint8Array) => void): () => void {
    return this.messages.add(cb);
  }

  onDrain(cb: () => void): () => void {
    return this.drains.add(cb);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.messages.clear();
    this.drains.clear();
    this.dc.close();
  }
}

/**
 * The host's scope for a message event (host/node-loop.ts `NodeLoop.event`): the node runs what
 * the message woke at `end`, in the event's own task.
 */
export interface TransportEvent {
  begin(): void;
  end(): void;
}

/** Hands `bytes` to the link's listeners inside the host's event scope, when there is one. */
function emitIn(event: TransportEvent | undefined, messages: Listeners<Uint8Array>, bytes: Uint8Array): void {
  if (event === undefined) return messages.emit(bytes);
  event.begin();
  try {
    messages.emit(bytes);
  } finally {
    event.end();
  }
}

export interface PeerJsTransportOptions {
  /** Where the transport says why it refused or closed a data connection (default: the console). */
  readonly log?: (line: string) => void;
  /** The host loop's event scope (NodeLoop.event): processes a message wakes answer within its event. */
  readonly event?: TransportEvent;
}

/**
 * The Transport over an already registered Peer (see registerNode): the page registers the
 * node's name first, because a name in use is refused asynchronously by the server.
 */
export function createPeerJsTransport(peer: Peer, config?: SignallingConfig, options: PeerJsTransportOptions = {}): Transport {
  const log = options.log ?? ((line: string) => console.warn(`[peerjs] ${line}`));
  const pending = new Map<string, (result: ConnectResult) => void>();
  /** Incoming connections not yet open, per remote peer id (MAX_OPENING_PER_PEER). */
  const opening = new Map<string, number>();
  let openingTotal = 0;

  // A connect to an id nobody holds fails on the Peer, not on the DataConnection.
  peer.on('error', (err) => {
    if (err.type !== 'peer-unavailable') return;
    for (const [peerId, done] of pending) {
      if (err.message.includes(peerId)) done({ ok: false, reason: 'no such node' });
    }
  });

  return {
    maxMessageBytes: MAX_MESSAGE_BYTES,
    listen(nodeName, onIncoming): ListenResult {
      if (peer.id !== peerIdForNode(nodeName)) return { ok: false, reason: `registered as ${peer.id}, not ${nodeName}` };
      const onConnection = (conn: DataConnection) => {
        const peerName = nodeForPeerId(conn.peer);
        if (peerName === null) return conn.close();
        const fromPeer = opening.get(conn.peer) ?? 0;
        if (fromPeer >= MAX_OPENING_PER_PEER || openingTotal >= MAX_OPENING) {
          const why = fromPeer >= MAX_OPENING_PER_PEER ? `${MAX_OPENING_PER_PEER} from it are still opening` : `${MAX_OPENING} data connections are still opening`;
          log(`refused a data connection from ${peerName}: ${why}`);
          return conn.close();
        }
        opening.set(conn.peer, fromPeer + 1);
        openingTotal++;
        let counted = true;
        const uncount = () => {
          if (!counted) return;
          counted = false;
          clearTimeout(timer);
          openingTotal--;
          const left = (opening.get(conn.peer) ?? 1) - 1;
          if (left === 0) opening.delete(conn.peer);
          else opening.set(conn.peer, left);
        };
        const timer = setTimeout(() => {
          uncount();
          log(`closed a data connection from ${peerName}: not open after ${OPEN_TIMEOUT_MS / 1000} s`);
          conn.close();
        }, OPEN_TIMEOUT_MS);
        conn.on('close', uncount);
        conn.on('error', () => {
          if (!counted) return; // an open link's errors are its own (DataChannelLink)
          uncount();
          conn.close();
        });
        // One Link per data connection, however often PeerJS says it opened: Chromium has been
        // seen to fire `open` twice for one incoming connection (two `open`s 0.2 ms apart, during
        // simultaneous connects between two tabs). Two Links on one channel meant two
        // handshakes reading the same bytes: both answered the peer's send_name, and its
        // initiator read the second `sok` where challenge_ack belongs ("bad challenge_ack (3
        // bytes)") while the other acceptor logged an invalid challenge reply.
        let opened = false;
        conn.on('open', () => {
          if (opened) return;
          opened = true;
          uncount();
          onIncoming(new DataChannelLink(peerName, conn, options.event), peerName);
        });
      };
      peer.on('connection', onConnection);
      return { ok: true, stop: () => peer.off('connection', onConnection) };
    },
    connect(peerName, done) {
      const peerId = peerIdForNode(peerName);
      let settled = false;
      const settle = (result: ConnectResult) => {
        if (settled) return;
        settled = true;
        pending.delete(peerId);
        if (timer !== undefined) clearTimeout(timer);
        queueMicrotask(() => done(result));
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const open = () => {
        // PeerJS cannot offer while its signalling socket is down (it returns nothing).
        if (peer.disconnected) return settle({ ok: false, reason: 'signalling server unreachable' });
        const conn = peer.connect(peerId, { reliable: true, serialization: 'raw' });
        timer = setTimeout(() => {
          conn.close();
          settle({ ok: false, reason: 'timeout' });
        }, CONNECT_TIMEOUT_MS);
        pending.set(peerId, settle);
        // Once: a second `open` (see listen) must not wrap the channel again.
        conn.on('open', () => {
          if (!settled) settle({ ok: true, link: new DataChannelLink(peerName, conn, options.event) });
        });
        conn.on('error', (err) => settle({ ok: false, reason: err.message }));
        conn.on('close', () => settle({ ok: false, reason: 'closed' }));
      };
      // Ask the signalling server first, as a node asks EPMD: an unknown name fails at once
      // (PeerJS alone only gives up on an offer to nobody after the server's 5 s expiry).
      if (config === undefined) return open();
      void isRegistered(config, peerId).then((known) => (known === false ? settle({ ok: false, reason: 'no such node' }) : open()));
    },
  };
}

/** Is `peerId` registered with the signalling server? null when the server cannot tell. */
async function isRegistered(config: SignallingConfig, peerId: string): Promise<boolean | null> {
  const url = `${config.secure ? 'https' : 'http'}://${config.host}:${config.port}${config.path}/${config.key}/peers`;
  try {
    const res = await fetch(url);
    if (!res.ok) return null;
    const ids = (await res.json()) as unknown;
    return Array.isArray(ids) ? ids.includes(peerId) : null;
  } catch {
    return null;
  }
}
