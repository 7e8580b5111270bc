/**
 * The gateway to real BEAM nodes (`npm start -- --beam`): every tab on this machine's host name
 * is registered with EPMD at a TCP port of its own; a real node connecting there has its bytes
 * relayed (beam-relay.ts) over a websocket under /beam to that tab, which runs the handshake and
 * the connection itself (the cookie never reaches the server). A tab's `Node.connect :"real@vm"`
 * is the same the other way: the server looks the name up (PORT_PLEASE2) and opens the TCP
 * connection.
 *
 * The websockets under /beam, each with the tab's signalling id and token (only the tab that
 * owns a name may act for it, authenticated as the signalling server does):
 *   /beam?id=I&token=T             the tab's control socket: while it is open the name is in EPMD.
 *                                  Server → tab (JSON text): {"type":"registered","node","port"},
 *                                  {"type":"refused","reason"}, {"type":"incoming","conn":N}
 *   /beam?id=I&token=T&accept=N    the bytes of incoming connection N (binary frames both ways)
 *   /beam?id=I&token=T&connect=X   a connection to node X: {"type":"connected"} once the TCP
 *                                  connection is up, then binary frames; refused: closed with
 *                                  code 4004 and the reason
 * Bounded per tab: MAX_CONNECTIONS_PER_TAB relayed or waiting, MAX_PENDING_PER_TAB incoming
 * connections waiting for the tab's websocket (each for ACCEPT_TIMEOUT_MS), and per connection
 * HIGH_WATER_BYTES buffered each way (beam-relay.ts).
 */
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { nodeForPeerId } from '../src/distribution/peer-id.ts';
import { relay } from './beam-relay.ts';
import type { EpmdAccess, EpmdRegistration } from './beam-epmd-access.ts';
import { answerAndClose, requestUrl, sameOrigin } from './signalling.ts';
import { rateLimitedLog, SIGNALLING_LOG_LIMIT } from './log-limit.ts';

export const BEAM_PATH = '/beam';
export const MAX_CONNECTIONS_PER_TAB = 16;
export const MAX_PENDING_PER_TAB = 4;
export const ACCEPT_TIMEOUT_MS = 10_000;
/** The relay's frames: the tab sends at most 64 KiB at a time; anything far bigger is not a tab. */
const MAX_FRAME_BYTES = 256 * 1024;
/** An EPMD alive name is at most 255 bytes (erl_epmd). */
const MAX_ALIVE_BYTES = 255;
/** A lookup or TCP connect that takes longer than this fails (a host that drops packets). */
const CONNECT_TIMEOUT_MS = 10_000;
/** Close codes the tab reads: 4003 not the name's owner, 4004 no such node, 4029 over a limit, 4009 name refused. */
export const CLOSE = { notOwner: 4003, noNode: 4004, name: 4009, limit: 4029 } as const;

