/**
 * Pure state transitions of the playground store: one frame's batch of runtime events (plus the
 * node's snapshot, which is the truth for mailbox counts, status and links) in, new state out.
 *
 * Events give what a snapshot cannot: messages in flight, exit reasons, monitors, and processes
 * that lived and died within one frame (so they can still fade out). The same function serves
 * the local node (fed by the bridge) and, later, remote nodes (fed by the tracing service).
 */
import type { RuntimeEvent } from '../../core/runtime/events.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { refLength, type Pid, type Ref, type Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import { isEvalRequest } from '../../core/shell/shell-process.ts';
import { tokenOf, type TokenKind } from '../canvas/token-kind.ts';
import { supervisorStrategy } from '../canvas/supervision.ts';
import type { Atom } from '../../core/term/types.ts';
import {
  EXIT_SHOW_MS, MAX_IN_FLIGHT, SPEED_DURATION_MS, SYSTEM_NAMES, USER_FIRST_ID, foldable, isSystemProcess, pidKey,
  type ExitNotice, type MessageInFlight, type MonitorView, type PlaygroundData, type ProcessView,
} from './model.ts';

/** What happened on one cluster node since the last frame. */
export interface NodeBatch {
  /** The card these events belong to. */
  readonly node: string;
  readonly events: readonly RuntimeEvent[];
  /** The node's live processes now, when they changed (omit to trust events alone). */
  readonly processes?: readonly ProcessSummary[];
  /** Monitors already in place (first sync only: later ones come as events). */
  readonly monitors?: readonly MonitorView[];
}

export interface ReduceContext {
  /** UI clock, ms. */
  readonly now: number;
  /** This tab's number for a node (0 for itself): how pids are printed. */
  readonly nodeNumber: (node: Atom) => number;
}

/** Bounded, so a huge message costs little to print 1,000 times a second. */
const MESSAGE_INSPECT = { limit: 12, printableLimit: 120 } as const;

export function refKey(ref: Ref): string {
  return `${ref.node.name}/${ref.ids.slice(0, refLength(ref)).join('.')}`;
}

export function applyBatch(state: PlaygroundData, batch: NodeBatch, ctx: ReduceContext): PlaygroundData {
  return applyBatches(state, [batch], ctx);
}

/**
 * Several nodes' batches in order, as one new state: the processes record is copied once for
 * them all (not once per node), and the store notifies its subscribers once a frame.
 */
export function applyBatches(state: PlaygroundData, batches: readonly NodeBatch[], ctx: ReduceContext): PlaygroundData {
  const d = new Draft(state, ctx);
  for (const batch of batches) {
    d.startNode(batch.node);
    for (const e of batch.events) d.event(e);
    if (batch.processes !== undefined) d.reconcile(batch.processes);
    for (const m of batch.monitors ?? []) d.addMonitor(m);
  }
  return d.finish();
}

/**
 * Drops tokens that have arrived and exited processes whose fade is over. Same object if nothing
 * changed. The selected process stays while the inspector shows it, so Kill's `exited (:killed)`
 * is there to read; it goes once the inspector closes.
 */
export function expire(state: PlaygroundData, now: number): PlaygroundData {
  const messages = state.messages.filter((m) => m.sentAt + m.duration > now);
  const gone = new Set<string>();
  for (const k in state.processes) {
    const v = state.processes[k];
    if (v !== undefined && v.exit !== null && v.key !== state.selected && now - v.exit.at >= EXIT_SHOW_MS) gone.add(v.key);
  }
  const kept = state.exits.filter((x) => now - x.at < EXIT_SHOW_MS);
  const exits = kept.length === state.exits.length ? state.exits : kept;
  if (messages.length === state.messages.length && gone.size === 0 && exits.length === state.exits.length) return state;
  let { processes, monitors } = state;
  if (gone.size > 0) {
    const kept: Record<string, ProcessView> = { ...processes };
    for (const k of gone) delete kept[k];
    processes = kept;
    monitors = Object.fromEntries(Object.entries(monitors).filter(([, m]) => !gone.has(m.watcher) && !gone.has(m.target)));
  }
  return { ...state, messages: messages.length === state.messages.length ? state.messages : messages, exits, processes, monitors };
}

