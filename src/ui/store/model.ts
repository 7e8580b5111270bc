/**
 * The playground's view of the cluster: plain, immutable data the canvas draws from.
 *
 * Everything is keyed by strings so React Flow ids, selection and edges need no term objects:
 * a process by `pidKey(pid)`, a cluster node by its name (`one@lab`). A process view object is
 * replaced only when something shown about it changes, so the graph builder can reuse the React
 * Flow node it made last time (see canvas/flow-graph.ts) and memoized components skip renders.
 */
import type { Pid } from '../../core/term/types.ts';
import type { ProcessStatus } from '../../core/runtime/process-api.ts';
import type { HandshakeLog } from './handshakes.ts';
import type { TokenKind } from '../canvas/token-kind.ts';

/** How this tab's distribution layer sees another node. */
export type ConnectionState =
  | { readonly kind: 'handshaking' }
  | { readonly kind: 'up' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'down'; readonly reason?: string }
  /** Cut from the classroom controls: silent at once, down when the tick timeout says so. */
  | { readonly kind: 'cut' };

export interface ClusterNode {
  readonly name: string;
  /** This tab's node. */
  readonly local: boolean;
  /** This tab's number for it (0 for itself): the N of `#PID<N.id.serial>`. */
  readonly number: number;
  /** null for the local node; the others start at 'handshaking' until told. */
  readonly connection: ConnectionState | null;
  /** A real BEAM node (through the --beam gateway): its card is marked BEAM, kept once known. */
  readonly beam?: true;
}

export interface ProcessView {
  readonly key: string;
  readonly pid: Pid;
  /** The card it sits in (a cluster node name). */
  readonly node: string;
  /** The pid as THIS tab prints it: `#PID<0.110.0>`, `#PID<2.96.0>`. */
  readonly pidText: string;
  /** Registered name without the colon, or null. */
  readonly name: string | null;
  /** A `:global` name (the distribution layer sets it), or null. */
  readonly globalName: string | null;
  readonly status: ProcessStatus | 'exited';
  readonly mailbox: number;
  /** Keys of linked processes (any node). */
  readonly links: readonly string[];
  readonly system: boolean;
  /** Grid slot inside its card: stable while the process lives, reused after it is gone. */
  readonly slot: number;
  /** Key of the process that spawned it (a supervisor's children are grouped under it), or null. */
  readonly parent: string | null;
  /** The strategy when it is a supervisor (its label says so: canvas/supervision.ts), else null. */
  readonly supervisor: string | null;
  /** Set when it exited: the reason as inspect prints it, and when (UI clock). */
  readonly exit: { readonly reason: string; readonly at: number } | null;
}

export interface MonitorView {
  /** The monitor reference's key (unique per monitor). */
  readonly key: string;
  readonly watcher: string;
  readonly target: string;
}

/** One message drawn travelling from its sender to its receiver. */
export interface MessageInFlight {
  readonly id: number;
  /** Sender process key, or null (sent from outside any process). */
  readonly from: string | null;
  /** Node the sender is on (fallback start point when `from` is not drawn). */
  readonly fromNode: string;
  /** Receiver process key if known (a pid, or a name resolved when sent). */
  readonly to: string | null;
  /** Node the receiver is on (fallback end point). */
  readonly toNode: string;
  /** The term as inspect prints it (bounded). */
  readonly text: string;
  /** What it is, for its colour (canvas/token-kind.ts): message, exit signal, DOWN, spawn request, I/O. */
  readonly kind: TokenKind;
  /** The sender and the receiver as this tab prints them (`#PID<0.110.0>`, `:box`, `{:box, :"two@lab"}`). */
  readonly fromText: string;
  readonly toText: string;
  /** UI clock (ms) when it was seen leaving. */
  readonly sentAt: number;
  /** How long its token travels (ms), fixed when sent so a speed change does not make tokens jump. */
  readonly duration: number;
}

export interface ExitNotice {
  readonly key: string;
  readonly pidText: string;
  readonly reason: string;
  readonly at: number;
}

/** Animation speed of message tokens, from no animation to slow motion. */
export type Speed = 'instant' | 'fast' | 'normal' | 'slow' | 'slow motion';

