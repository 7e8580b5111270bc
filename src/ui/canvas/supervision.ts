/**
 * Supervision on the canvas: which tiles are a supervisor's children, and where the tiles of a
 * card go when it has supervisors. Pure, tested in Node.
 *
 * Nothing here keeps a table of supervisors: a supervisor says what it is by its label
 * (`{:supervisor, strategy}`, set by Supervisor.Server's init as OTP 27's proc_lib:set_label
 * does), and a child is the process it spawned (its parent, OTP's `$ancestors` head, from the
 * runtime's spawn event). The label comes with the node's snapshot or another node's tracer, the
 * spawn events with the event stream; the store keeps both in each ProcessView.
 *
 * A card with a supervisor lays its tiles out in reading order instead of at their own slots: a
 * supervisor starts a row, its children follow on the rows under it, one column further in (a
 * supervisor among them does the same one column further), and the group gets a frame named
 * with the strategy. A restarted child is a new process: the old tile fades in the group while
 * the new one appears after it, and takes its place when the fade is over.
 */
import type { Term } from '../../core/term/types.ts';
import type { ProcessView } from '../store/model.ts';

/** The strategy a supervisor's label names (`one_for_one`...), or null when it is not a supervisor's. */
export function supervisorStrategy(label: Term | null | undefined): string | null {
  if (label == null || typeof label !== 'object' || label.kind !== 'tuple' || label.elements.length !== 2) return null;
  const [tag, strategy] = label.elements;
  if (typeof tag !== 'object' || tag.kind !== 'atom' || tag.name !== 'supervisor') return null;
  return typeof strategy === 'object' && strategy.kind === 'atom' ? strategy.name : null;
}

/** One supervisor's group: its rows, how far in it starts, and its direct children. */
export interface GroupPlan {
  readonly supervisor: string;
  readonly strategy: string;
  /** Column the supervisor's tile is in (its children are one further in, up to the last column). */
  readonly indent: number;
  /** First and last row the group covers (the supervisor's row, the last child's). */
  readonly top: number;
  readonly bottom: number;
  readonly children: readonly string[];
}

export interface CardArrangement {
  /** Where each tile is drawn (row × columns + column). */
  readonly slots: ReadonlyMap<string, number>;
  readonly groups: readonly GroupPlan[];
}

type Placed = Pick<ProcessView, 'key' | 'parent' | 'supervisor'>;

/**
 * The tiles of one card (in slot order) arranged around their supervisors, or null when none of
 * them supervises another shown here (the card then keeps its tiles at their own slots).
 */
export function arrangeCard(procs: readonly Placed[], columns: number): CardArrangement | null {
  const byKey = new Map(procs.map((p) => [p.key, p]));
  const children = new Map<string, Placed[]>();
  for (const p of procs) {
    if (p.parent === null || !byKey.has(p.parent)) continue;
    const list = children.get(p.parent);
    if (list === undefined) children.set(p.parent, [p]);
    else list.push(p);
  }
  const supervises = (p: Placed) => p.supervisor !== null;
  if (!procs.some((p) => supervises(p) && children.has(p.key))) return null;

  const slots = new Map<string, number>();
  const groups: GroupPlan[] = [];
  const last = columns - 1;
  let row = 0;
  let col = 0;
  let used = false;
  const put = (key: string, indent: number): void => {
    if (col > last) {
      row++;
      col = indent;
    }
    if (col < indent) col = indent;
    slots.set(key, row * columns + col);
    col++;
    used = true;
  };
  const breakRow = (indent: number): void => {
    if (used) row++;
    col = indent;
    used = false;
  };
  const parentOf = (p: Placed): Placed | undefined => (p.parent === null ? undefined : byKey.get(p.parent));
  const under = (p: Placed): boolean => {
    const q = parentOf(p);
    return q !== undefined && supervises(q);
  };
  const place = (p: Placed, indent: number): void => {
    if (!supervises(p)) return put(p.key, indent);
    breakRow(indent);
    put(p.key, indent);
    const top = row;
    const inner = Math.min(indent + 1, last);
    const kids = children.get(p.key) ?? [];
    // (Only a supervisor's children are placed under it: a worker's own processes stay in the flow.)
    if (kids.length > 0) breakRow(inner);
    for (const k of kids) place(k, inner);
    groups.push({ supervisor: p.key, strategy: p.supervisor as string, indent, top, bottom: row, children: kids.map((k) => k.key) });
    breakRow(indent);
  };
  for (const p of procs) if (!under(p)) place(p, 0);
  // Groups in reading order (a nested one was finished before its parent).
  groups.sort((a, b) => a.top - b.top);
  return { slots, groups };
}
