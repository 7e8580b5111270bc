/**
 * Classroom controls over the whole cluster: a teacher's tab asks every node's tracer to pause,
 * step, resume or slow its own links, as it asks one to close (`{:close_node, from}`).
 *
 *   controller → {:playground_tracer, node}   {:classroom, from, :pause | :resume | :step | :status | {:delay, ms}}
 *   tracer → from                            {:classroom_state, node, holding, held, slow_ms, released}
 *
 * `released` is `true`/`false` in the answer to a `:step` (whether it released a message) and
 * `nil` in any other answer, so a status answer already on its way is never taken for the step's.
 *
 * The tracer applies the request to its node's conditioner (a ClassroomTarget, given by the
 * host: src/distribution stays pure) and answers with the node's state; `released` says whether a
 * `:step` released a message. A tracer that was paused or slowed by a controller monitors it,
 * and when the controller goes away (its tab closed: nodedown, `:noconnection`) it resumes and
 * drops the delay it was given, so a class is never left paused by a teacher who left. It
 * monitors `{:playground_classroom, node}` of `from`'s node by name (not `from` itself): a paused
 * gate lets the tracing service's monitors pass only when they name one of its processes.
 */
import { Tuple, atom, bool, FALSE, NIL_ATOM, TRUE, type Atom, type Pid, type Ref, type Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { isPid, isRef, isAtom } from './guards.ts';
import type { HeldMessage } from '../middleware/held-message.ts';
import { encodeHeld, HELD_SHOWN } from './classroom-held.ts';

export const CLASSROOM = atom('classroom');
/** The teacher's controller process (classroom-controller.ts), which a paused tracer monitors. */
export const CLASSROOM_NAME = atom('playground_classroom');
export const CLASSROOM_STATE = atom('classroom_state');
const PAUSE = atom('pause');
const RESUME = atom('resume');
const STEP = atom('step');
const STATUS = atom('status');
const DELAY = atom('delay');
const DOWN = atom('DOWN');

export type ClassroomCommand = { readonly kind: 'pause' | 'resume' | 'step' | 'status' } | { readonly kind: 'delay'; readonly ms: number };

/** One node's classroom state, as its tracer reports it. */
export interface ClassroomState {
  readonly node: string;
  readonly holding: boolean;
  readonly held: number;
  readonly slowMs: number;
  /** The request was a step and it released a message. */
  readonly released: boolean;
  /** This answers a step (released or not), not a status request or a pause. */
  readonly stepped: boolean;
}

/** What a node's tracer acts on: the pause/step gate and slow network of its own links. */
export interface ClassroomTarget {
  /** Holds (true) or releases everything (false); a remote pause holds outgoing messages only. `by`: the node that asked. */
  hold(on: boolean, by?: string): void;
  readonly holding: boolean;
  releaseOne(): boolean;
  held(): number;
  slowNetwork(ms: number): void;
  readonly slowNetworkMs: number;
  /** What is held, told to the teacher (classroom-held.ts); without it only counts are. */
  heldMessages?(limit: number): HeldMessage[];
  lastReleased?(): HeldMessage | null;
  readonly pausedBy?: string | null;
}

export function encodeCommand(c: ClassroomCommand): Term {
  return c.kind === 'delay' ? new Tuple([DELAY, c.ms]) : atom(c.kind);
}

export function decodeCommand(t: Term | undefined): ClassroomCommand | null {
  if (t === PAUSE || t === RESUME || t === STEP || t === STATUS) return { kind: t.name as 'pause' | 'resume' | 'step' | 'status' };
  if (t instanceof Tuple && t.elements.length === 2 && t.elements[0] === DELAY && typeof t.elements[1] === 'number' && t.elements[1] >= 0) {
    return { kind: 'delay', ms: t.elements[1] };
  }
  return null;
}

export function classroomRequest(from: Pid, c: ClassroomCommand): Term {
  return new Tuple([CLASSROOM, from, encodeCommand(c)]);
}

export function encodeState(s: ClassroomState): Term {
  return new Tuple([CLASSROOM_STATE, atom(s.node), bool(s.holding), s.held, s.slowMs, s.stepped ? bool(s.released) : NIL_ATOM]);
}

export function decodeState(t: Term): ClassroomState | null {
  if (!(t instanceof Tuple) || t.elements.length !== 6 || t.elements[0] !== CLASSROOM_STATE) return null;
  const [, node, holding, held, slowMs, released] = t.elements;
  if (!isAtom(node) || typeof held !== 'number' || typeof slowMs !== 'number') return null;
  return { node: node.name, holding: holding === TRUE, held, slowMs, released: released === TRUE, stepped: released === TRUE || released === FALSE };
}

/**
 * The tracer's side: handles `{:classroom, ...}` requests and the DOWN of the controller it
 * follows. `handle` returns false for messages that are not its own.
 */
export function classroomAgent(target: ClassroomTarget, nodeName: Atom): { handle(m: Tuple, proc: ProcessApi): boolean } {
  let controller: { node: Atom; ref: Ref } | null = null;
  let slowFromController = false;
  const follow = (from: Pid, proc: ProcessApi) => {
    if (controller !== null && controller.node === from.node) return;
    if (controller !== null) proc.demonitor(controller.ref, true);
    controller = { node: from.node, ref: proc.monitor(new Tuple([CLASSROOM_NAME, from.node])) };
  };
  const state = (released: boolean, stepped: boolean): ClassroomState => ({
    node: nodeName.name, holding: target.holding, held: target.held(), slowMs: target.slowNetworkMs, released, stepped,
  });
  return {
    handle(m, proc) {
      const [tag, arg] = m.elements;
      if (tag === DOWN && controller !== null && isRef(arg) && sameRef(controller.ref, arg)) {
        // The teacher left: never leave the class paused or slowed by someone who is gone.
        controller = null;
        target.hold(false);
        if (slowFromController) target.slowNetwork(0);
        slowFromController = false;
        return true;
      }
      if (tag !== CLASSROOM || !isPid(arg) || m.elements.length !== 3) return false;
      const c = decodeCommand(m.elements[2]);
      if (c === null) return true;
      let released = false;
      if (c.kind === 'pause') {
        follow(arg, proc);
        target.hold(true, arg.node.name);
      } else if (c.kind === 'resume') target.hold(false);
      else if (c.kind === 'step') released = target.releaseOne();
      else if (c.kind === 'delay') {
        if (c.ms > 0) follow(arg, proc);
        target.slowNetwork(c.ms);
        slowFromController = c.ms > 0;
      }
      // The held list goes first: the state that follows ends the teacher's step round.
      if (target.heldMessages !== undefined && (target.holding || released)) {
        const r = released ? (target.lastReleased?.() ?? null) : null;
        proc.send(arg, encodeHeld({ node: nodeName.name, pausedBy: target.pausedBy ?? null, messages: target.heldMessages(HELD_SHOWN), released: r }));
      }
      proc.send(arg, encodeState(state(released, c.kind === 'step')));
      return true;
    },
  };
}

function sameRef(a: Ref, b: Ref): boolean {
  return a.node === b.node && a.ids.length === b.ids.length && a.ids.every((x, i) => x === b.ids[i]);
}
