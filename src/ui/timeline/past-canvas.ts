/**
 * The canvas in the past: a playground store holding the cluster as it was at a step of the
 * recording (state-at.ts), which the canvas draws in place of the live one while the timeline is
 * away from live. Nothing feeds it but the timeline: the live store goes on following the
 * cluster underneath, and `live` swaps it back.
 *
 * - Cards: the live cards, plus any node the trace knows that has gone since; a connection the
 *   recording saw come up or go down shows as it was then.
 * - Processes keep their live grid slot when they still live (the picture stays put as the
 *   timeline moves); the others take free slots in the order the trace met them.
 * - A process alive now whose spawn the trace does not hold was there all along (it came before
 *   the recording, or its spawn was evicted): it is drawn at every step.
 * - Messages in flight are tokens stopped half-way: a past moment does not move.
 * - Monitors up then are drawn as the live canvas draws them; `pastStep` says which step this is
 *   and what each mailbox held, for the inspector of the past (PastInspector.tsx).
 * - A process selected stays selected from step to step while it is there.
 */
import { atom } from '../../core/term/types.ts';
import { pidKeyOf } from '../../distribution/trace/record.ts';
import { EXIT_SHOW_MS, type ClusterNode, type MessageInFlight, type MonitorView, type PlaygroundData, type ProcessView } from '../store/model.ts';
import { createPlaygroundStore, type PlaygroundState, type PlaygroundStore } from '../store/playground-store.ts';
import { pidOfKey, type PastState } from './state-at.ts';

/** How long a past token "travels": so long that it stays where it is drawn, half-way. */
export const STILL_MS = 3_600_000;

type PastData = Pick<PlaygroundData, 'nodes' | 'nodeOrder' | 'processes' | 'monitors' | 'messages' | 'exits' | 'selected' | 'selectedConnection' | 'globalNames'> &
  Required<Pick<PlaygroundData, 'pastStep'>>;

/**
 * The store's data for `past`, given the live data (cards, slots, this tab's display settings).
 * `now` is the UI clock; `selected` the process the past store showed in its inspector.
 */
export function pastData(live: PlaygroundState, past: PastState, now: number, selected: string | null = null): PastData {
  const nodes: Record<string, ClusterNode> = {};
  const nodeOrder: string[] = [];
  const card = (name: string) => {
    if (nodes[name] !== undefined) return;
    const was = past.connections[name];
    const old = live.nodes[name];
    const connection = name === live.localNode ? null : was === 'up' ? { kind: 'up' as const } : was === 'down' ? { kind: 'down' as const } : (old?.connection ?? { kind: 'down' as const });
    nodes[name] = { name, local: name === live.localNode, number: old?.number ?? live.nodeNumber(atom(name)), connection };
    nodeOrder.push(name);
  };
  for (const n of live.nodeOrder) card(n);
  for (const p of past.processes) card(p.node);

  // Live processes by trace key: their slots, and those the trace never saw.
  const liveByKey = new Map<string, ProcessView>();
  const traceKey = new Map<string, string>();
  for (const k in live.processes) {
    const v = live.processes[k] as ProcessView;
    liveByKey.set(pidKeyOf(v.pid), v);
    traceKey.set(k, pidKeyOf(v.pid));
  }
  const keyed = (k: string) => traceKey.get(k) ?? k;
  const used = new Map<string, Set<number>>();
  const slotsOf = (node: string) => used.get(node) ?? used.set(node, new Set()).get(node) as Set<number>;
  const processes: Record<string, ProcessView> = {};
  const put = (v: ProcessView) => {
    processes[v.key] = v;
    slotsOf(v.node).add(v.slot);
  };
  const seen = new Set(past.processes.map((p) => p.key));
  for (const [key, v] of liveByKey) {
    if (!seen.has(key) && v.exit === null) put({ ...v, key, links: v.links.map(keyed), parent: v.parent === null ? null : keyed(v.parent), mailbox: 0 });
  }
  const fresh = past.processes.filter((p) => {
    const v = liveByKey.get(p.key);
    if (v === undefined) return true;
    put(view(p, v.slot, v.pidText, v.supervisor, now));
    return false;
  });
  for (const p of fresh) {
    const slots = slotsOf(p.node);
    let slot = 0;
    while (slots.has(slot)) slot++;
    put(view(p, slot, p.label, null, now));
  }

  const messages: MessageInFlight[] = past.inFlight
    .filter((m) => live.showSystemTraffic || !m.system)
    .map((m, i) => ({
      id: i + 1, from: m.from, fromNode: m.fromNode, to: m.to, toNode: m.toNode, text: m.text, kind: 'message',
      fromText: m.fromText, toText: m.toText, sentAt: now - STILL_MS / 2, duration: STILL_MS,
    }));
  const globalNames: Record<string, string> = {};
  for (const k in processes) {
    const g = processes[k]?.globalName;
    if (g !== null && g !== undefined) globalNames[k] = g;
  }
  const monitors: Record<string, MonitorView> = {};
  for (const m of past.monitors) {
    const key = `${m.watcher} ${m.ref}`;
    monitors[key] = { key, watcher: m.watcher, target: m.target };
  }
  const mailboxes: Record<string, readonly string[]> = {};
  for (const p of past.processes) if (p.messages.length > 0) mailboxes[p.key] = p.messages;
  return {
    nodes, nodeOrder, processes, monitors, messages, exits: [], globalNames,
    selected: selected !== null && processes[selected] !== undefined ? selected : null, selectedConnection: null,
    pastStep: { at: past.at, of: past.count, mailboxes },
  };
}

function view(p: PastState['processes'][number], slot: number, pidText: string, supervisor: string | null, now: number): ProcessView {
  const pid = pidOfKey(p.key);
  return {
    key: p.key, pid, node: p.node, pidText, name: p.name, globalName: p.globalName,
    status: p.exit === null ? 'waiting' : 'exited', mailbox: p.mailbox, links: p.links,
    system: p.system, slot, parent: p.parent, supervisor,
    // Exited at this very step: drawn fading with its reason, as the live canvas drew it then.
    exit: p.exit === null ? null : { reason: p.exit, at: now - EXIT_SHOW_MS / 2 },
  };
}

/** A store for the past, with this tab's numbering and display settings; the timeline fills it. */
export function createPastStore(live: PlaygroundState): PlaygroundStore {
  const s = createPlaygroundStore({ localNode: live.localNode, nodeNumber: live.nodeNumber, speed: live.speed });
  s.setState({ showSystem: live.showSystem, showSystemTraffic: live.showSystemTraffic });
  return s;
}
