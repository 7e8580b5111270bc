/**
 * The signalling server: it plays EPMD for the playground. Node names map to PeerJS ids
 * (peer-id.ts); a tab registers its id over a websocket and the server relays the WebRTC offers,
 * answers and candidates between tabs. It speaks the protocol of the `peer` package's PeerServer
 * (the PeerJS client in the page needs nothing else), written here so that every hostile input
 * has an answer: README, "The signalling server", lists the limits.
 *
 * It attaches to an existing HTTP server (Vite's in dev, our own in `npm start`) but takes only
 * the websocket upgrades under its own path: Vite's HMR websocket shares the same server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { DEFAULT_MAX_PER_ADDRESS, MAX_CONNECTIONS, NameTable } from './names.ts';
import { parseClientMessage } from './signalling-messages.ts';
import { rateLimitedLog, SIGNALLING_LOG_LIMIT } from './log-limit.ts';
import { addressOf, isLoopback } from './addresses.ts';
import { SocketCount } from './socket-count.ts';
import { RelayBudget } from './relay-budget.ts';
import { OpenedConnections } from './opened-connections.ts';

export const SIGNALLING_PATH = '/peerjs';
export const SIGNALLING_KEY = 'peerjs';
/** PeerJS puts its websocket and its HTTP API under `<path>/<key>`. */
const API_PATH = `${SIGNALLING_PATH}/${SIGNALLING_KEY}`;
/** The largest frame a tab sends is an SDP offer of a few KiB; bigger frames close the socket. */
export const MAX_FRAME_BYTES = 64 * 1024;
/** Relayed messages wait in a socket's buffer up to this much; past it the reader is not reading. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** A socket that has not answered a ping since the last one is dead (a laptop closed, a cable out). */
const PING_MS = 30_000;
/** Close codes of a socket its tab closed on purpose (it left or reloaded): its name is free at once. */
const CLEAN_CLOSE = new Set([1000, 1001, 1005]);
/**
 * Websockets of one address, registered or not, as a multiple of its registration limit: room for
 * reconnects and refusals in flight, but a client that opens refused sockets without end (each
 * waits 30 s for its close) meets a 429 before the websocket handshake.
 */
export const SOCKETS_PER_REGISTRATION = 2;
/**
 * Messages an address may have relayed, per registration it may hold: a second's worth, and ten
 * saved up (a tab meeting thirty nodes at once sends about 150). The default 50 registrations make
 * 50 a second and bursts of 500; loopback, unlimited by default, is unlimited here too.
 */
const RELAYS_PER_SECOND_PER_REGISTRATION = 1;
const RELAY_BURST_PER_REGISTRATION = 10;

/** Socket errors that only say the other end went away (closed tab, lost network): not logged. */
const ORDINARY_RESETS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT']);

export interface SignallingOptions {
  readonly log?: (line: string) => void;
  /** Allow pages of other origins to use the HTTP API and the websocket (`--cors`). */
  readonly cors?: boolean;
  /** Connections one remote address may hold (`--max-per-address`). */
  readonly maxPerAddress?: number;
  /**
   * Limit loopback addresses too. Off by default: every tab on the server's own machine (a
   * teacher trying things, the e2e suite) shares one address, and whoever runs code there can
   * stop the server anyway.
   */
  readonly limitLoopback?: boolean;
  readonly graceMs?: number;
  readonly now?: () => number;
}

export interface Signalling {
  /** Connect/Express-style middleware serving the HTTP API under /peerjs. */
  middleware: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  /** Takes an upgrade if it is ours; returns false and leaves the socket alone otherwise. */
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
  /** Ids of the peers connected right now. */
  peers: () => string[];
  /** Is `id` registered right now with `token` (its owner's secret)? The gateway asks before it acts for a tab. */
  holds: (id: string, token: string) => boolean;
  /** Calls `listener` with the id of each tab whose socket closes. Returns an unsubscribe function. */
  onLeft: (listener: (id: string) => void) => () => void;
  /** Closes every socket and stops the timers. */
  close: () => void;
}

