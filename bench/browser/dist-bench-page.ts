/**
 * The in-page half of `npm run bench:dist` (bench/browser/dist-run.ts opens this page in two
 * browser contexts and calls `window.distBench` with page.evaluate). Each page runs:
 * - a playground node (createPlaygroundNode, goAlive over the PeerJS transport, driven by the
 *   same host loop as the app's tabs), with a sink and an echo process (dist-bodies.ts);
 * - a bare PeerJS peer (`reliable: true, serialization: 'raw'`) that echoes or counts, the
 *   baseline: the same data channels, without distribution.
 * Timings are taken in the page that starts the exchange, with performance.now().
 */
import { Peer, type DataConnection } from 'peerjs';
import { Binary, Pid, atom } from '../../src/core/term/types.ts';
import { createPlaygroundNode, type PlaygroundNode } from '../../src/playground/node.ts';
import { createPeerJsTransport, peerOptions, registerNode } from '../../src/distribution/transports/peerjs.ts';
import { browserScheduling, startNodeLoop } from '../../src/host/node-loop.ts';
import { realEffects } from '../../src/host/real-effects.ts';
import { nodeOptionsFor } from '../../src/playground/start-options.ts';
import { peerIdForNode } from '../../src/distribution/peer-id.ts';
import { signallingConfigFor } from '../../src/ui/signalling-config.ts';
import { bulkBody, echoBody, pingerBody, senderBody, sinkBody } from './dist-bodies.ts';
import { elixirPingRtt, genServerRtt, startEchoServer, startElixirPing } from './dist-genserver.ts';

/** A pid on another page, as plain numbers (page.evaluate passes JSON). */
export interface RemotePid {
  readonly node: string;
  readonly id: number;
  readonly serial: number;
  readonly creation: number;
}

export interface Started {
  readonly node: string;
  readonly rawId: string;
  readonly sink: RemotePid;
  readonly echo: RemotePid;
}

// Raw protocol: first byte 1 = echo this, 2 = count this, 3 = end of a count (answered 4).
const ECHO = 1;
const COUNT = 2;
const END = 3;
const COUNTED = 4;

const config = signallingConfigFor(location);
let pnode: PlaygroundNode | null = null;
let wake: () => void = () => {};
let raw: DataConnection | null = null;
let rawOut: Peer | null = null;
/** The host part of this page's node name, and how many outgoing raw peers it made (their ids must be new). */
let rawHost = 'bench';
let rawOuts = 0;
let rawWaiter: ((b: Uint8Array) => void) | null = null;

const asBytes = (d: unknown): Uint8Array => (d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d as Uint8Array));

/** The answering side of the raw baseline. */
function serveRaw(conn: DataConnection): void {
  let counted = 0;
  conn.on('data', (d) => {
    const b = asBytes(d);
    if (b[0] === ECHO) {
      traceRecv();
      const t0 = nowMs();
      conn.send(b);
      handled(t0);
    } else if (b[0] === COUNT) counted++;
    else if (b[0] === END) {
      const out = new Uint8Array(5);
      out[0] = COUNTED;
      new DataView(out.buffer).setUint32(1, counted);
      counted = 0;
      conn.send(out);
    }
  });
}

function registered(peer: Peer): Promise<void> {
  return new Promise((resolve, reject) => {
    peer.on('open', () => resolve());
    peer.on('error', (e) => reject(new Error(`${e.type}: ${e.message}`)));
  });
}

function node(): PlaygroundNode {
  if (pnode === null) throw new Error('start() first');
  return pnode;
}

/** Per-trip timings: `lap()` at each answer records the µs since the previous one (or the start). */
function laps(): { readonly times: number[]; readonly lap: () => void } {
  const times: number[] = [];
  let last = performance.now();
  return {
    times,
    lap() {
      const now = performance.now();
      times.push((now - last) * 1000);
      last = now;
    },
  };
}

const remote = (p: RemotePid) => new Pid(atom(p.node), p.id, p.serial, p.creation);
const local = (p: Pid): RemotePid => ({ node: p.node.name, id: p.id, serial: p.serial, creation: p.creation });

/** Main-thread time in the transport's message handler (BENCH_COUNT_HOST reads and resets it). */
const handlerTime = { ms: 0, events: 0 };
const nowMs = performance.now.bind(performance);
/** BENCH_COUNT_HOST's trace: when set, each message handler's start time (dist-profile.ts). */
const traceRecv = (): void => {
  const t = (window as unknown as { traceTimes?: { recv: number[] } }).traceTimes;
  if (t !== undefined) t.recv.push(performance.timeOrigin + nowMs());
};
(window as unknown as { handlerTime: typeof handlerTime }).handlerTime = handlerTime;
/** A message handler that began at `t0` has ended. */
const handled = (t0: number): void => {
  handlerTime.ms += nowMs() - t0;
  handlerTime.events++;
};

