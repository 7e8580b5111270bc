/**
 * A Transport over real TCP distribution, as `erl -sname` runs it (inet_tcp_dist): `listen` opens
 * a TCP port and registers the node's alive name with the machine's EPMD (the registration lives
 * while its socket does); `connect` asks EPMD on the peer's host for its port (PORT_PLEASE2) and
 * opens a TCP connection there. Every link is a stream link (BEAM's framing, `beam` set), so the
 * handshake offers BEAM's flags and digests are MD5: real nodes, and tabs behind a gateway, are
 * all just EPMD-registered nodes to it.
 */
import { connect as tcpConnect, createServer, type Server, type Socket } from 'node:net';
import type { ConnectResult, ListenResult, Transport, Link } from '../../distribution/transports/transport.ts';
import { streamLink } from '../../distribution/beam/stream-link.ts';
import { epmdLookup, epmdNames, epmdRegister, type EpmdTarget, type Registration } from './epmd-client.ts';
import { tcpPipe } from './tcp-pipe.ts';
import { startEpmd } from './start-epmd.ts';

export interface TcpTransportOptions {
  /** Address the distribution port listens on (default: every interface, as erl). */
  readonly listenHost?: string;
  /** EPMD's port (default 4369, or ERL_EPMD_PORT as erl reads it). */
  readonly epmdPort?: number;
  /** Told once the node is registered (its creation), or why it could not be. */
  readonly onRegistered?: (r: { ok: true; creation: number; port: number } | { ok: false; reason: string }) => void;
  /** How long a TCP connect may take before it fails (default 7 s, net_setuptime). */
  readonly connectTimeoutMs?: number;
}

export interface TcpTransport extends Transport {
  /** The nodes registered with EPMD on this machine, as `name@host` (`:net_adm.names`). */
  names(host: string, done: (r: { ok: string[] } | { error: string }) => void): void;
  /** Stops listening and unregisters. */
  stop(): void;
}

/** The alive and host parts of `name@host`. */
function split(node: string): [string, string] {
  const at = node.indexOf('@');
  return [node.slice(0, at), node.slice(at + 1)];
}

/**
 * Registers `name`; when no EPMD runs, starts one as erl does (`epmd -daemon`, on the port
 * ERL_EPMD_PORT names) and tries again while it comes up.
 */
async function registerStartingEpmd(name: string, port: number, epmd: EpmdTarget): ReturnType<typeof epmdRegister> {
  let r = await epmdRegister(name, port, epmd);
  if (r.ok || !r.reason.includes('connection refused')) return r;
  if (!(await startEpmd(epmd.port))) return r;
  for (let i = 0; i < 50 && !r.ok && r.reason.includes('connection refused'); i++) {
    await new Promise((res) => setTimeout(res, 100));
    r = await epmdRegister(name, port, epmd);
  }
  return r;
}

export function tcpTransport(o: TcpTransportOptions = {}): TcpTransport {
  const epmdPort = o.epmdPort ?? (Number(process.env.ERL_EPMD_PORT) || null);
  const epmd: EpmdTarget = epmdPort !== null ? { port: epmdPort } : {};
  let server: Server | null = null;
  let registration: Registration | null = null;
  let stopped = false;

  const listen = (nodeName: string, onIncoming: (link: Link, peerName: string) => void): ListenResult => {
    if (server !== null) return { ok: false, reason: 'already listening' };
    const s = createServer({ noDelay: true }, (socket: Socket) => {
      const pipe = tcpPipe(socket);
      // A TCP listener does not know the caller: its send_name says (the address counts failures).
      onIncoming(streamLink(pipe, pipe.remote), pipe.remote);
    });
    server = s;
    s.on('error', (e) => o.onRegistered?.({ ok: false, reason: `register/listen error: ${e.message}` }));
    s.listen(0, o.listenHost, () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      // As erl_epmd: always a normal node ('M'); a hidden node says so in its handshake flags.
      void registerStartingEpmd(split(nodeName)[0], port, epmd).then((r) => {
        if (!r.ok) return o.onRegistered?.({ ok: false, reason: 'nameTaken' in r ? `the name ${nodeName} seems to be in use by another Erlang node` : `register/listen error: ${r.reason}` });
        if (stopped) return r.value.close();
        registration = r.value;
        o.onRegistered?.({ ok: true, creation: r.value.creation, port });
      });
    });
    return { ok: true, stop: () => stop() };
  };

  const connect = (peerName: string, done: (r: ConnectResult) => void): void => {
    const [alive, host] = split(peerName);
    if (alive === '' || host === '') return void setImmediate(() => done({ ok: false, reason: `bad node name ${peerName}` }));
    void epmdLookup(alive, { ...epmd, host }).then((r) => {
      if (!r.ok) return done({ ok: false, reason: `EPMD on ${host}: ${r.reason}` });
      if (r.value === null) return done({ ok: false, reason: `no node ${alive} registered with EPMD on ${host}` });
      const socket = tcpConnect(r.value.port, host);
      const timer = setTimeout(() => socket.destroy(new Error('connect timeout')), o.connectTimeoutMs ?? 7_000);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        done({ ok: true, link: streamLink(tcpPipe(socket), peerName) });
      });
      socket.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        done({ ok: false, reason: e.code ?? e.message });
      });
    });
  };

  const stop = (): void => {
    stopped = true;
    registration?.close();
    registration = null;
    server?.close();
  };

  return {
    maxMessageBytes: 64 * 1024,
    listen,
    connect,
    stop,
    names(host, done) {
      void epmdNames({ ...epmd, host }).then((r) => done(r.ok ? { ok: r.value.map((n) => `${n.name}@${host}`) } : { error: r.reason }));
    },
  };
}
