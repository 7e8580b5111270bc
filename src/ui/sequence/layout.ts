/**
 * The sequence diagram's geometry, without React: one lane per process (grouped by node, in the
 * order met), one row per shown event in causal order, an arrow per paired message from its send
 * row to its receive row, and marks for spawn, exit, link, DOWN and the nodes' notes. Computed
 * once per trace and filter; the view draws only the rows in sight (virtualised).
 */
import type { Trace, TraceRow } from '../../distribution/trace/record-rows.ts';
import { downIds } from '../../distribution/trace/record-down.ts';

export const ROW_H = 22;
export const LANE_W = 150;
/** Characters of a term drawn on its arrow; the full text is in the arrow's name and title. */
export const LABEL_CHARS = 22;

export interface DiagramFilter {
  /** Only this node's lanes ('' for all). */
  readonly node: string;
  /** Only lanes whose pid text contains this ('' for all). */
  readonly process: string;
  /** The causal order's range shown: first and last step (inclusive, 0-based; -1: to the end). */
  readonly from: number;
  readonly to: number;
  /**
   * The time range shown, in seconds since the recording's first event, on the recording tab's
   * clock (each event's `seen`: one clock for all nodes, where their own clocks are each a tab's).
   * `toSecond` -1: to the end.
   */
  readonly fromSecond: number;
  readonly toSecond: number;
  /** Show the tool's and OTP's own processes, and handshake steps. */
  readonly system: boolean;
}

export const ALL: DiagramFilter = { node: '', process: '', from: 0, to: -1, fromSecond: 0, toSecond: -1, system: false };

/** When the recording began, on the recording tab's clock (ms): the time range counts from it. */
export function startOf(trace: Trace): number {
  let start = Infinity;
  for (const r of trace.rows) if (r.seen < start) start = r.seen;
  return start === Infinity ? 0 : start;
}

export interface Lane {
  readonly key: string;
  readonly label: string;
  readonly node: string;
}

export interface Arrow {
  readonly from: number;
  readonly to: number;
  /** Rows of the send and the receive. */
  readonly y1: number;
  readonly y2: number;
  readonly label: string;
  /** `message <from pid> → <to pid>: <term>`: its accessible name. */
  readonly name: string;
}

export interface Mark {
  readonly lane: number;
  readonly row: number;
  readonly kind: TraceRow['kind'];
  readonly text: string;
}

export interface Diagram {
  readonly lanes: readonly Lane[];
  readonly rows: number;
  /** Sorted by y1. */
  readonly arrows: readonly Arrow[];
  /** Sorted by row. */
  readonly marks: readonly Mark[];
  /** The longest arrow, in rows (what the view looks back for when it draws a window). */
  readonly maxSpan: number;
}

const MARKED: ReadonlySet<TraceRow['kind']> = new Set(['spawn', 'exit', 'link', 'unlink', 'monitor', 'demonitor', 'register', 'nodeup', 'nodedown', 'handshake', 'global', 'classroom']);

export function short(s: string, n = LABEL_CHARS): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export function messageName(from: string, to: string, term: string): string {
  return `message ${from} → ${to}: ${term}`;
}