export function createSignalling(options: SignallingOptions = {}): Signalling {
  const now = options.now ?? Date.now;
  const log = rateLimitedLog(options.log ?? (() => {}), { ...SIGNALLING_LOG_LIMIT, now });
  const maxPerAddress = options.maxPerAddress ?? DEFAULT_MAX_PER_ADDRESS;
  const limitFor = (address: string) => perAddressLimit(address, maxPerAddress, options.limitLoopback ?? false);
  const names = new NameTable<WebSocket>({ now, limitFor, ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}) });
  const sockets = new SocketCount();
  const budget = new RelayBudget(now);
  const opened = new OpenedConnections();
  const leftListeners = new Set<(id: string) => void>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  wss.on('error', (err) => log(`websocket server error: ${err.message}`));

  const alive = new WeakSet<WebSocket>();
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) ws.terminate();
      else {
        alive.delete(ws);
        ws.ping();
      }
    }
    names.expire();
    budget.prune();
  }, PING_MS);
  pinger.unref();

  function onConnection(ws: WebSocket, address: string, query: URLSearchParams): void {
    ws.on('error', (err) => log(`socket error from ${address}: ${err.message}`));
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    const [key, id, token] = [query.get('key'), query.get('id'), query.get('token')];
    if (!key || !id || !token) return refuse(ws, 'ERROR', 'No id, token, or key supplied to websocket server');
    if (key !== SIGNALLING_KEY) return refuse(ws, 'ERROR', 'Invalid key provided');
    const admission = names.register(ws, id, token, address);
    if (!admission.ok) {
      log(`refused ${id.slice(0, 80)} from ${address}: ${admission.reason}`);
      return refuse(ws, admission.type, admission.reason);
    }
    admission.replaced?.close(4001, 'replaced by a reconnect');
    log(`peer connected: ${id}`);
    send(ws, { type: 'OPEN' });
    ws.on('close', (code) => {
      names.closed(ws, id, CLEAN_CLOSE.has(code));
      opened.forget(id);
      log(`peer disconnected: ${id}`);
      if (names.connection(id) === undefined) for (const l of leftListeners) l(id);
    });
    ws.on('message', (data, isBinary) => {
      // Nothing a client sends may throw out of here: it would stop the whole server.
      try {
        relay(id, address, ws, parseClientMessage(data, isBinary));
      } catch (err) {
        log(`closed ${id} (${address}): its message raised ${String(err).slice(0, 200)}`);
        ws.terminate();
      }
    });
  }

  function relay(id: string, address: string, from: WebSocket, message: ReturnType<typeof parseClientMessage>): void {
    if ('error' in message) return log(`ignored a message from ${id} (${address}): ${message.error}`);
    if (message.type === 'HEARTBEAT') return;
    const limit = limitFor(address);
    if (!budget.take(address, RELAYS_PER_SECOND_PER_REGISTRATION * limit, RELAY_BURST_PER_REGISTRATION * limit)) {
      return log(`dropped ${article(message.type)} ${message.type} from ${id} (${address}): over its address's relay budget`);
    }
    const to = names.connection(message.dst);
    // Nobody holds that id: the sender's PeerJS reports the peer unavailable.
    if (to === undefined) {
      if (message.type !== 'LEAVE') deliver(from, id, { type: 'EXPIRE', src: message.dst, dst: id });
      return;
    }
    const connectionId = (message.payload as { connectionId?: unknown } | null | undefined)?.connectionId;
    if (message.type === 'OFFER') opened.offered(id, message.dst, connectionId);
    else if (message.type !== 'LEAVE' && !opened.opened(id, message.dst, connectionId)) {
      return log(`dropped ${article(message.type)} ${message.type} from ${id} (${address}): no OFFER between ${id} and ${message.dst} opened its connection`);
    }
    deliver(to, message.dst, { type: message.type, src: id, dst: message.dst, payload: message.payload });
  }

  /**
   * Sends unless `to` has MAX_BUFFERED_BYTES waiting: then it is not reading, and queueing more
   * (relays to it, or the EXPIREs its own messages ask for) would grow the server without bound.
   */
  function deliver(to: WebSocket, toId: string, message: { type: string; src: string; dst: string; payload?: unknown }): void {
    if (to.bufferedAmount > MAX_BUFFERED_BYTES) {
      return log(`dropped ${article(message.type)} ${message.type} for ${toId}: its socket is not reading`);
    }
    send(to, message);
  }

  return {
    middleware(req, res, next) {
      const url = requestUrl(req);
      if (url === null || (url.pathname !== SIGNALLING_PATH && !url.pathname.startsWith(`${SIGNALLING_PATH}/`))) return next();
      if (options.cors) {
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Access-Control-Allow-Methods', 'GET');
      }
      if (req.method === 'GET' && url.pathname === `${API_PATH}/peers`) {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(names.ids()));
      } else {
        res.statusCode = req.method === 'OPTIONS' && options.cors ? 204 : 404;
        res.end();
      }
    },
    handleUpgrade(req, socket, head) {
      const url = requestUrl(req);
      if (url?.pathname !== API_PATH) return false;
      // Until ws takes the socket over. A reset (a tab closed, a page load cut short) is the
      // network's ordinary business, not something for the teacher to read; ws handles the
      // socket's errors itself once the handshake is done, so this listener leaves then.
      const onSocketError = (err: NodeJS.ErrnoException) => {
        if (!ORDINARY_RESETS.has(err.code ?? '')) log(`socket error before the handshake: ${err.message}`);
      };
      socket.on('error', onSocketError);
      if (!options.cors && !sameOrigin(req)) {
        log(`refused a websocket from the page of another origin: ${String(req.headers.origin).slice(0, 80)}`);
        answerAndClose(socket, '403 Forbidden');
        return true;
      }
      const address = addressOf(req.socket);
      if (!sockets.admit(socket, address, SOCKETS_PER_REGISTRATION * limitFor(address))) {
        log(`refused a websocket from ${address}: too many open sockets`);
        answerAndClose(socket, '429 Too Many Requests');
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        socket.off('error', onSocketError);
        onConnection(ws, address, url.searchParams);
      });
      return true;
    },
    peers: () => names.ids(),
    holds: (id, token) => names.holds(id, token),
    onLeft(listener) {
      leftListeners.add(listener);
      return () => leftListeners.delete(listener);
    },
    close() {
      clearInterval(pinger);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function send(ws: WebSocket, message: object): void {
  ws.send(JSON.stringify(message));
}

function refuse(ws: WebSocket, type: 'ERROR' | 'ID-TAKEN', msg: string): void {
  send(ws, { type, payload: { msg } });
  ws.close();
}

/**
 * Answers an upgrade with an HTTP status and closes the socket once the answer is out (as ws
 * does): end() alone leaves it half-open for as long as the client does not close its side.
 */
export function answerAndClose(socket: Duplex, status: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function article(messageType: string): string {
  return /^[AEIOU]/.test(messageType) ? 'an' : 'a';
}

/** Browsers send Origin with every websocket; a page served by us has our own host in it. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser page: no page of another site behind it
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * How many registrations `address` (a limitKey) may hold: `maxPerAddress`, except loopback, which
 * is exempt unless `limitLoopback` (SignallingOptions says why).
 */
export function perAddressLimit(address: string, maxPerAddress: number, limitLoopback: boolean): number {
  return !limitLoopback && isLoopback(address) ? MAX_CONNECTIONS : maxPerAddress;
}

/** The request's URL, or null for a target that is none (`//[`): a throw here would stop the server. */
export function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://signalling');
  } catch {
    return null;
  }
}
