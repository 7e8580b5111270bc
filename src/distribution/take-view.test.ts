import { describe, expect, it } from 'vitest';
import { Pid, Tuple, atom } from '../core/term/types.ts';
import { PacketReader, PacketWriter } from './packet-stream.ts';
import { Connection } from './connection.ts';
import { LinkDriver, type LinkOwner, type Machine } from './link-driver.ts';
import type { Link } from './transports/transport.ts';
import type { ControlMessage } from './control.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('PacketWriter.takeView: the batch as a view of its own buffer', () => {
  it('gives exactly the bytes take gives, then nothing', () => {
    const a = new PacketWriter(1024);
    const b = new PacketWriter(1024);
    for (const w of [a, b]) for (const p of [bytes(10, 1), new Uint8Array(0), bytes(100, 2)]) w.push(p);
    const view = a.takeView();
    expect(view).toEqual(b.take()[0]);
    expect(a.pendingBytes).toBe(0);
    expect(a.takeView()).toBeNull();
  });

  it('is null when the batch is more than one message, and take still has all of it', () => {
    const w = new PacketWriter(16);
    w.push(bytes(5, 1));
    w.push(bytes(40, 2));
    expect(w.takeView()).toBeNull();
    const packets = w.take().flatMap((m) => new PacketReader(1 << 20).push(m).packets);
    expect(w.pendingBytes).toBe(0);
    expect(packets.length).toBe(1); // the second arrives in pieces: a fresh reader per message sees only the first
  });

  it('reuses the buffer: the next batch writes over the view', () => {
    const w = new PacketWriter(1024);
    w.push(bytes(8, 1));
    const first = w.takeView() as Uint8Array;
    const copy = first.slice();
    w.push(bytes(8, 2));
    expect(first).not.toEqual(copy);
    expect(w.takeView()).toEqual(first);
  });
});

/** A link that keeps what it is sent, copying it or not as it says. */
function keepingLink(copiesOnSend: boolean): Link & { readonly kept: Uint8Array[] } {
  const kept: Uint8Array[] = [];
  return {
    peer: 'b@x',
    kept,
    copiesOnSend,
    writable: true,
    send: (b) => void kept.push(copiesOnSend ? b.slice() : b),
    onMessage: () => () => {},
    onClose: () => () => {},
    onDrain: () => () => {},
    close: () => {},
  };
}

const owner: LinkOwner = { now: () => 0, handshakeEvent: () => {}, received: () => {}, drained: () => {}, closed: () => {} };
const machine = { role: 'initiator', m: {} } as unknown as Machine;
const pa = new Pid(atom('a@x'), 1, 0, 1);
const pb = new Pid(atom('b@x'), 2, 0, 1);

/** Sends `n` messages, one flush each, over a driver on `link`; returns what the peer reads from what the link kept. */
function sendEach(link: Link & { readonly kept: Uint8Array[] }, n: number): ControlMessage[] {
  const d = new LinkDriver(link, machine, owner, atom('b@x'));
  d.becomeUp(new Connection({ peer: atom('b@x'), flags: PLAYGROUND_FLAGS, maxMessageBytes: 1024, now: 0 }));
  for (let i = 0; i < n; i++) {
    expect(d.send({ type: 'send', from: pa, to: pb, message: new Tuple([atom('n'), i]) })).toBeNull();
    d.flush();
  }
  const peer = new Connection({ peer: atom('a@x'), flags: PLAYGROUND_FLAGS, maxMessageBytes: 1024, now: 0 });
  return link.kept.flatMap((m) => peer.receive(m, 0).messages);
}

describe('LinkDriver: a view only for a link that copies', () => {
  it('a copying link gets every message intact', () => {
    const got = sendEach(keepingLink(true), 5);
    expect(got.map((m) => (m.type === 'send' ? (m.message as Tuple).elements[1] : null))).toEqual([0, 1, 2, 3, 4]);
  });

  it('a link that keeps the bytes it is given gets buffers of their own', () => {
    const link = keepingLink(false);
    const got = sendEach(link, 5);
    expect(got.map((m) => (m.type === 'send' ? (m.message as Tuple).elements[1] : null))).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(link.kept.map((m) => m.buffer)).size).toBe(5);
  });
});