/** What the canvas shows about the cluster. */
export interface PlaygroundData {
  readonly localNode: string;
  /** Cluster nodes by name, and the order their cards are laid out in (local first). */
  readonly nodes: Readonly<Record<string, ClusterNode>>;
  readonly nodeOrder: readonly string[];
  readonly processes: Readonly<Record<string, ProcessView>>;
  readonly monitors: Readonly<Record<string, MonitorView>>;
  /** Replaced (not mutated) at most once per frame; the token overlay reads it without React. */
  readonly messages: readonly MessageInFlight[];
  readonly exits: readonly ExitNotice[];
  readonly speed: Speed;
  /** Delivery between nodes is held (the distribution layer honours it). */
  readonly paused: boolean;
  readonly showSystem: boolean;
  /**
   * Draw the tool's own traffic too (tracing service, classroom control, `:global`'s protocol,
   * I/O plumbing): messages with no process of the class at either end. Off by default, so a
   * quiet cluster shows no moving token.
   */
  readonly showSystemTraffic: boolean;
  /** The process key the inspector shows, or null. */
  readonly selected: string | null;
  /** Id the next message in flight gets (ids are stable for the overlay's bookkeeping). */
  readonly nextMessageId: number;
  /** Each connection's recent handshake attempts, by peer node name (handshakes.ts). */
  readonly handshakes: HandshakeLog;
  /** The connection (peer node name) the inspector shows, or null; exclusive with `selected`. */
  readonly selectedConnection: string | null;
  /** `:global` names by process key, as this node's replica has them (store/global-names.ts). */
  readonly globalNames: Readonly<Record<string, string>>;
  /** Set only in the timeline's store of the past (timeline/past-canvas.ts): the step it shows. */
  readonly pastStep?: PastStepView;
}

/** What the inspector of the past shows beyond a ProcessView: the step, and the mailboxes' messages then. */
export interface PastStepView {
  /** The step shown (0-based) and the recording's length. */
  readonly at: number;
  readonly of: number;
  /** Each process's waiting messages, as printed, oldest first (by process key). */
  readonly mailboxes: Readonly<Record<string, readonly string[]>>;
}

export { USER_FIRST_ID, SYSTEM_NAMES, isSystemProcess } from '../../core/runtime/system-processes.ts';
import { SYSTEM_NAMES } from '../../core/runtime/system-processes.ts';

/**
 * A name the class gave (`Process.register` with a name of its own, or any `:global` name): such
 * a process is the class's even when the tool started it (the chapter's
 * `:global.register_name(:two, group_leader())`), so it is never folded away.
 */
export function userNamed(v: Pick<ProcessView, 'name' | 'globalName'>): boolean {
  return v.globalName !== null || (v.name !== null && !SYSTEM_NAMES.has(v.name));
}

/** Hidden when system processes are folded away: a system process nobody in the class named. */
export function foldable(v: Pick<ProcessView, 'system' | 'name' | 'globalName'>): boolean {
  return v.system && !userNamed(v);
}

/** A string key for a pid: node, id, serial and creation (a restarted node's pids differ). */
export function pidKey(pid: Pid): string {
  return `${pid.node.name}/${pid.id}.${pid.serial}.${pid.creation}`;
}

/**
 * Milliseconds a token travels at each speed, and so how long the class's messages take to
 * arrive (delivery follows the picture: controls/SpeedControl.tsx). The slowest is at least 2 s.
 */
export const SPEED_DURATION_MS: Readonly<Record<Speed, number>> = {
  instant: 0,
  fast: 200,
  normal: 500,
  slow: 1000,
  'slow motion': 2000,
};

/** Slider order, fastest first. */
export const SPEEDS: readonly Speed[] = ['instant', 'fast', 'normal', 'slow', 'slow motion'];

/** How long an exited process stays (fading, with its reason) before it is removed. */
export const EXIT_SHOW_MS = 2500;

/** How long a node that is down (or refused) keeps its card before it goes by itself. */
export const FORGET_DOWN_MS = 60_000;

/** More tokens than this at once are not drawn (the oldest go first): a flood stays cheap. */
export const MAX_IN_FLIGHT = 2000;
