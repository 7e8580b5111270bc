/**
 * What a paused node holds, for the teacher's held list (classroom-wire.ts carries the counts):
 * with each answer to a classroom request while it holds, or after a step released something, a
 * node's tracer first sends
 *
 *   tracer → from   {:classroom_held, node, paused_by, [item], released}
 *   item            {kind, from | nil, to | nil, {:term, term} | nil, bytes}
 *
 * `paused_by` is the node whose pause this is (nil: its own), the items are the oldest
 * HELD_SHOWN held messages (held-message.ts), `released` the item the request's step released
 * (or nil). Bounded both ways: a node sends at most HELD_SHOWN items, each term at most
 * TERM_SHOWN_BYTES, and a decoder keeps at most HELD_SHOWN of whatever a peer sends.
 */
import { Tuple, atom, list, NIL_ATOM as NIL, type Term } from '../../core/term/types.ts';
import type { HeldMessage } from '../middleware/held-message.ts';
import { isAtom } from './guards.ts';

export const CLASSROOM_HELD = atom('classroom_held');
/** Held messages a node tells about (the rest are counted in its state). */
export const HELD_SHOWN = 12;
const TERM = atom('term');

export interface HeldReport {
  readonly node: string;
  readonly pausedBy: string | null;
  readonly messages: readonly HeldMessage[];
  readonly released: HeldMessage | null;
}

const orNil = (t: Term | null): Term => t ?? NIL;
const orNull = (t: Term | undefined): Term | null => (t === undefined || t === NIL ? null : t);

function encodeItem(m: HeldMessage): Term {
  return new Tuple([atom(m.kind), orNil(m.from), orNil(m.to), m.term === null ? NIL : new Tuple([TERM, m.term]), m.bytes]);
}

function decodeItem(t: Term): HeldMessage | null {
  if (!(t instanceof Tuple) || t.elements.length !== 5) return null;
  const [kind, from, to, term, bytes] = t.elements;
  if (!isAtom(kind) || typeof bytes !== 'number') return null;
  const shown = term instanceof Tuple && term.elements.length === 2 && term.elements[0] === TERM ? (term.elements[1] ?? null) : null;
  return { kind: kind.name, from: orNull(from), to: orNull(to), term: shown, bytes };
}

export function encodeHeld(r: HeldReport): Term {
  return new Tuple([
    CLASSROOM_HELD,
    atom(r.node),
    r.pausedBy === null ? NIL : atom(r.pausedBy),
    list(r.messages.slice(0, HELD_SHOWN).map(encodeItem)),
    r.released === null ? NIL : encodeItem(r.released),
  ]);
}

export function decodeHeld(t: Term): HeldReport | null {
  if (!(t instanceof Tuple) || t.elements.length !== 5 || t.elements[0] !== CLASSROOM_HELD) return null;
  const [, node, by, items, released] = t.elements;
  if (!isAtom(node) || !isAtom(by)) return null;
  const messages: HeldMessage[] = [];
  // Only the first HELD_SHOWN cells are walked, whatever a peer sent.
  for (let l = items; typeof l === 'object' && l.kind === 'cons' && messages.length < HELD_SHOWN; l = l.tail) {
    const m = decodeItem(l.head);
    if (m !== null) messages.push(m);
  }
  return { node: node.name, pausedBy: by === NIL ? null : by.name, messages, released: released === undefined ? null : decodeItem(released) };
}
