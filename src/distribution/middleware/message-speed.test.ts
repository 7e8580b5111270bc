import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../core/ports.ts';
import { Pid, atom, type Term } from '../../core/term/types.ts';
import { encodePacket, decodePacket, TICK } from '../etf/packet.ts';
import { encodeControl, decodeControl } from '../control.ts';
import { PACKET_LENGTH_BYTES } from '../packet-stream.ts';
import { MemoryNetwork } from '../transports/memory.ts';
import type { Link } from '../transports/transport.ts';
import { createMessageSpeed, isClassPacket } from './message-speed.ts';

const A = atom('a@x');
const B = atom('b@x');
const shell = new Pid(A, 110, 0, 1); // a process of the class
const sink = new Pid(B, 120, 0, 1);
const tracer = new Pid(A, 70, 0, 1); // the tool's own
const viewer = new Pid(B, 71, 0, 1);

function framed(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(PACKET_LENGTH_BYTES + body.length);
  new DataView(out.buffer).setUint32(0, body.length);
  out.set(body, PACKET_LENGTH_BYTES);
  return out;
}
function send(from: Pid, to: Pid, message: Term): Uint8Array {
  const e = encodeControl({ type: 'send', from, to, message }, 0n);
  return framed(encodePacket(e.control, e.payload));
}
const tick = () => framed(TICK);
/** What a received packet says, for the assertions: the message, or 'tick'. */
function said(b: Uint8Array): string {
  if (b.length === PACKET_LENGTH_BYTES) return 'tick';
  const r = decodePacket(b.subarray(PACKET_LENGTH_BYTES));
  if (!r.ok || r.packet.kind !== 'message') return '?';
  const m = decodeControl(r.packet.control, r.packet.payload);
  return typeof m !== 'string' && m.type === 'send' ? (m.message as { name: string }).name : '?';
}

function setup() {
  const clock = new SimulatedClock();
  const net = new MemoryNetwork();
  const speed = createMessageSpeed(clock);
  const ta = speed.wrap(net.transport());
  const tb = net.transport();
  const got: string[] = [];
  let closed = false;
  let a: Link | null = null;
  ta.listen('a@x', () => {});
  tb.listen('b@x', (l) => {
    l.onMessage((m) => got.push(said(m)));
    l.onClose(() => (closed = true));
  });
  ta.connect('b@x', (r) => {
    if (r.ok) a = r.link;
  });
  net.flush();
  const run = () => {
    for (let i = 0; i < 5; i++) {
      net.flush();
      speed.runDue();
    }
  };
  return { clock, speed, a: a as unknown as Link, got, run, closed: () => closed };
}

describe('message speed on the links', () => {
  it('tells the class\'s packets from the tool\'s and from ticks', () => {
    expect(isClassPacket(send(shell, sink, atom('hello')))).toBe(true);
    expect(isClassPacket(send(tracer, sink, atom('hello')))).toBe(true);
    expect(isClassPacket(send(tracer, viewer, atom('trace_batch')))).toBe(false);
    expect(isClassPacket(tick())).toBe(false);
    expect(isClassPacket(Uint8Array.of(0, 3, 110, 0, 0))).toBe(false); // a handshake message
  });

  it('delays the class\'s messages this node sends; ticks and the tool\'s messages pass at once', () => {
    const s = setup();
    s.speed.set(2000);
    s.a.send(send(shell, sink, atom('one')));
    s.a.send(tick());
    s.a.send(send(tracer, viewer, atom('batch')));
    s.clock.advance(500);
    s.speed.set(0); // a later message of the pair may not overtake
    s.a.send(send(shell, sink, atom('two')));
    s.run();
    expect(s.got).toEqual(['tick', 'batch']);
    expect(s.speed.nextDueAt()).toBe(2000);
    s.clock.set(1999);
    s.run();
    expect(s.got).toEqual(['tick', 'batch']);
    s.clock.set(2000);
    s.run();
    expect(s.got).toEqual(['tick', 'batch', 'one', 'two']);
  });

  it('a close waits behind what is held', () => {
    const s = setup();
    s.speed.set(1000);
    for (const m of ['m1', 'm2', 'm3']) s.a.send(send(shell, sink, atom(m)));
    s.a.close();
    s.run();
    expect([s.got, s.closed()]).toEqual([[], false]);
    s.clock.advance(999);
    s.run();
    expect(s.closed()).toBe(false);
    s.clock.advance(1);
    s.run();
    expect(s.closed()).toBe(true);
  });

  it('only the peers it is told: another link goes at the real network\'s pace', () => {
    const s = setup();
    s.speed.set(1000, (peer) => peer !== 'b@x');
    s.a.send(send(shell, sink, atom('now')));
    s.run();
    expect(s.got).toEqual(['now']);
  });
});
