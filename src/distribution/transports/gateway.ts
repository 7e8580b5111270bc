/**
 * The transport to real BEAM nodes through the server's gateway (server/beam-gateway.ts, `npm
 * start -- --beam`): each TCP connection of a real node is a websocket under /beam carrying its
 * bytes, a BytePipe here, and BEAM's TCP framing on top (beam/stream-link.ts), so the handshake
 * and the connection run in the tab exactly as with another tab (with BEAM's flags: the link is
 * `beam`). The cookie never leaves the tab: the server only moves bytes.
 *
 * Pure: the composition root passes `open` (a browser WebSocket to /beam with the tab's id and
 * token: ui/beam-page.ts) and `later` (a timer, to watch a socket's buffer drain).
 */
import { Listeners } from './listeners.ts';
import type { ConnectResult, Transport } from './transport.ts';
import type { BytePipe } from '../beam/byte-pipe.ts';
import { streamLink } from '../beam/stream-link.ts';

/** What the transport uses of a browser WebSocket (the `ws` package's WebSocket has the same). */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Uint8Array | string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

/** What the gateway tells the tab about its name in EPMD, for the page to show. */
export type GatewayState =
  | { readonly type: 'registered'; readonly node: string; readonly port: number }
  | { readonly type: 'refused'; readonly reason: string }
  | { readonly type: 'closed'; readonly reason: string };

export interface GatewayTransportOptions {
  /** A websocket to /beam with the tab's id and token and `query` (``, `accept=N`, `connect=NAME`). */
  readonly open: (query: string) => SocketLike;
  readonly later: (ms: number, fn: () => void) => void;
  readonly onState?: (state: GatewayState) => void;
}

/** Bytes a socket may hold unsent before its pipe says it is not writable. */
const HIGH_WATER_BYTES = 1024 * 1024;
const LOW_WATER_BYTES = 256 * 1024;
const DRAIN_POLL_MS = 20;
/** The server's frame limit is 256 KiB; a pipe writes at most this much per frame. */
const MAX_FRAME_BYTES = 64 * 1024;
const OPEN = 1;
/** The control socket is opened again after 0.5 s, doubling up to every 10 s. */
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 10_000;

export function gatewayTransport(o: GatewayTransportOptions): Transport {
  return {
    maxMessageBytes: MAX_FRAME_BYTES,
    listen(_nodeName, onIncoming) {
      let stopped = false;
      let control: SocketLike | null = null;
      let attempt = 0;
      // While the control socket is open the name is in EPMD. It closes with the server, or when
      // the tab's signalling socket dropped (the server then acts for nobody): open it again,
      // backing off, until the tab stops, or EPMD refuses the name (another node holds it).
      const open = () => {
        if (stopped) return;
        let refused = false;
        const socket = o.open('');
        control = socket;
        socket.onmessage = (ev) => {
          const m = parse(ev.data);
          if (m?.type === 'registered') {
            attempt = 0;
            o.onState?.({ type: 'registered', node: String(m.node), port: Number(m.port) });
          } else if (m?.type === 'refused') {
            refused = true;
            o.onState?.({ type: 'refused', reason: String(m.reason) });
          } else if (m?.type === 'incoming' && typeof m.conn === 'number') accept(m.conn);
        };
        socket.onclose = (ev) => {
          o.onState?.({ type: 'closed', reason: ev.reason || `code ${ev.code}` });
          if (!refused) o.later(Math.min(RECONNECT_FIRST_MS * 2 ** attempt++, RECONNECT_MAX_MS), open);
        };
        socket.onerror = () => {};
      };
      const accept = (conn: number) => {
        const socket = o.open(`accept=${conn}`);
        socket.onopen = () => {
          if (stopped) return socket.close();
          const pipe = socketPipe(socket, `gateway:${conn}`, o.later);
          onIncoming(streamLink(pipe, pipe.remote), pipe.remote);
        };
      };
      open();
      return {
        ok: true,
        stop: () => {
          stopped = true;
          control?.close();
        },
      };
    },
    connect(peerName, done) {
      const socket = o.open(`connect=${encodeURIComponent(peerName)}`);
      let settled = false;
      socket.onmessage = (ev) => {
        if (settled) return;
        settled = true;
        if (parse(ev.data)?.type !== 'connected') {
          socket.close();
          return done({ ok: false, reason: 'protocol error: the gateway did not say connected' });
        }
        done({ ok: true, link: streamLink(socketPipe(socket, peerName, o.later), peerName) } satisfies ConnectResult);
      };
      socket.onclose = (ev) => {
        if (settled) return;
        settled = true;
        done({ ok: false, reason: ev.reason || 'the gateway closed the connection' });
      };
    },
  };
}

function parse(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const m: unknown = JSON.parse(data);
    return typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * One relayed TCP connection as a BytePipe. Binary frames are its bytes; a text frame after the
 * start is not, and closes it. The socket takes over the handlers it had.
 */
export function socketPipe(socket: SocketLike, remote: string, later: (ms: number, fn: () => void) => void): BytePipe {
  socket.binaryType = 'arraybuffer';
  const data = new Listeners<Uint8Array>();
  const closes = new Listeners<string>();
  const drains = new Listeners<void>();
  let closed = false;
  let watching = false;
  const finish = (reason: string) => {
    if (closed) return;
    closed = true;
    data.clear();
    drains.clear();
    for (const cb of closes.take()) cb(reason);
  };
  socket.onmessage = (ev) => {
    if (closed) return;
    if (ev.data instanceof ArrayBuffer) return data.emit(new Uint8Array(ev.data));
    if (ArrayBuffer.isView(ev.data)) return data.emit(new Uint8Array(ev.data.buffer, ev.data.byteOffset, ev.data.byteLength));
    socket.close();
    finish('protocol error: a text frame on a byte relay');
  };
  socket.onclose = (ev) => finish(ev.reason || 'closed by peer');
  socket.onerror = () => {};
  const watchDrain = () => {
    if (watching) return;
    watching = true;
    const check = () => {
      if (closed) return;
      if (socket.bufferedAmount > LOW_WATER_BYTES) return later(DRAIN_POLL_MS, check);
      watching = false;
      drains.emit();
    };
    later(DRAIN_POLL_MS, check);
  };
  return {
    remote,
    write(bytes) {
      if (closed || socket.readyState !== OPEN) return;
      for (let at = 0; at < bytes.length; at += MAX_FRAME_BYTES) socket.send(bytes.subarray(at, Math.min(bytes.length, at + MAX_FRAME_BYTES)));
      if (socket.bufferedAmount > HIGH_WATER_BYTES) watchDrain();
    },
    onData: (cb) => data.add(cb),
    onClose: (cb) => closes.add(cb),
    get writable() {
      return !closed && socket.bufferedAmount <= HIGH_WATER_BYTES;
    },
    onDrain: (cb) => drains.add(cb),
    close() {
      if (closed) return;
      socket.close(1000);
      // The contract: onClose fires later, never inside close().
      later(0, () => finish('closed'));
    },
  };
}
