// The PeerJS transport's answer to incoming data connections that never open, with a fake
// PeerJS: each OFFER a peer sends makes the tab an RTCPeerConnection, so a hostile peer could
// otherwise make a tab hold them without bound.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataConnection, Peer } from 'peerjs';
import { createPeerJsTransport, MAX_OPENING_PER_PEER, MAX_OPENING, OPEN_TIMEOUT_MS } from './peerjs.ts';
import { peerIdForNode } from '../peer-id.ts';
import { FakeEmitter } from './peerjs-fake.ts';

/** An incoming DataConnection as PeerJS gives it: it may open later, or never. */
class FakeConnection extends FakeEmitter {
  closed = false;
  readonly dataChannel = { bufferedAmount: 0, bufferedAmountLowThreshold: 0, addEventListener: () => {} };
  constructor(readonly peer: string) {
    super();
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close'); // PeerJS fires close synchronously
  }
}

describe('the PeerJS transport: incoming data connections not yet open', () => {
  let peer: FakeEmitter & { id: string };
  let log: string[];
  let accepted: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    peer = Object.assign(new FakeEmitter(), { id: peerIdForNode('me@lab') });
    log = [];
    accepted = [];
    const transport = createPeerJsTransport(peer as unknown as Peer, undefined, { log: (l) => log.push(l) });
    const listening = transport.listen('me@lab', (_link, name) => accepted.push(name));
    expect(listening.ok).toBe(true);
  });
  afterEach(() => vi.useRealTimers());

  const offer = (node: string): FakeConnection => {
    const conn = new FakeConnection(peerIdForNode(node));
    peer.emit('connection', conn as unknown as DataConnection);
    return conn;
  };

  it(`keeps at most ${MAX_OPENING_PER_PEER} opening from one peer; the others are closed at once, with a logged reason`, () => {
    const conns = Array.from({ length: MAX_OPENING_PER_PEER + 2 }, () => offer('evil@lab'));
    expect(conns.map((c) => c.closed)).toEqual([...Array<boolean>(MAX_OPENING_PER_PEER).fill(false), true, true]);
    expect(log).toEqual(Array(2).fill(`refused a data connection from evil@lab: ${MAX_OPENING_PER_PEER} from it are still opening`));
    // Another peer is not locked out, and one that opens makes room for the next.
    expect(offer('friend@lab').closed).toBe(false);
    conns[0]?.emit('open');
    expect(accepted).toEqual(['evil@lab']);
    expect(offer('evil@lab').closed).toBe(false);
    expect(offer('evil@lab').closed).toBe(true);
  });

  it(`keeps at most ${MAX_OPENING} opening from all peers together`, () => {
    const conns = Array.from({ length: MAX_OPENING }, (_, i) => offer(`p${i % (MAX_OPENING / 2)}@lab`));
    expect(conns.some((c) => c.closed)).toBe(false);
    expect(offer('late@lab').closed).toBe(true);
    expect(log.at(-1)).toBe(`refused a data connection from late@lab: ${MAX_OPENING} data connections are still opening`);
    // One that fails (closed by its peer) frees its place.
    conns[5]?.close();
    expect(offer('late@lab').closed).toBe(false);
    // One that fails with an error is closed and frees its place too.
    conns[6]?.emit('error', new Error('negotiation failed'));
    expect(conns[6]?.closed).toBe(true);
    expect(offer('late@lab').closed).toBe(false);
    expect(offer('late@lab').closed).toBe(true);
  });

  it(`closes a connection still not open after ${OPEN_TIMEOUT_MS / 1000} s, and frees its place`, () => {
    const conns = Array.from({ length: MAX_OPENING_PER_PEER }, () => offer('slow@lab'));
    vi.advanceTimersByTime(OPEN_TIMEOUT_MS - 1);
    conns[0]?.emit('open');
    expect(conns.map((c) => c.closed)).toEqual([false, false, false, false]);
    vi.advanceTimersByTime(1);
    expect(conns.map((c) => c.closed)).toEqual([false, true, true, true]);
    expect(log).toEqual(Array(3).fill(`closed a data connection from slow@lab: not open after ${OPEN_TIMEOUT_MS / 1000} s`));
    expect(accepted).toEqual(['slow@lab']);
    expect(offer('slow@lab').closed).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('wraps a connection once, however often it fires open (Chromium fired it twice during a simultaneous connect)', () => {
    const conn = offer('two@lab');
    conn.emit('open');
    conn.emit('open');
    expect(accepted).toEqual(['two@lab']);
  });
});
