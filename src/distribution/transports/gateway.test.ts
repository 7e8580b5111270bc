// The tab's side of the gateway on fake websockets: the control socket is opened again after it
// closes (a server restart, a signalling drop) but not once EPMD refused the name or the tab
// stopped; an incoming connection becomes a BEAM link; a relay pipe takes binary frames only.
import { describe, expect, it } from 'vitest';
import { gatewayTransport, socketPipe, type GatewayState, type SocketLike } from './gateway.ts';

class FakeSocket implements SocketLike {
  binaryType = 'blob';
  readyState = 1;
  bufferedAmount = 0;
  sent: (Uint8Array | string)[] = [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly query: string) {}
  send(data: Uint8Array | string): void {
    this.sent.push(data);
  }
  close(): void {
    this.closed = true;
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { ms: number; fn: () => void }[] = [];
  const states: GatewayState[] = [];
  const t = gatewayTransport({
    open: (q) => {
      const s = new FakeSocket(q);
      sockets.push(s);
      return s;
    },
    later: (ms, fn) => void timers.push({ ms, fn }),
    onState: (s) => states.push(s),
  });
  return { t, sockets, timers, states, runTimers: () => timers.splice(0).forEach((x) => x.fn()) };
}

describe('the gateway transport', () => {
  it('opens the control socket again after it closes, backing off, until EPMD refuses the name', () => {
    const { t, sockets, timers, states, runTimers } = setup();
    expect(t.listen('one@vm', () => {}).ok).toBe(true);
    expect(sockets.map((s) => s.query)).toEqual(['']);
    sockets[0]?.onmessage?.({ data: '{"type":"registered","node":"one@vm","port":4000}' });
    sockets[0]?.onclose?.({ code: 1006, reason: '' });
    expect(timers.map((x) => x.ms)).toEqual([500]);
    runTimers();
    sockets[1]?.onclose?.({ code: 1006, reason: '' });
    expect(timers.map((x) => x.ms)).toEqual([1000]);
    runTimers();
    sockets[2]?.onmessage?.({ data: '{"type":"refused","reason":"the name one seems to be in use by another Erlang node"}' });
    sockets[2]?.onclose?.({ code: 1000, reason: 'refused' });
    expect(timers).toEqual([]);
    expect(states.map((s) => s.type)).toEqual(['registered', 'closed', 'closed', 'refused', 'closed']);
  });

  it('does not open it again once the tab stopped listening', () => {
    const { t, sockets, timers, runTimers } = setup();
    const r = t.listen('one@vm', () => {});
    if (r.ok) r.stop();
    expect(sockets[0]?.closed).toBe(true);
    sockets[0]?.onclose?.({ code: 1000, reason: '' });
    runTimers();
    expect(sockets).toHaveLength(1);
    expect(timers).toEqual([]);
  });

  it('takes an incoming connection on its own socket as a BEAM link', () => {
    const { t, sockets } = setup();
    const links: { beam?: boolean }[] = [];
    t.listen('one@vm', (link) => links.push(link));
    sockets[0]?.onmessage?.({ data: '{"type":"incoming","conn":3}' });
    expect(sockets[1]?.query).toBe('accept=3');
    sockets[1]?.onopen?.({});
    expect(links).toHaveLength(1);
    expect(links[0]?.beam).toBe(true);
  });

  it('connects once the gateway says connected, and fails with its reason otherwise', () => {
    const { t, sockets } = setup();
    const results: { ok: boolean; reason?: string }[] = [];
    t.connect('real@vm', (r) => results.push(r.ok ? { ok: true } : { ok: false, reason: r.reason }));
    t.connect('nobody@vm', (r) => results.push(r.ok ? { ok: true } : { ok: false, reason: r.reason }));
    expect(sockets.map((s) => s.query)).toEqual(['connect=real%40vm', 'connect=nobody%40vm']);
    sockets[0]?.onmessage?.({ data: '{"type":"connected"}' });
    sockets[1]?.onclose?.({ code: 4004, reason: 'no node nobody@vm in EPMD at vm' });
    expect(results).toEqual([{ ok: true }, { ok: false, reason: 'no node nobody@vm in EPMD at vm' }]);
  });
});

describe('a relay pipe', () => {
  it('delivers binary frames, closes on a text frame with a protocol error, and reports close() later', () => {
    const socket = new FakeSocket('');
    const later: (() => void)[] = [];
    const pipe = socketPipe(socket, 'gateway:1', (_ms, fn) => void later.push(fn));
    const got: number[] = [];
    const closes: string[] = [];
    pipe.onData((b) => got.push(...b));
    pipe.onClose((r) => closes.push(r));
    socket.onmessage?.({ data: new Uint8Array([1, 2]).buffer });
    socket.onmessage?.({ data: 'text' });
    socket.onmessage?.({ data: new Uint8Array([3]).buffer });
    expect(got).toEqual([1, 2]);
    expect(closes).toEqual(['protocol error: a text frame on a byte relay']);
    expect(socket.closed).toBe(true);

    const s2 = new FakeSocket('');
    const p2 = socketPipe(s2, 'gateway:2', (_ms, fn) => void later.push(fn));
    const c2: string[] = [];
    p2.onClose((r) => c2.push(r));
    p2.close();
    expect(c2).toEqual([]); // never inside close()
    later.splice(0).forEach((f) => f());
    expect(c2).toEqual(['closed']);
  });

  it('writes big chunks as frames of at most 64 KiB and is not writable past its high-water mark', () => {
    const socket = new FakeSocket('');
    const pipe = socketPipe(socket, 'gateway:1', () => {});
    pipe.write(new Uint8Array(150 * 1024));
    expect(socket.sent.map((f) => (f as Uint8Array).length)).toEqual([65536, 65536, 22528]);
    socket.bufferedAmount = 2 * 1024 * 1024;
    expect(pipe.writable).toBe(false);
  });
});