/**
 * The registered-name index of a processes record, kept between batches: sends to a registered
 * name happen every frame under load, and rebuilding the index over 500 processes for each
 * batch cost more than the rest of the reducer. Keyed by the record, so any other change of it
 * (expire, removeNode...) simply misses and rebuilds.
 */
const nameIndexes = new WeakMap<Readonly<Record<string, ProcessView>>, Map<string, string>>();

/** Copy-on-write working state for one batch. */
class Draft {
  private processes: Record<string, ProcessView> | null = null;
  private monitors: Record<string, MonitorView> | null = null;
  private messages: MessageInFlight[] | null = null;
  private exits: ExitNotice[] | null = null;
  private nextMessageId: number;
  private freeSlots: { used: Set<number>; next: number } | null = null;
  private names: Map<string, string> | null = null;

  /** The card the events being applied belong to. */
  private node = '';

  constructor(
    private readonly base: PlaygroundData,
    private readonly ctx: ReduceContext,
  ) {
    this.nextMessageId = base.nextMessageId;
    this.names = nameIndexes.get(base.processes) ?? null;
  }

  /** The next events are `node`'s (its free grid slots are its own). */
  startNode(node: string): void {
    if (node !== this.node) this.freeSlots = null;
    this.node = node;
  }

  private procs(): Record<string, ProcessView> {
    return (this.processes ??= { ...this.base.processes });
  }
  private view(key: string): ProcessView | undefined {
    return (this.processes ?? this.base.processes)[key];
  }
  private put(v: ProcessView): void {
    const old = this.view(v.key);
    this.procs()[v.key] = v;
    // The name index is rebuilt only when a name could have changed: not on mailbox counts,
    // which change with every message (rebuilding it then made each send O(processes)).
    if (old === undefined || old.name !== v.name || old.exit !== v.exit) this.names = null;
  }

  event(e: RuntimeEvent): void {
    switch (e.type) {
      case 'process:spawned':
        if (this.view(pidKey(e.pid)) === undefined) this.add(e.pid, null, e.system, e.parent);
        return;
      case 'process:exited':
        return this.exited(e.pid, e.reason);
      case 'message:sent':
        return this.sent(e.from, e.to, e.message);
      case 'spawn:requested':
        return this.spawnRequested(e.from, e.node, e.call);
      case 'message:received': {
        // The snapshot is the truth when it changed; taking a message alone does not change
        // the runtime's version, so count it down here too.
        const v = this.view(pidKey(e.pid));
        if (v !== undefined && v.mailbox > 0) this.put({ ...v, mailbox: v.mailbox - 1 });
        return;
      }
      case 'link:added':
      case 'link:removed':
        this.link(e.from, e.to, e.type === 'link:added');
        this.link(e.to, e.from, e.type === 'link:added');
        return;
      case 'monitor:added':
        return this.addMonitor({ key: refKey(e.ref), watcher: pidKey(e.watcher), target: pidKey(e.target) });
      case 'monitor:removed': {
        const key = refKey(e.ref);
        if ((this.monitors ?? this.base.monitors)[key] !== undefined) delete (this.monitors ??= { ...this.base.monitors })[key];
        return;
      }
      case 'name:registered':
      case 'name:unregistered': {
        const v = this.view(pidKey(e.pid));
        const name = e.type === 'name:registered' ? e.name.name : null;
        if (v !== undefined && v.name !== name) this.put({ ...v, name, system: v.system || isSystemProcess(v.pid, name) });
        return;
      }
    }
  }

  addMonitor(m: MonitorView): void {
    (this.monitors ??= { ...this.base.monitors })[m.key] = m;
  }

  /** Makes the live processes match the snapshot: new ones in, changed ones replaced, vanished ones out. */
  reconcile(list: readonly ProcessSummary[]): void {
    const live = new Set<string>();
    for (const s of list) {
      const key = pidKey(s.pid);
      live.add(key);
      const name = s.registeredName?.name ?? null;
      const v = this.view(key) ?? this.add(s.pid, name, false, null);
      const links = s.links.map(pidKey);
      const supervisor = supervisorStrategy(s.label);
      if (v.status !== s.status || v.mailbox !== s.messageQueueLen || v.name !== name || !sameList(v.links, links) || v.supervisor !== supervisor) {
        this.put({
          ...v, status: s.status, mailbox: s.messageQueueLen, name, links: sameList(v.links, links) ? v.links : links,
          system: v.system || isSystemProcess(v.pid, name), supervisor,
        });
      }
    }
    for (const v of Object.values(this.processes ?? this.base.processes)) {
      if (v.node === this.node && v.exit === null && !live.has(v.key)) {
        delete this.procs()[v.key];
        this.names = null;
      }
    }
  }