const api = {
  /** `maxMessageBytes` overrides the transport's data-channel message size (an experiment; default: the app's). */
  async start(sname: string, host: string, cookie: string, maxMessageBytes?: number): Promise<Started> {
    const name = `${sname}@${host}`;
    // The signalling server takes only node names' ids: the raw baseline's peers get names of their own.
    const rawId = peerIdForNode(`raw-${sname}@${host}`);
    rawHost = host;
    const rawPeer = new Peer(rawId, peerOptions(config));
    rawPeer.on('connection', serveRaw);
    await registered(rawPeer);
    // This page is a composition root: the node starts as `iex --sname <sname> --cookie <cookie>` would.
    const effects = realEffects();
    const n = createPlaygroundNode(nodeOptionsFor({ node: name, cookie, hidden: false }, effects, () => {}));
    const loop = startNodeLoop(n.node, effects.clock, browserScheduling());
    wake = loop.wake;
    await new Promise<void>((resolve, reject) => {
      const peer = registerNode(name, config, (s) => {
        if (s.type === 'registered') {
          // The message handler's time on this tab's main thread (begin to end: decoding, the
          // woken processes' slice and the sends it flushes), summed for BENCH_COUNT_HOST.
          let t0 = 0;
          const event = {
            begin() {
              traceRecv();
              t0 = nowMs();
              loop.event.begin();
            },
            end() {
              loop.event.end();
              handled(t0);
            },
          };
          const transport = createPeerJsTransport(peer, config, { event });
          n.goAlive({
            transport: maxMessageBytes === undefined ? transport : { ...transport, maxMessageBytes },
            cookie,
            clock: effects.clock,
            random: effects.random,
            wake: loop.wake,
          });
          resolve();
        } else if (s.type === 'refused') reject(new Error(s.reason));
      });
    });
    pnode = n;
    const sink = n.node.spawn(sinkBody());
    const echo = n.node.spawn(echoBody());
    loop.wake();
    return { node: name, rawId, sink: local(sink), echo: local(echo) };
  },

  /** A bare PeerJS connect to `rawId` until its data channel is open, in ms; keeps it for the next tests. */
  async rawConnect(rawId: string): Promise<number> {
    raw?.close();
    rawOut?.destroy();
    const peer = new Peer(peerIdForNode(`rawout-${++rawOuts}@${rawHost}`), peerOptions(config));
    rawOut = peer;
    await registered(peer);
    const t0 = performance.now();
    const conn = peer.connect(rawId, { reliable: true, serialization: 'raw' });
    await new Promise<void>((resolve, reject) => {
      conn.on('open', () => resolve());
      conn.on('error', (e) => reject(e));
    });
    const ms = performance.now() - t0;
    conn.on('data', (d) => rawWaiter?.(asBytes(d)));
    raw = conn;
    return ms;
  },

  /** Raw round trips of a `size`-byte message (16 unless told): each one's time in µs. */
  async rawRtt(n: number, size = 16): Promise<number[]> {
    const conn = raw;
    if (conn === null) throw new Error('rawConnect() first');
    const msg = new Uint8Array(size);
    msg[0] = ECHO;
    const trips = laps();
    await new Promise<void>((resolve) => {
      let i = 0;
      rawWaiter = () => {
        traceRecv();
        trips.lap();
        if (++i >= n) return resolve();
        const t0 = nowMs();
        conn.send(msg);
        handled(t0);
      };
      conn.send(msg);
    });
    return trips.times;
  },

  /** n unbatched messages of `size` bytes (16: small ones), one data-channel message each; msgs/s counted at the receiver. */
  async rawRate(n: number, size = 16): Promise<number> {
    const conn = raw;
    if (conn === null) throw new Error('rawConnect() first');
    const msg = new Uint8Array(size);
    msg[0] = COUNT;
    const t0 = performance.now();
    const counted = await new Promise<number>((resolve) => {
      rawWaiter = (b) => resolve(new DataView(b.buffer, b.byteOffset).getUint32(1));
      for (let i = 0; i < n; i++) conn.send(msg);
      conn.send(Uint8Array.of(END));
    });
    if (counted !== n) throw new Error(`raw receiver counted ${counted} of ${n}`);
    return n / ((performance.now() - t0) / 1000);
  },

  /** `Node.connect` (the distribution's connect: EPMD lookup, data channel, handshake) in ms. */
  async distConnect(peer: string): Promise<number> {
    const dist = node().dist;
    if (dist === null) throw new Error('not alive');
    const t0 = performance.now();
    const ok = await new Promise<boolean>((resolve) => {
      const now = dist.connect(atom(peer), resolve);
      if (now.type === 'done') resolve(now.result);
      if (now.type === 'ignored') resolve(false);
      wake();
    });
    if (!ok) throw new Error(`Node.connect(${peer}) failed`);
    return performance.now() - t0;
  },

  distDisconnect(peer: string): boolean {
    const r = node().dist?.disconnect(atom(peer));
    wake();
    return r === true;
  },

  distPeers(): string[] {
    return node().dist?.list().map((a) => a.name) ?? [];
  },

  /** Remote round trips between a process here and `echo` there: each one's time in µs. */
  distRtt(echo: RemotePid, n: number): Promise<number[]> {
    return new Promise((resolve) => {
      const trips = laps();
      node().node.spawn(pingerBody(remote(echo), n, () => resolve(trips.times), trips.lap));
      wake();
    });
  },

  /** Starts the Elixir echo `:bench_ping` on this tab (dist-genserver.ts). */
  startElixirPing(): Promise<void> {
    return startElixirPing(node(), wake);
  },

  /** Mean Elixir ping-pong round trip to `:bench_ping` on `serverNode` (with a call's monitor and demonitor around each when `monitor`), in µs. */
  elixirPingRtt(serverNode: string, n: number, monitor: boolean): Promise<number> {
    return elixirPingRtt(node(), serverNode, n, monitor, wake);
  },

  /** Starts the GenServer `:bench_echo` on this tab (dist-genserver.ts). */
  startGenServer(): Promise<void> {
    return startEchoServer(node(), wake);
  },

  /** Mean `GenServer.call` round trip from a process here to `:bench_echo` on `serverNode`, in µs. */
  genServerRtt(serverNode: string, n: number): Promise<number> {
    return genServerRtt(node(), serverNode, n, wake);
  },

  /**
   * Small round trips to `echo` while one `bytes`-byte binary crosses the same link to `sink`:
   * the times in µs of the trips that started before the binary had arrived, and how long it took.
   */
  rttUnderBulk(sink: RemotePid, echo: RemotePid, bytes: number, trips: number): Promise<{ trips: number[]; bulkMs: number }> {
    // The payload is made before the clock starts: filling 10 MB is the page's work, not the link's
    // (it was most of the first trip once the send stopped copying the binary).
    const payload = Binary.fromBytes(new Uint8Array(bytes).fill(7));
    return new Promise((resolve) => {
      const t0 = performance.now();
      let bulkAt: number | null = null;
      let pingsDone = false;
      const ends: number[] = [];
      const finish = () => {
        if (bulkAt === null || !pingsDone) return;
        const during: number[] = [];
        for (let i = 0, start = t0; i < ends.length && start < bulkAt; start = ends[i] as number, i++) during.push(((ends[i] as number) - start) * 1000);
        resolve({ trips: during, bulkMs: bulkAt - t0 });
      };
      node().node.spawn(bulkBody(remote(sink), payload, () => {
        bulkAt = performance.now();
        finish();
      }));
      node().node.spawn(pingerBody(remote(echo), trips, () => {
        pingsDone = true;
        finish();
      }, () => ends.push(performance.now())));
      wake();
    });
  },

  /** One process here sends n `{:msg, i}` to `sink` there; msgs/s counted at the sink. */
  async distRate(sink: RemotePid, n: number): Promise<{ rate: number; packetsOut: number; messagesOut: number; bytesOut: number }> {
    const d = node().dist;
    const before = d?.stats(atom(sink.node));
    const p0 = before?.packetsOut ?? 0;
    const m0 = before?.messagesOut ?? 0;
    const b0 = before?.bytesOut ?? 0;
    const t0 = performance.now();
    const counted = await new Promise<number>((resolve) => {
      node().node.spawn(senderBody(remote(sink), n, resolve));
      wake();
    });
    const rate = n / ((performance.now() - t0) / 1000);
    if (counted !== n) throw new Error(`sink counted ${counted} of ${n}`);
    const after = d?.stats(atom(sink.node));
    return { rate, packetsOut: (after?.packetsOut ?? 0) - p0, messagesOut: (after?.messagesOut ?? 0) - m0, bytesOut: (after?.bytesOut ?? 0) - b0 };
  },
};

export type DistBenchApi = typeof api;
(window as unknown as { distBench: DistBenchApi }).distBench = api;
