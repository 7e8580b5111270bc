/**
 * The reference of the signalling server's load test: EPMD, BEAM's own name server, under the same
 * load. `clients` TCP connections register a node name at once (ALIVE2_REQ until ALIVE2_RESP; a
 * name stays registered while its connection is open), each lists the names (NAMES_REQ, read to
 * the end), then each leaves (closes its connection; latency until the close completes). EPMD
 * starts with the first BEAM node on the machine; the load runs only when one answers on 4369.
 */
import { connect, type Socket } from 'node:net';
import type { LoadResult } from './signalling-load.ts';

const EPMD_PORT = Number(process.env.ERL_EPMD_PORT ?? 4369);
const ALIVE2_REQ = 120;
const ALIVE2_RESP = 121;
const ALIVE2_X_RESP = 118;
const NAMES_REQ = 110;

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port: EPMD_PORT }, () => resolve(s));
    s.once('error', reject);
  });
}

/** A request: 2-byte length, then the body. */
function request(body: Buffer): Buffer {
  const len = Buffer.alloc(2);
  len.writeUInt16BE(body.length);
  return Buffer.concat([len, body]);
}

async function register(name: string, port: number): Promise<{ socket: Socket; ms: number }> {
  const t0 = performance.now();
  const socket = await open();
  const n = Buffer.from(name);
  const body = Buffer.alloc(13 + n.length);
  body.writeUInt8(ALIVE2_REQ, 0);
  body.writeUInt16BE(port, 1);
  body.writeUInt8(77, 3); // a normal Erlang node
  body.writeUInt8(0, 4); // TCP/IPv4
  body.writeUInt16BE(6, 5); // highest distribution version
  body.writeUInt16BE(5, 7); // lowest
  body.writeUInt16BE(n.length, 9);
  n.copy(body, 11);
  body.writeUInt16BE(0, 11 + n.length); // no extra
  socket.write(request(body));
  const answer = await new Promise<Buffer>((resolve, reject) => {
    socket.once('data', resolve);
    socket.once('error', reject);
  });
  if ((answer[0] !== ALIVE2_RESP && answer[0] !== ALIVE2_X_RESP) || answer[1] !== 0) throw new Error(`epmd refused ${name}: ${answer.toString('hex')}`);
  return { socket, ms: performance.now() - t0 };
}

async function names(): Promise<{ names: string[]; ms: number }> {
  const t0 = performance.now();
  const socket = await open();
  socket.write(request(Buffer.of(NAMES_REQ)));
  const chunks: Buffer[] = [];
  socket.on('data', (d: Buffer) => chunks.push(d));
  await new Promise<void>((resolve, reject) => {
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
  // 4 bytes of EPMD's port, then `name <n> at port <p>` lines.
  const text = Buffer.concat(chunks).subarray(4).toString();
  return { names: [...text.matchAll(/^name (\S+) at port/gm)].map((m) => m[1] as string), ms: performance.now() - t0 };
}

function leave(socket: Socket): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    socket.once('close', () => resolve(performance.now() - t0));
    socket.end();
  });
}

/** The load of signalling-load.ts on EPMD; null when no EPMD answers. */
export async function epmdLoad(clients: number): Promise<LoadResult | null> {
  try {
    await names();
  } catch {
    return null;
  }
  const prefix = `classload${process.pid}_`;
  const ours = Array.from({ length: clients }, (_, i) => `${prefix}${i}`);
  const joined = await Promise.all(ours.map((n, i) => register(n, 20_000 + i)));
  const lists = await Promise.all(ours.map(() => names()));
  for (const l of lists) if (l.names.filter((n) => n.startsWith(prefix)).length < clients) throw new Error('an EPMD list missed some of the names');
  const leaves = await Promise.all(joined.map((j) => leave(j.socket)));
  const t0 = performance.now();
  while ((await names()).names.some((n) => n.startsWith(prefix))) {
    if (performance.now() - t0 > 5_000) throw new Error('EPMD still lists names 5 s after they left');
    await new Promise((r) => setTimeout(r, 10));
  }
  return { register: joined.map((j) => j.ms), list: lists.map((l) => l.ms), leave: leaves, emptyAfterMs: performance.now() - t0 };
}
