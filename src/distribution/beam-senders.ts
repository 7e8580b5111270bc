/**
 * The senders of messages that arrive from a real BEAM node, told as `message:in` events (see
 * DistEvent): the node runs no tracer, so the canvas's BEAM card learns from this tab's own
 * traffic which of its processes talk here. A tab peer traces its own sends, so it is not told.
 * Only a sender of the peer's own node counts (a peer speaks only for its processes).
 */
import type { Atom } from '../core/term/types.ts';
import type { ControlMessage } from './control.ts';
import type { DistEvent } from './dist-types.ts';

export function tellSenders(peer: Atom, messages: readonly ControlMessage[], emit: (e: DistEvent) => void): void {
  for (const m of messages) {
    if (m.type !== 'send' && m.type !== 'reg_send') continue;
    if (m.from === null || m.from.node !== peer) continue;
    emit({ type: 'message:in', peer, from: m.from, to: m.type === 'send' ? m.to : m.name });
  }
}