export interface GatewayOptions {
  /** The `--host` address: the tabs' TCP ports listen there only. */
  readonly listenHost: string;
  /** Host parts served: a tab `one@vm` is registered when `vm` is one of them (beam-host.ts). */
  readonly hostNames: readonly string[];
  readonly epmd: EpmdAccess;
  /** Does `token` own signalling id `id` right now (Signalling.holds)? */
  readonly holds: (id: string, token: string) => boolean;
  readonly cors?: boolean;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

export interface BeamGateway {
  /** Takes an upgrade under /beam; returns false and leaves the socket alone otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** The tab with signalling id `id` left: its name leaves EPMD. */
  tabLeft(id: string): void;
  /** Node names registered with EPMD right now. */
  registered(): string[];
  close(): void;
}

interface Tab {
  readonly id: string;
  readonly node: string;
  readonly control: WebSocket;
  readonly pending: Map<number, Socket>;
  nextConn: number;
  server: Server | null;
  registration: EpmdRegistration | null;
  gone: boolean;
}

export function createBeamGateway(options: GatewayOptions): BeamGateway {
  const log = rateLimitedLog(options.log ?? (() => {}), { ...SIGNALLING_LOG_LIMIT, now: options.now ?? Date.now });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  wss.on('error', (err) => log(`beam websocket server error: ${err.message}`));
  const tabs = new Map<string, Tab>();
  /** Connections per tab id, outgoing included (a tab may have connections while it has no control socket). */
  const counts = new Map<string, number>();

  const count = (id: string, by: number) => {
    const n = (counts.get(id) ?? 0) + by;
    if (n <= 0) counts.delete(id);
    else counts.set(id, n);
  };
  const full = (id: string) => (counts.get(id) ?? 0) >= MAX_CONNECTIONS_PER_TAB;

  function servesHost(node: string): boolean {
    const host = node.slice(node.indexOf('@') + 1);
    return options.hostNames.includes(host);
  }

  function leave(tab: Tab, why: string): void {
    if (tab.gone) return;
    tab.gone = true;
    if (tabs.get(tab.id) === tab) tabs.delete(tab.id);
    tab.registration?.close();
    tab.server?.close();
    for (const socket of tab.pending.values()) socket.destroy();
    tab.pending.clear();
    if (tab.control.readyState === tab.control.OPEN) tab.control.close(1000, why);
    log(`${tab.node} left EPMD (${why})`);
  }

  async function register(tab: Tab): Promise<void> {
    const alive = tab.node.slice(0, tab.node.indexOf('@'));
    const server = createServer((socket) => incoming(tab, socket));
    tab.server = server;
    server.on('error', (err) => log(`${tab.node}'s port: ${err.message}`));
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, options.listenHost, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
    const registration = await options.epmd.register(alive, port);
    if (tab.gone) return registration.close();
    tab.registration = registration;
    registration.onLost(() => leave(tab, 'EPMD went away'));
    sendJson(tab.control, { type: 'registered', node: tab.node, port });
    log(`${tab.node} registered with EPMD at port ${port}`);
  }

  function incoming(tab: Tab, socket: Socket): void {
    socket.pause();
    socket.on('error', () => socket.destroy());
    if (tab.gone || full(tab.id) || tab.pending.size >= MAX_PENDING_PER_TAB) {
      log(`refused a TCP connection to ${tab.node} from ${socket.remoteAddress ?? '?'}: over its limit`);
      return void socket.destroy();
    }
    const conn = ++tab.nextConn;
    tab.pending.set(conn, socket);
    count(tab.id, 1);
    const timer = setTimeout(() => socket.destroy(), ACCEPT_TIMEOUT_MS);
    socket.once('close', () => {
      clearTimeout(timer);
      // Still pending: its tab never came for it.
      if (tab.pending.delete(conn)) count(tab.id, -1);
    });
    sendJson(tab.control, { type: 'incoming', conn });
  }

  function onControl(ws: WebSocket, id: string, node: string): void {
    const previous = tabs.get(id);
    if (previous) leave(previous, 'replaced by a new control socket');
    const tab: Tab = { id, node, control: ws, pending: new Map(), nextConn: 0, server: null, registration: null, gone: false };
    tabs.set(id, tab);
    ws.on('message', () => leave(tab, 'the tab sent on its control socket'));
    ws.on('close', () => leave(tab, 'its control socket closed'));
    ws.on('error', () => leave(tab, 'its control socket failed'));
    register(tab).catch((err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      log(`could not register ${node} with EPMD: ${reason}`);
      sendJson(ws, { type: 'refused', reason });
      leave(tab, 'refused');
    });
  }

  function onAccept(ws: WebSocket, id: string, conn: number): void {
    const tab = tabs.get(id);
    const socket = tab?.pending.get(conn);
    if (!tab || !socket) return ws.close(CLOSE.noNode, 'no such incoming connection');
    tab.pending.delete(conn);
    void relay(ws, socket).done.then(() => count(id, -1));
  }

  function onConnect(ws: WebSocket, id: string, target: string): void {
    const at = target.indexOf('@');
    const [alive, host] = [target.slice(0, at), target.slice(at + 1)];
    if (at <= 0 || host === '' || Buffer.byteLength(alive) > MAX_ALIVE_BYTES) return ws.close(CLOSE.noNode, 'not a node name');
    if (full(id)) return ws.close(CLOSE.limit, 'too many connections for this tab');
    count(id, 1);
    ws.pause();
    let socket: Socket | null = null;
    let abandoned = false;
    const fail = (reason: string) => {
      if (abandoned) return;
      abandoned = true;
      socket?.destroy();
      count(id, -1);
      ws.resume(); // to read the tab's answer to the close
      if (ws.readyState === ws.OPEN) ws.close(CLOSE.noNode, reason.slice(0, 120));
    };
    ws.once('close', () => fail('the tab gave up'));
    const timer = setTimeout(() => fail(`${target} did not answer`), CONNECT_TIMEOUT_MS);
    options.epmd
      .lookup(host, alive)
      .then((port) => {
        if (abandoned) return;
        if (port === null) return fail(`no node ${target} in EPMD at ${host}`);
        const s = tcpConnect({ host, port });
        socket = s;
        s.once('error', (err) => fail(`${target}: ${err.message}`));
        s.once('connect', () => {
          clearTimeout(timer);
          if (abandoned) return void s.destroy();
          abandoned = true; // from here on the relay owns both ends
          s.removeAllListeners('error');
          sendJson(ws, { type: 'connected' });
          void relay(ws, s).done.then(() => count(id, -1));
          ws.resume();
        });
      })
      .catch((err: unknown) => fail(`EPMD at ${host}: ${err instanceof Error ? err.message : String(err)}`));
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = requestUrl(req);
      if (url?.pathname !== BEAM_PATH) return false;
      socket.on('error', () => socket.destroy());
      if (!options.cors && !sameOrigin(req)) {
        answerAndClose(socket, '403 Forbidden');
        return true;
      }
      const q = url.searchParams;
      const [id, token] = [q.get('id') ?? '', q.get('token') ?? ''];
      const node = nodeForPeerId(id);
      if (node === null || !options.holds(id, token)) {
        log(`refused a /beam websocket for ${id.slice(0, 80)}: not the tab that holds that name`);
        answerAndClose(socket, '403 Forbidden');
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const accept = q.get('accept');
        const target = q.get('connect');
        if (accept !== null) return onAccept(ws, id, Number(accept));
        if (target !== null) return onConnect(ws, id, target);
        if (!servesHost(node)) return ws.close(CLOSE.name, `${node} is not on this machine's host name (${options.hostNames.join(', ')})`);
        onControl(ws, id, node);
      });
      return true;
    },
    tabLeft(id) {
      const tab = tabs.get(id);
      if (tab) leave(tab, 'it left');
    },
    registered: () => [...tabs.values()].filter((t) => t.registration !== null).map((t) => t.node),
    close() {
      for (const tab of [...tabs.values()]) leave(tab, 'the server stops');
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function sendJson(ws: WebSocket, message: object): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
