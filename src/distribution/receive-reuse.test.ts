import { describe, expect, it } from 'vitest';
import { Pid, Tuple, atom } from '../core/term/types.ts';
import { PacketReader, PacketWriter } from './packet-stream.ts';
import { Connection } from './connection.ts';
import { LinkDriver, type LinkOwner, type Machine } from './link-driver.ts';
import type { Link } from './transports/transport.ts';
import type { ControlMessage } from './control.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

/** The packets the reader's last `read` completed, each as bytes of its own. */
const packetsOf = (r: PacketReader): Uint8Array[] => Array.from({ length: r.count }, (_, i) => r.packet(i));

describe('PacketReader.read: the packets in the reader’s own array', () => {
  it('reads what push reads, message after message, and release lets go of every packet', () => {
    const w = new PacketWriter(64);
    const sent = [bytes(10, 1), new Uint8Array(0), bytes(300, 2), bytes(3, 3), bytes(40, 4)];
    for (const p of sent) w.push(p);
    const reader = new PacketReader(1 << 20);
    const pushed = new PacketReader(1 << 20);
    const got: Uint8Array[] = [];
    for (const m of w.take()) {
      expect(reader.read(m)).toBeNull();
      const viaPush = pushed.push(m);
      expect(packetsOf(reader)).toEqual(viaPush.packets);
      got.push(...packetsOf(reader));
    }
    expect(got).toEqual(sent);
    // The 300-byte packet was assembled from pieces: after release no slot holds it (nor anything).
    reader.release();
    expect(reader.count).toBe(0);
    expect(reader.got.every((p) => p.length === 0)).toBe(true);
  });

  it('a bad length: the whole packets before it, then the error, and failed for good', () => {
    const r = new PacketReader(100);
    expect(r.read(Uint8Array.of(0, 0, 0, 2, 7, 8, 0, 0, 0, 101, 1))).toBe('packet of 101 bytes exceeds the limit of 100');
    expect(packetsOf(r)).toEqual([Uint8Array.of(7, 8)]);
    expect(r.read(Uint8Array.of(0, 0, 0, 0))).toBe('packet of 101 bytes exceeds the limit of 100');
    expect(r.count).toBe(0);
  });
});

const machine = { role: 'initiator', m: {} } as unknown as Machine;
const pa = new Pid(atom('a@x'), 1, 0, 1);
const pb = new Pid(atom('b@x'), 2, 0, 1);
const msg = (i: number): ControlMessage => ({ type: 'send', from: pa, to: pb, message: new Tuple([atom('n'), i]) });

/** The transport messages a peer's connection makes of `batches` (one message per batch). */
function wire(batches: number[][]): Uint8Array[] {
  const c = new Connection({ peer: atom('b@x'), flags: PLAYGROUND_FLAGS, maxMessageBytes: 1024, now: 0 });
  return batches.map((b) => {
    for (const i of b) expect(c.send(msg(i))).toBeNull();
    return c.take(0)[0] as Uint8Array;
  });
}

/** A link whose messages the test delivers, synchronously (`deliver`). */
function handLink(): Link & { deliver(b: Uint8Array): void } {
  let onMessage: (b: Uint8Array) => void = () => {};
  return {
    peer: 'b@x',
    writable: true,
    send: () => {},
    onMessage: (cb) => {
      onMessage = cb;
      return () => {};
    },
    onClose: () => () => {},
    onDrain: () => () => {},
    close: () => {},
    deliver: (b) => onMessage(b),
  };
}

const numbers = (ms: readonly ControlMessage[]) => ms.map((m) => (m.type === 'send' ? (m.message as Tuple).elements[1] : null));

describe('LinkDriver: one reused array for the messages it hands over', () => {
  it('each transport message’s messages, whole, during the owner’s call; a message from inside a delivery gets its own', () => {
    const link = handLink();
    const [first, second, third] = wire([[0, 1], [2], [3, 4, 5]]) as [Uint8Array, Uint8Array, Uint8Array];
    const seen: unknown[][] = [];
    const arrays: ControlMessage[][] = [];
    const owner: LinkOwner = {
      now: () => 0,
      handshakeEvent: () => {},
      received: (_d, ms) => {
        arrays.push(ms);
        seen.push(numbers(ms));
        // A message delivered while the first is being handed over (a transport that breaks
        // its contract, or a host that nests events): it must not land in the same array.
        if (seen.length === 1) link.deliver(second);
        seen.push(numbers(ms));
      },
      drained: () => {},
      closed: () => {},
    };
    const d = new LinkDriver(link, machine, owner, atom('b@x'));
    d.becomeUp(new Connection({ peer: atom('b@x'), flags: PLAYGROUND_FLAGS, maxMessageBytes: 1024, now: 0 }));
    link.deliver(first);
    link.deliver(third);
    // first (and, inside its call, second and its own after-look), first again after the nested one, then third.
    expect(seen).toEqual([[0, 1], [2], [2], [0, 1], [3, 4, 5], [3, 4, 5]]);
    expect(arrays[1]).not.toBe(arrays[0]);
    // The driver's array is the same each time and empty between messages.
    expect(arrays[2]).toBe(arrays[0]);
    expect(arrays[0]).toEqual([]);
  });

  it('an owner that throws leaves the array empty for the next message', () => {
    const link = handLink();
    const [first, second] = wire([[0], [1]]) as [Uint8Array, Uint8Array];
    const seen: unknown[][] = [];
    let calls = 0;
    const owner: LinkOwner = {
      now: () => 0,
      handshakeEvent: () => {},
      received: (_d, ms) => {
        seen.push(numbers(ms));
        if (calls++ === 0) throw new Error('owner failed');
      },
      drained: () => {},
      closed: () => {},
    };
    const d = new LinkDriver(link, machine, owner, atom('b@x'));
    d.becomeUp(new Connection({ peer: atom('b@x'), flags: PLAYGROUND_FLAGS, maxMessageBytes: 1024, now: 0 }));
    expect(() => link.deliver(first)).toThrow('owner failed');
    link.deliver(second);
    expect(seen).toEqual([[0], [1]]);
  });
});
