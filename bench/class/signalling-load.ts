/**
 * The signalling server alone against many simulated clients (`npm run bench:class`'s second
 * part): `clients` websockets register their node's PeerJS id at once (latency: socket opened to
 * the server's OPEN), each then lists the registered ids over the HTTP API (as `:net_adm.names`
 * does; latency of the GET, and every list must hold them all), then each leaves (latency: close
 * sent to the server's close frame back), and the list must be empty again within 5 s.
 */
import WebSocket from 'ws';
import { peerIdForNode } from '../../src/distribution/peer-id.ts';

export interface LoadResult {
  readonly register: readonly number[];
  readonly list: readonly number[];
  readonly leave: readonly number[];
  /** From the last close frame back until the list no longer held any of them. */
  readonly emptyAfterMs: number;
}

/** The q-th quantile (0..1) of `xs`, nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}

function register(base: string, id: string): Promise<{ ws: WebSocket; ms: number }> {
  const t0 = performance.now();
  const ws = new WebSocket(`ws://${base}/peerjs/peerjs?key=peerjs&id=${id}&token=t${id.length}&version=1.5.5`);
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => {
      const m = JSON.parse(String(data)) as { type?: string };
      if (m.type === 'OPEN') resolve({ ws, ms: performance.now() - t0 });
      else reject(new Error(`${id}: ${String(data)}`));
    });
    ws.once('error', reject);
  });
}

async function list(base: string): Promise<{ ids: string[]; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`http://${base}/peerjs/peerjs/peers`);
  const ids = (await res.json()) as string[];
  return { ids, ms: performance.now() - t0 };
}

function leave(ws: WebSocket): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    ws.once('close', () => resolve(performance.now() - t0));
    ws.close(1000);
  });
}

export async function signallingLoad(base: string, clients: number): Promise<LoadResult> {
  const ids = Array.from({ length: clients }, (_, i) => peerIdForNode(`student${i}@load`));
  const joined = await Promise.all(ids.map((id) => register(base, id)));
  const lists = await Promise.all(ids.map(() => list(base)));
  for (const l of lists) if (l.ids.length < clients) throw new Error(`a list held ${l.ids.length} of ${clients} ids`);
  const leaves = await Promise.all(joined.map((j) => leave(j.ws)));
  // A clean close frees the name once the server has the socket's end (signalling.ts), a moment
  // after the close frame came back: nobody of the load may be left after that.
  const t0 = performance.now();
  let left = clients;
  while (left > 0) {
    left = (await list(base)).ids.filter((id) => ids.includes(id)).length;
    if (left > 0 && performance.now() - t0 > 5_000) throw new Error(`${left} ids still registered 5 s after every client left`);
    if (left > 0) await new Promise((r) => setTimeout(r, 10));
  }
  return { register: joined.map((j) => j.ms), list: lists.map((l) => l.ms), leave: leaves, emptyAfterMs: performance.now() - t0 };
}