  private add(pid: Pid, name: string | null, system: boolean, parent: Pid | null): ProcessView {
    const v: ProcessView = {
      key: pidKey(pid), pid, node: this.node, pidText: inspect(pid, { nodeNumber: this.ctx.nodeNumber }),
      name, globalName: null, status: 'runnable', mailbox: 0, links: [],
      system: system || isSystemProcess(pid, name), slot: this.takeSlot(), exit: null,
      parent: parent === null ? null : pidKey(parent), supervisor: null,
    };
    this.put(v);
    return v;
  }

  /** The lowest grid slot no process of this card holds: positions stay put while processes come and go. */
  private takeSlot(): number {
    if (this.freeSlots === null) {
      const used = new Set<number>();
      for (const v of Object.values(this.processes ?? this.base.processes)) if (v.node === this.node) used.add(v.slot);
      this.freeSlots = { used, next: 0 };
    }
    const f = this.freeSlots;
    while (f.used.has(f.next)) f.next++;
    f.used.add(f.next);
    return f.next;
  }

  private exited(pid: Pid, reason: Term): void {
    const v = this.view(pidKey(pid));
    if (v === undefined || v.exit !== null) return;
    const text = inspect(reason, { nodeNumber: this.ctx.nodeNumber, limit: 8, printableLimit: 80 });
    this.deathSignals(v, text);
    const at = this.ctx.now;
    this.put({ ...v, status: 'exited', mailbox: 0, links: [], exit: { reason: text, at } });
    (this.exits ??= [...this.base.exits]).push({ key: v.key, pidText: v.pidText, reason: text, at });
  }

  private link(from: Pid, to: Pid, add: boolean): void {
    const v = this.view(pidKey(from));
    if (v === undefined) return;
    const k = pidKey(to);
    const has = v.links.includes(k);
    if (add && !has) this.put({ ...v, links: [...v.links, k] });
    else if (!add && has) this.put({ ...v, links: v.links.filter((x) => x !== k) });
  }

  private sent(from: Pid | null, to: Pid | Term, message: Term): void {
    const duration = SPEED_DURATION_MS[this.base.speed];
    if (duration === 0) return; // instant: nothing to animate
    const dest = this.resolve(to);
    if (dest === null) return;
    if (!this.base.showSystemTraffic && (isEvalRequest(message) || (!this.classEnd(from) && !this.classEnd(to, dest.key)))) return;
    // A GenServer call reads `call :get`, its reply `reply 42`: the request and the answer, not gen's envelope.
    const t = tokenOf(message);
    const text = t.prefix + inspect(t.shown, { nodeNumber: this.ctx.nodeNumber, ...MESSAGE_INSPECT });
    this.token(from === null ? null : pidKey(from), dest.key, dest.node, t.kind, text, from === null ? 'outside' : this.endText(from, pidKey(from)), this.endText(to, dest.key), duration);
  }

  private token(from: string | null, to: string | null, toNode: string, kind: TokenKind, text: string, fromText: string, toText: string, duration: number): void {
    (this.messages ??= [...this.base.messages]).push({
      id: this.nextMessageId++, from, fromNode: this.node, to, toNode, text, kind, fromText, toText, sentAt: this.ctx.now, duration,
    });
  }

  /** A SPAWN_REQUEST on its way to another node: drawn to that node's card, as `{module, fun, args}`. */
  private spawnRequested(from: Pid, node: Atom, call: Term): void {
    const duration = SPEED_DURATION_MS[this.base.speed];
    if (duration === 0 || (!this.base.showSystemTraffic && !this.classEnd(from))) return;
    const text = inspect(call, { nodeNumber: this.ctx.nodeNumber, ...MESSAGE_INSPECT });
    const key = pidKey(from);
    this.token(key, null, node.name, 'spawn', text, this.endText(from, key), inspect(node), duration);
  }

