/**
 * Our own EPMD, for a machine with no Erlang installed (no `epmd` to run): the gateway registers
 * its tabs here, and a real node on another machine looks them up here, as with epmd. It speaks
 * the same protocol (the codec: src/distribution/beam/epmd-messages.ts): ALIVE2_REQ (the name is
 * held while its socket stays open), PORT_PLEASE2_REQ and NAMES_REQ, one request a connection.
 *
 * Bounded: MAX_NAMES registrations, MAX_SOCKETS sockets at once, a request must arrive within
 * REQUEST_TIMEOUT_MS, and one that is malformed or too long closes its socket.
 */
import { createServer, type Server, type Socket } from 'node:net';
import {
  decodeRequest, encodeAlive2XResp, encodeNamesResp, encodePort2Resp, EPMD_PORT, type EpmdNode,
} from '../src/distribution/beam/epmd-messages.ts';

export const MAX_NAMES = 5000;
export const MAX_SOCKETS = 6000;
export const REQUEST_TIMEOUT_MS = 5_000;

export interface EpmdListener {
  readonly port: number;
  /** The names registered now. */
  names(): string[];
  close(): Promise<void>;
}

export function startEpmdListener(port = EPMD_PORT, host?: string): Promise<EpmdListener> {
  const nodes = new Map<string, EpmdNode>();
  let sockets = 0;
  let creation = 0;
  const server: Server = createServer((socket) => {
    if (sockets >= MAX_SOCKETS) return void socket.destroy();
    sockets++;
    socket.once('close', () => sockets--);
    socket.on('error', () => socket.destroy());
    serve(socket);
  });

  function serve(socket: Socket): void {
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(), REQUEST_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const r = decodeRequest(new Uint8Array(buf));
      if (r === 'incomplete') return;
      clearTimeout(timer);
      socket.off('data', onData);
      if (typeof r === 'string') return void socket.destroy();
      const request = r.request;
      if (request.type === 'port_please2') return void socket.end(encodePort2Resp(nodes.get(request.name) ?? null));
      if (request.type === 'names') return void socket.end(encodeNamesResp(port, [...nodes.values()]));
      const node = request.node;
      if (nodes.has(node.name) || nodes.size >= MAX_NAMES) return void socket.end(encodeAlive2XResp(1, 0));
      nodes.set(node.name, node);
      creation = (creation % 0xfffffff) + 1;
      socket.write(encodeAlive2XResp(0, creation));
      // The registration lasts while its socket is open; anything more on it is not EPMD's protocol.
      socket.on('data', () => socket.destroy());
      socket.once('close', () => {
        if (nodes.get(node.name) === node) nodes.delete(node.name);
      });
    };
    socket.on('data', onData);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address !== null ? address.port : port,
        names: () => [...nodes.keys()],
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
