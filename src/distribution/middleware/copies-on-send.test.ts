import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../../core/ports.ts';
import { MemoryNetwork } from '../transports/memory.ts';
import type { Link, Transport } from '../transports/transport.ts';
import { createConditioner } from './conditioner.ts';
import { createHoldGate } from './hold.ts';
import { createMessageSpeed } from './message-speed.ts';
import { createNetworkConditioner } from './network-controls.ts';
import { withLinkMiddleware } from './middleware.ts';

/** The link `wrap(transport)` gives a's connect to b, over a memory network (whose links copy) or over links that say nothing. */
function linkThrough(wrap: (t: Transport) => Transport, copying: boolean): Link {
  const net = new MemoryNetwork();
  const plain = (t: Transport): Transport => (copying ? t : withLinkMiddleware(t, forward));
  const ta = wrap(plain(net.transport()));
  const tb = net.transport();
  ta.listen('a@x', () => {});
  tb.listen('b@x', () => {});
  let link: Link | null = null;
  ta.connect('b@x', (r) => (link = r.ok ? r.link : null));
  net.flush();
  if (link === null) throw new Error('no link');
  return link;
}

/** A link that forwards everything but says nothing of copying. */
function forward(l: Link): Link {
  return {
    peer: l.peer,
    send: (b) => l.send(b),
    onMessage: (cb) => l.onMessage(cb),
    onClose: (cb) => l.onClose(cb),
    get writable() {
      return l.writable;
    },
    onDrain: (cb) => l.onDrain(cb),
    close: () => l.close(),
  };
}

const clock = new SimulatedClock();
const random = new SeededRandom(1);
const layers: [string, (t: Transport) => Transport, boolean][] = [
  // Those that slice every send keep their own copy, whatever the link below does.
  ['conditioner', (t) => createConditioner({ clock, random }).wrap(t), true],
  ['hold gate', (t) => createHoldGate().wrap(t), true],
  ['the network controls a tab runs', (t) => createNetworkConditioner(clock, random).wrap(t), true],
  // It sends straight down (or slices what it delays): it copies when the link below does.
  ['message speed', (t) => createMessageSpeed(clock).wrap(t), false],
];

describe('middleware: copiesOnSend passes through (the distribution then sends a view of its batch, no copy)', () => {
  for (const [name, wrap, always] of layers) {
    it(`${name}: over a link that copies, it copies`, () => {
      expect(linkThrough(wrap, true).copiesOnSend).toBe(true);
    });
    it(`${name}: over a link that does not say so, ${always ? 'it still copies (its own slice)' : 'neither does it'}`, () => {
      expect(linkThrough(wrap, false).copiesOnSend === true).toBe(always);
    });
  }
});