  /** An end of a message as this tab prints it: a known process's pid text, else the term. */
  private endText(end: Term, key: string | null): string {
    const v = key === null ? undefined : this.view(key);
    return v?.pidText ?? inspect(end, { nodeNumber: this.ctx.nodeNumber, ...MESSAGE_INSPECT });
  }

  /**
   * The signals a death sends, as tokens: an exit signal to each linked process and a DOWN to
   * each watcher (at a message speed they travel as messages do: core/runtime/delivery-delay.ts).
   */
  private deathSignals(v: ProcessView, reason: string): void {
    const duration = SPEED_DURATION_MS[this.base.speed];
    if (duration === 0) return;
    const shown = (key: string) => this.base.showSystemTraffic || !foldable(v) || this.classEnd(this.view(key)?.pid ?? null, key);
    for (const k of v.links) {
      if (!shown(k)) continue;
      const q = this.view(k);
      this.token(v.key, k, q?.node ?? v.node, 'exit', `{:EXIT, ${v.pidText}, ${reason}}`, v.pidText, q?.pidText ?? k, duration);
    }
    for (const m of Object.values(this.monitors ?? this.base.monitors)) {
      if (m.target !== v.key || !shown(m.watcher)) continue;
      const w = this.view(m.watcher);
      this.token(v.key, m.watcher, w?.node ?? v.node, 'down', `{:DOWN, #Reference<…>, :process, ${v.pidText}, ${reason}}`, v.pidText, w?.pidText ?? m.watcher, duration);
    }
  }

  /**
   * Whether a message's end is a process of the class: the tool's own traffic (tracer batches
   * and acks, classroom control, `:global`'s protocol, the I/O plumbing) has none at either end.
   * A pid not shown here (another node's, cluster view off) is judged by its number, a name
   * not resolved by whether the tool uses it.
   */
  private classEnd(end: Pid | Term | null, key: string | null = null): boolean {
    if (end === null || typeof end !== 'object') return false;
    const v = this.view(key ?? (end.kind === 'pid' ? pidKey(end) : ''));
    if (v !== undefined) return !foldable(v);
    if (end.kind === 'pid') return end.id >= USER_FIRST_ID;
    const name = end.kind === 'atom' ? end : end.kind === 'tuple' ? end.elements[0] : undefined;
    return typeof name === 'object' && name.kind === 'atom' && !SYSTEM_NAMES.has(name.name);
  }

  /** Where a message goes: a pid, a local registered name, or `{name, node}`. */
  private resolve(to: Pid | Term): { key: string | null; node: string } | null {
    if (typeof to !== 'object') return null;
    if (to.kind === 'pid') {
      const key = pidKey(to);
      return { key, node: this.view(key)?.node ?? to.node.name };
    }
    if (to.kind === 'atom') return { key: this.named(this.node, to.name), node: this.node };
    if (to.kind === 'tuple' && to.elements.length === 2) {
      const [n, node] = to.elements;
      if (typeof n === 'object' && n.kind === 'atom' && typeof node === 'object' && node.kind === 'atom') {
        return { key: this.named(node.name, n.name), node: node.name };
      }
    }
    return null;
  }

  private named(node: string, name: string): string | null {
    if (this.names === null) {
      this.names = new Map();
      for (const v of Object.values(this.processes ?? this.base.processes)) if (v.name !== null && v.exit === null) this.names.set(`${v.node}/${v.name}`, v.key);
    }
    return this.names.get(`${node}/${name}`) ?? null;
  }

  finish(): PlaygroundData {
    const b = this.base;
    // Still valid for the processes handed on (any name change since it was built dropped it).
    if (this.names !== null) nameIndexes.set(this.processes ?? b.processes, this.names);
    if (this.processes === null && this.monitors === null && this.messages === null && this.exits === null) return b;
    let messages = this.messages ?? b.messages;
    if (messages.length > MAX_IN_FLIGHT) messages = messages.slice(messages.length - MAX_IN_FLIGHT);
    return {
      ...b,
      processes: this.processes ?? b.processes,
      monitors: this.monitors ?? b.monitors,
      messages,
      exits: this.exits ?? b.exits,
      nextMessageId: this.nextMessageId,
    };
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
