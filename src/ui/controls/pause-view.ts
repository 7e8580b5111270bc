/**
 * What a paused tab shows (PausePanel.tsx), read from the classroom conditioner
 * (src/distribution/middleware/network-controls.ts) while the controls poll it: whether this
 * node holds, whose pause it is, how many it holds, and, for the tab that paused, the held
 * messages (every node's during a cluster-wide pause) and what each step released.
 */
import type { Atom, Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import type { HeldMessage } from '../../distribution/middleware/held-message.ts';
import type { NetworkConditioner } from '../../distribution/middleware/network-controls.ts';
import { HELD_SHOWN } from '../../distribution/trace/classroom-held.ts';
import type { StepRelease } from '../../distribution/trace/classroom-controller.ts';

export interface NodeHeld {
  readonly node: string;
  readonly messages: readonly HeldMessage[];
}

export interface PauseView {
  /** This node holds what it sends (a pause reached it). */
  readonly holding: boolean;
  /** The node whose pause it is; null: this tab's own. */
  readonly by: string | null;
  /** Messages held on this node. */
  readonly heldHere: number;
  /** The held messages this tab may step through, per node (null node: this tab's own); empty for a pause someone else made. */
  readonly held: readonly NodeHeld[];
  readonly steps: readonly StepRelease[];
}

export const NOT_PAUSED: PauseView = { holding: false, by: null, heldHere: 0, held: [], steps: [] };

/** Reads the conditioner's pause now (during a cluster-wide pause it also asks every node for fresh counts). */
export function readPause(c: NetworkConditioner): PauseView {
  if (!c.holding) return NOT_PAUSED;
  c.held();
  const cluster = c.heldInCluster();
  // Only the tab that paused steps: it sees the list; a student paused by the teacher sees the banner.
  const mine = cluster.length > 0 || c.pausedBy === null;
  const held = cluster.length > 0 ? cluster.map((r) => ({ node: r.node, messages: r.messages })) : mine ? [{ node: '', messages: c.heldMessages(HELD_SHOWN) }] : [];
  return { holding: true, by: c.pausedBy, heldHere: c.heldHere(), held, steps: mine ? c.steps() : [] };
}

/** The banner's words: `paused by teacher@lab – 3 held here`. */
export function pauseBanner(v: PauseView, self: string): string {
  return `paused by ${v.by ?? self} – ${v.heldHere} held here`;
}

const TERM_CHARS = 60;

/** A held message in a line: `#PID<1.110.0> → {:sink, :three@lab}: :first` (pids as this tab numbers them). */
export function heldLine(m: HeldMessage, nodeNumber: (n: Atom) => number): string {
  const show = (t: Term | null) => (t === null ? '?' : inspect(t, { nodeNumber, limit: 8, printableLimit: TERM_CHARS }));
  const term = m.term === null ? (m.kind === 'message' || m.kind === 'bytes' ? `(${m.bytes} bytes)` : '') : cut(show(m.term));
  if (m.kind === 'bytes') return `connection data ${term}`;
  const route = `${show(m.from)} → ${show(m.to)}`;
  const head = m.kind === 'message' ? route : `${m.kind} ${route}`;
  return term === '' ? head : `${head}: ${term}`;
}

function cut(s: string): string {
  return s.length <= TERM_CHARS ? s : `${s.slice(0, TERM_CHARS - 1)}…`;
}
