/**
 * The one transport contract suite: every transport keeps it. It runs in Node against the memory
 * network (memory.test.ts), every link middleware (middleware/contract.test.ts) and the
 * terminal's network (cli/terminal-network.test.ts), and against PeerJS in the browser
 * (e2e/transport.spec.ts), so it uses nothing of Vitest beyond describe/it/expect, which the
 * caller passes in, and only `toBe`/`toEqual`/`toBeGreaterThan` matchers. Waiting is the world's business:
 * the memory world flushes its queue, a browser world polls until a deadline.
 */
import { keepable, type Link, type Transport } from './transport.ts';

export interface ContractWorld {
  /** A transport for a new node (not yet listening). */
  transport(name: string): Transport | Promise<Transport>;
  /** Optional: resolves once `name`'s listen is visible to others (signalling registration). */
  listening?(name: string): Promise<void>;
  /** Lets events happen until `cond()` holds; rejects (mentioning `what`) if it never does. */
  waitFor(cond: () => boolean, what: string): Promise<void>;
  /** Lets whatever is pending happen (for "nothing else arrives" checks). */
  settle(): Promise<void>;
  dispose?(): void | Promise<void>;
}

interface Matchers {
  toBe(v: unknown): void;
  toEqual(v: unknown): void;
  toBeGreaterThan(n: number): void;
}
export interface ContractApi {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => Promise<void>, timeout?: number): void;
  expect(v: unknown): Matchers;
}

interface Side {
  link: Link | null;
  got: Uint8Array[];
  closed: string[];
}

function watch(side: Side, link: Link): void {
  side.link = link;
  // A lent message is good only during the callback (Link.lendsMessages): what the test keeps, it copies.
  link.onMessage((b) => side.got.push(keepable(link, b)));
  link.onClose((r) => side.closed.push(r));
}

/** Two listening nodes `a` and `b`, with `a` connected to `b`. */
async function pair(world: ContractWorld, prefix: string): Promise<{ a: Side; b: Side; ta: Transport }> {
  const an = `${prefix}a@contract`;
  const bn = `${prefix}b@contract`;
  const ta = await world.transport(an);
  const tb = await world.transport(bn);
  const a: Side = { link: null, got: [], closed: [] };
  const b: Side = { link: null, got: [], closed: [] };
  const la = ta.listen(an, () => {});
  const lb = tb.listen(bn, (link) => watch(b, link));
  if (!la.ok || !lb.ok) throw new Error('listen failed');
  await world.listening?.(an);
  await world.listening?.(bn);
  let failed: string | null = null;
  ta.connect(bn, (r) => {
    if (r.ok) watch(a, r.link);
    else failed = r.reason;
  });
  await world.waitFor(() => (a.link !== null && b.link !== null) || failed !== null, 'connect');
  if (failed !== null) throw new Error(`connect failed: ${failed}`);
  return { a, b, ta };
}

