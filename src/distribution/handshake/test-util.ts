/** Test helpers: fixed "random" challenges, hex, and a pump that runs two machines against each other. */
import type { Random } from '../../core/ports.ts';
import type { Acceptor } from './acceptor.ts';
import type { HandshakeEvent, HandshakeOutput } from './events.ts';
import type { Initiator } from './initiator.ts';

/** A Random whose next() yields exactly these unsigned 32-bit challenges. */
export function challenges(...values: number[]): Random {
  let i = 0;
  return { next: () => (values[i++ % values.length] as number) / 0x100000000 };
}

export function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function unhex(s: string): Uint8Array {
  const t = s.replace(/\s+/g, '');
  return Uint8Array.from({ length: t.length / 2 }, (_, i) => parseInt(t.slice(2 * i, 2 * i + 2), 16));
}

export function ascii(s: string): string {
  return hex(new TextEncoder().encode(s));
}

export interface Run {
  initiatorEvents: HandshakeEvent[];
  acceptorEvents: HandshakeEvent[];
  /** Every byte each side sent, in order. */
  sentByInitiator: Uint8Array[];
  sentByAcceptor: Uint8Array[];
}

/** Delivers messages both ways until neither side has anything to send; a failure closes the link. */
export function pump(i: Initiator, a: Acceptor): Run {
  const run: Run = { initiatorEvents: [], acceptorEvents: [], sentByInitiator: [], sentByAcceptor: [] };
  const toA: Uint8Array[] = [];
  const toI: Uint8Array[] = [];
  const takeI = (o: HandshakeOutput): void => {
    run.initiatorEvents.push(...o.events);
    run.sentByInitiator.push(...o.send);
    toA.push(...o.send);
  };
  const takeA = (o: HandshakeOutput): void => {
    run.acceptorEvents.push(...o.events);
    run.sentByAcceptor.push(...o.send);
    toI.push(...o.send);
  };
  takeI(i.start());
  for (let guard = 0; guard < 100 && (toA.length > 0 || toI.length > 0); guard++) {
    const m = toA.shift();
    if (m) takeA(a.receive(m));
    const n = toI.shift();
    if (n) takeI(i.receive(n));
  }
  // A side that failed closes the connection; the other side sees that.
  if (a.state === 'failed') takeI(i.closed());
  if (i.state === 'failed') takeA(a.closed());
  return run;
}

export function outcome(events: HandshakeEvent[]): HandshakeEvent | undefined {
  return events.find((e) => e.type === 'up' || e.type === 'failed');
}