export function layoutDiagram(trace: Trace, f: DiagramFilter = ALL): Diagram {
  const rows = trace.rows;
  const last = f.to < 0 ? rows.length - 1 : Math.min(f.to, rows.length - 1);
  const byId = new Map<number, number>();
  rows.forEach((r, i) => byId.set(r.id, i));
  // A monitor removed after its target's exit is the DOWN, not a demonitor.
  const downs = downIds(rows);
  const lanes: Lane[] = [];
  const laneOf = new Map<string, number>();
  const start = f.fromSecond > 0 || f.toSecond >= 0 ? startOf(trace) : 0;
  const inTime = (r: TraceRow) => (f.fromSecond <= 0 || r.seen - start >= f.fromSecond * 1000) && (f.toSecond < 0 || r.seen - start <= f.toSecond * 1000);
  const wanted = (r: TraceRow) =>
    (f.system || !r.system) && (f.node === '' || r.node === f.node) && (f.process === '' || (r.pidText ?? r.node).includes(f.process)) && inTime(r);
  const lane = (r: TraceRow): number => {
    const key = r.pid ?? `node:${r.node}`;
    let l = laneOf.get(key);
    if (l === undefined) {
      l = lanes.length;
      laneOf.set(key, l);
      lanes.push({ key, label: r.pidText ?? r.node, node: r.node });
    }
    return l;
  };
  // Rows shown: in range, wanted, and of a kind drawn (a receive is drawn by its arrow).
  const shownRow = new Map<number, number>();
  const drawn: number[] = [];
  for (let i = Math.max(0, f.from); i <= last; i++) {
    const r = rows[i] as TraceRow;
    if (!wanted(r)) continue;
    if (r.kind === 'handshake' && !f.system) continue;
    if (r.kind === 'send' || r.kind === 'receive' || MARKED.has(r.kind)) {
      shownRow.set(i, drawn.length);
      drawn.push(i);
    }
  }
  // Lanes grouped by node: nodes in the order met, each node's lanes in the order met.
  for (const i of drawn) lane(rows[i] as TraceRow);
  const nodeRank = new Map<string, number>();
  for (const l of lanes) if (!nodeRank.has(l.node)) nodeRank.set(l.node, nodeRank.size);
  const rank = (l: number) => nodeRank.get((lanes[l] as Lane).node) as number;
  const order = [...lanes.keys()].sort((a, b) => rank(a) - rank(b) || a - b);
  const place = new Map(order.map((l, x) => [l, x]));
  const sorted = order.map((l) => lanes[l] as Lane);
  const arrows: Arrow[] = [];
  const marks: Mark[] = [];
  let maxSpan = 0;
  for (const i of drawn) {
    const r = rows[i] as TraceRow;
    const y = shownRow.get(i) as number;
    const from = place.get(laneOf.get(r.pid ?? `node:${r.node}`) as number) as number;
    if (r.kind === 'send') {
      const j = byId.get(r.match);
      const y2 = j === undefined ? undefined : shownRow.get(j);
      if (j === undefined || y2 === undefined) {
        marks.push({ lane: from, row: y, kind: 'send', text: `→ ${r.peerText ?? '?'}: ${r.text ?? ''}` });
        continue;
      }
      const rr = rows[j] as TraceRow;
      const to = place.get(laneOf.get(rr.pid ?? `node:${rr.node}`) as number) as number;
      const term = r.text ?? '';
      arrows.push({ from, to, y1: y, y2, label: short(term), name: messageName(r.pidText ?? r.node, rr.pidText ?? rr.node, term) });
      maxSpan = Math.max(maxSpan, y2 - y);
    } else if (r.kind === 'receive') {
      if (r.match < 0 || !shownRow.has(byId.get(r.match) ?? -1)) marks.push({ lane: from, row: y, kind: 'receive', text: `← ${r.text ?? '(a message)'}` });
    } else {
      marks.push({ lane: from, row: y, kind: r.kind, text: downs.has(r.id) ? `DOWN ${r.peerText ?? ''}` : markText(r) });
    }
  }
  return { lanes: sorted, rows: drawn.length, arrows, marks, maxSpan };
}

function markText(r: TraceRow): string {
  switch (r.kind) {
    case 'exit':
      return `exit ${r.text ?? ''}`;
    case 'spawn':
      return 'spawn';
    case 'monitor':
    case 'demonitor':
    case 'link':
    case 'unlink':
      return `${r.kind} ${r.peerText ?? ''}`;
    default:
      return `${r.kind} ${r.text ?? ''}${r.peerText === null ? '' : ` ${r.peerText}`}`;
  }
}

/** Arrows and marks that cross rows [first, last]: what a window of the view draws. */
export function inWindow(d: Diagram, first: number, last: number): { arrows: Arrow[]; marks: Mark[] } {
  const arrows: Arrow[] = [];
  let lo = lowerBound(d.arrows, first - d.maxSpan, (a) => a.y1);
  for (; lo < d.arrows.length; lo++) {
    const a = d.arrows[lo] as Arrow;
    if (a.y1 > last) break;
    if (a.y2 >= first) arrows.push(a);
  }
  const marks: Mark[] = [];
  for (let i = lowerBound(d.marks, first, (m) => m.row); i < d.marks.length; i++) {
    const m = d.marks[i] as Mark;
    if (m.row > last) break;
    marks.push(m);
  }
  return { arrows, marks };
}

function lowerBound<T>(xs: readonly T[], v: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid] as T) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