function pattern(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function same(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

let counter = 0;

export function registerTransportContract(name: string, makeWorld: () => ContractWorld | Promise<ContractWorld>, api: ContractApi): void {
  const { describe, it, expect } = api;
  const withWorld = (fn: (w: ContractWorld, prefix: string) => Promise<void>) => async () => {
    const w = await makeWorld();
    try {
      await fn(w, `t${++counter}`);
    } finally {
      await w.dispose?.();
    }
  };

  describe(`transport contract: ${name}`, () => {
    it('connects, and the acceptor learns who called', withWorld(async (w, p) => {
      const { a, b } = await pair(w, p);
      expect(a.link?.peer).toBe(`${p}b@contract`);
      expect(b.link?.peer).toBe(`${p}a@contract`);
    }));

    it('a link that copies on send delivers what it was given, though the sender writes over it at once', withWorld(async (w, p) => {
      const { a, b } = await pair(w, p);
      const link = a.link as Link;
      // Only a link that says so (transport.ts copiesOnSend): the distribution then sends views of one buffer.
      const n = link.copiesOnSend === true ? 20 : 0;
      const buf = new Uint8Array(64);
      const sent: Uint8Array[] = [];
      for (let i = 0; i < n; i++) {
        const m = pattern(16 + i, i + 1);
        buf.set(m);
        link.send(buf.subarray(0, m.length));
        buf.fill(0xee);
        sent.push(m);
      }
      await w.waitFor(() => b.got.length >= n, `${n} messages`);
      expect(b.got.length).toBe(n);
      expect(b.got.every((g, i) => same(g, sent[i] as Uint8Array))).toBe(true);
    }));

    it('delivers messages in order, both ways, never synchronously', withWorld(async (w, p) => {
      const { a, b } = await pair(w, p);
      for (let i = 0; i < 100; i++) a.link?.send(Uint8Array.of(i));
      for (let i = 0; i < 50; i++) b.link?.send(Uint8Array.of(200, i));
      expect(b.got.length).toBe(0); // not delivered inside send
      await w.waitFor(() => b.got.length === 100 && a.got.length === 50, 'ordered delivery');
      expect(b.got.map((m) => m[0])).toEqual(Array.from({ length: 100 }, (_, i) => i));
      expect(a.got.map((m) => m[1])).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }));

    it('keeps binary content intact, up to maxMessageBytes, and copies it', withWorld(async (w, p) => {
      const { a, b, ta } = await pair(w, p);
      const sizes = [0, 1, 255, 256, 4096, ta.maxMessageBytes];
      const sent = sizes.map((n, i) => pattern(n, i + 7));
      for (const m of sent) a.link?.send(m);
      const first = sent[1] as Uint8Array;
      const before = first[0];
      first[0] = (before ?? 0) ^ 0xff; // mutating after send must not change what arrives
      await w.waitFor(() => b.got.length === sizes.length, 'binary delivery');
      first[0] = before ?? 0;
      expect(b.got.map((m) => m.length)).toEqual(sizes);
      expect(b.got.every((m, i) => same(m, sent[i] as Uint8Array))).toBe(true);
    }));

    it('pushes back past its high-water mark, drains later (never inside send), and loses nothing', withWorld(async (w, p) => {
      const { a, b, ta } = await pair(w, p);
      const link = a.link as Link;
      expect(link.writable).toBe(true);
      let drains = 0;
      link.onDrain(() => drains++);
      const size = ta.maxMessageBytes;
      let sent = 0;
      while (link.writable && sent < 1000) link.send(pattern(size, ++sent));
      expect(link.writable).toBe(false); // every transport has a finite high-water mark
      expect(drains).toBe(0);
      link.send(pattern(size, ++sent)); // still accepted while not writable
      await w.waitFor(() => b.got.length === sent, 'delivery of everything sent past the mark');
      await w.waitFor(() => drains === 1, 'the drain');
      expect(link.writable).toBe(true);
      expect(b.got.every((m, i) => same(m, pattern(size, i + 1)))).toBe(true);
    }));

    it('big batches of similar packets and small messages, interleaved, arrive intact and in order', withWorld(async (w, p) => {
      // What a flood sends: a transport may compress these (PeerJS does, frame.ts), and must give
      // back the same bytes, in the same order as the small messages between them.
      const { a, b, ta } = await pair(w, p);
      const batch = (seed: number) => {
        const out = new Uint8Array(ta.maxMessageBytes);
        for (let i = 0; i < out.length; i++) out[i] = i % 73 === 60 ? (seed + i) & 0xff : (i % 73) + 40;
        return out;
      };
      const sent: Uint8Array[] = [];
      for (let k = 0; k < 20; k++) sent.push(batch(k), Uint8Array.of(k), pattern(2000, k + 1));
      for (const m of sent) a.link?.send(m);
      await w.waitFor(() => b.got.length === sent.length, 'batches');
      expect(b.got.every((m, i) => same(m, sent[i] as Uint8Array))).toBe(true);
    }));

    it('a close is seen once by both sides, and nothing is delivered after it', withWorld(async (w, p) => {
      const { a, b } = await pair(w, p);
      a.link?.close();
      expect(a.closed.length).toBe(0); // not inside close()
      await w.waitFor(() => a.closed.length === 1 && b.closed.length === 1, 'close on both sides');
      b.link?.send(Uint8Array.of(1));
      a.link?.close();
      await w.settle();
      expect(a.got.length).toBe(0);
      expect(a.closed.length).toBe(1);
      expect(b.closed.length).toBe(1);
    }));

    it('connecting to a name nobody listens on fails', withWorld(async (w, p) => {
      const me = `${p}lonely@contract`;
      const t = await w.transport(me);
      const l = t.listen(me, () => {});
      expect(l.ok).toBe(true);
      await w.listening?.(me);
      let result: string | null = null;
      t.connect(`${p}nobody@contract`, (r) => (result = r.ok ? 'ok' : 'failed'));
      expect(result).toBe(null);
      await w.waitFor(() => result !== null, 'connect failure');
      expect(result).toBe('failed');
    }));

    it('refuses a second node under a name in use, in Erlang\'s words', withWorld(async (w, p) => {
      const n = `${p}dup@contract`;
      const t1 = await w.transport(n);
      expect(t1.listen(n, () => {}).ok).toBe(true);
      await w.listening?.(n);
      // A transport may refuse when the second node registers (PeerJS: the signalling server
      // says so) or when it listens (memory): either way the words are Erlang's.
      let reason = '';
      try {
        const t2 = await w.transport(n);
        const second = t2.listen(n, () => {});
        reason = second.ok ? 'accepted' : second.reason;
      } catch (e) {
        reason = String(e);
      }
      expect(reason.includes(`the name ${n} seems to be in use by another Erlang node`)).toBe(true);
    }));
  });
}

/** A large message split by the caller into maxMessageBytes pieces: used by connection tests too. */
export { pattern as contractPattern };
