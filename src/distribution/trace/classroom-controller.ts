/**
 * The teacher's side of the cluster-wide classroom controls: a built-in process (registered as
 * `:playground_classroom`) that sends each request to the tracer of every node the cluster view
 * follows, this node's own included, and keeps the state each one reports (classroom-wire.ts).
 *
 * - Pause/resume and slow network go to every node. Each node then holds (or delays) only what
 *   it sends, so a message between two students is held once, at its sender.
 * - Step releases one message in the whole cluster. The rule, simple and honest: the nodes are
 *   asked in turn, in name order, starting after the node that released the previous step; the
 *   first one that had something held releases its oldest message and the round stops. A node
 *   with nothing held answers `released: false` and the next is asked. (Tabs' clocks are not
 *   comparable, so "the oldest message in the cluster" is not something we can know honestly.)
 * - Each node tells what it holds (classroom-held.ts) before its state: `held()` is the latest
 *   list per node, `steps()` what each step of this pause released, and where (bounded: the
 *   last STEPS_KEPT).
 * - `refresh()` asks every node for its state (the UI polls it while paused to show held counts),
 *   and a node whose state differs from what the teacher set (it joined after the pause, say)
 *   is sent the request again.
 */
import { Tuple, atom, type Atom, type Pid, type Term } from '../../core/term/types.ts';
import type { Node } from '../../core/runtime/node.ts';
import { loopBody } from '../../core/runtime/bodies.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { TRACER_NAME } from './wire.ts';
import type { TraceSelf } from './tracer.ts';
import { CLASSROOM_NAME, CLASSROOM_STATE, classroomRequest, decodeState, type ClassroomCommand, type ClassroomState } from './classroom-wire.ts';
import { CLASSROOM_HELD, decodeHeld, type HeldReport } from './classroom-held.ts';
import type { HeldMessage } from '../middleware/held-message.ts';

/** What one step released (null: the node did not say), and on which node (null: this tab's own). */
export interface StepRelease {
  readonly node: string | null;
  readonly message: HeldMessage | null;
}

const STEPS_KEPT = 50;

const REQUEST = atom('$request');
const STEP = atom('$step');

export interface ClassroomController {
  readonly pid: Pid;
  /** Pauses (true) or resumes (false) delivery between every node. */
  pause(on: boolean): void;
  /** Releases one held message somewhere in the cluster (see the rule above). */
  step(): void;
  /** A delay in ms on every link of every node (0 turns it off). */
  slowNetwork(ms: number): void;
  /** Asks every node for its state. */
  refresh(): void;
  readonly paused: boolean;
  readonly slowMs: number;
  /** The latest state each node reported, for the nodes followed now, in name order. */
  states(): ClassroomState[];
  /** The held messages each node last told about (while paused), in name order. */
  held(): HeldReport[];
  /** What each step of the current pause released, oldest first. */
  steps(): readonly StepRelease[];
}

/**
 * `targets()`: the nodes to act on (this one and the ones the cluster view follows); `wake`: the
 * host loop's, called after a request from outside any process.
 */
export function startClassroomController(node: Node, self: TraceSelf, targets: () => Atom[], wake: () => void = () => {}): ClassroomController {
  const known = new Map<string, ClassroomState>();
  const heldOn = new Map<string, HeldReport>();
  let steps: StepRelease[] = [];
  let paused = false;
  let slowMs = 0;
  // A student's own slow network is left alone until the teacher sets one.
  let slowSet = false;
  let lastStepped: string | null = null;
  // The nodes still to ask in the current step round (null: no round).
  let round: Atom[] | null = null;

  const ask = (proc: ProcessApi, n: Atom, c: ClassroomCommand) => proc.send(new Tuple([TRACER_NAME, n]), classroomRequest(proc.self, c));
  /** The entries of `m` for the nodes followed now, in name order. */
  const latest = <T>(m: ReadonlyMap<string, T>): T[] => sorted().flatMap((n) => (m.has(n.name) ? [m.get(n.name) as T] : []));
  const sorted = () => [...targets()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const startRound = (proc: ProcessApi) => {
    const all = sorted();
    const after = lastStepped === null ? 0 : all.findIndex((n) => n.name > (lastStepped as string));
    const start = after < 0 ? 0 : after;
    round = [...all.slice(start), ...all.slice(0, start)];
    next(proc);
  };
  const next = (proc: ProcessApi) => {
    const n = round?.[0];
    if (n === undefined) round = null;
    else ask(proc, n, { kind: 'step' });
  };

  const onState = (s: ClassroomState, proc: ProcessApi) => {
    known.set(s.node, s);
    if (!s.holding) heldOn.delete(s.node);
    // Only the answer to the step counts for the round: a status answer the node sent before
    // it took the step (the UI polls while paused) must not move the round on without it.
    if (round !== null && round[0]?.name === s.node && s.stepped) {
      if (s.released) {
        steps = [...steps.slice(1 - STEPS_KEPT), { node: s.node, message: heldOn.get(s.node)?.released ?? null }];
        lastStepped = s.node;
        round = null;
      } else {
        round.shift();
        next(proc);
      }
      return;
    }
    // Bring a node that differs from what the teacher set in line (it joined later, or restarted).
    const n = atom(s.node);
    if (s.holding !== paused) ask(proc, n, { kind: paused ? 'pause' : 'resume' });
    if (slowSet && s.slowMs !== slowMs) ask(proc, n, { kind: 'delay', ms: slowMs });
  };

  const handle = (m: Term, proc: ProcessApi) => {
    if (!(m instanceof Tuple)) return;
    const [tag, arg] = m.elements;
    if (tag === CLASSROOM_HELD) {
      const r = decodeHeld(m);
      // Only the nodes followed: a peer naming others must not grow this map.
      if (r !== null && targets().some((n) => n.name === r.node)) heldOn.set(r.node, r);
    } else if (tag === CLASSROOM_STATE) {
      const s = decodeState(m);
      if (s !== null) onState(s, proc);
    } else if (tag === REQUEST && typeof arg === 'object' && arg.kind === 'atom') {
      const c: ClassroomCommand = arg.name === 'delay' ? { kind: 'delay', ms: slowMs } : { kind: arg.name as 'pause' | 'resume' | 'status' };
      for (const n of targets()) ask(proc, n, c);
    } else if (tag === STEP) startRound(proc);
  };

  const pid = node.spawn(loopBody(null, (m, s, proc) => (handle(m, proc), s), ['playground_classroom', 'loop', 1]), { system: true });
  self.add(pid);
  node.register(CLASSROOM_NAME, pid);
  const request = (kind: string) => {
    node.send(pid, new Tuple([REQUEST, atom(kind)]));
    wake();
  };

  return {
    pid,
    pause(on) {
      paused = on;
      steps = [];
      heldOn.clear();
      request(on ? 'pause' : 'resume');
    },
    step() {
      node.send(pid, new Tuple([STEP]));
      wake();
    },
    slowNetwork(ms) {
      slowMs = Math.max(0, ms);
      slowSet = true;
      request('delay');
    },
    refresh: () => request('status'),
    get paused() {
      return paused;
    },
    get slowMs() {
      return slowMs;
    },
    states: () => latest(known),
    held: () => latest(heldOn),
    steps: () => steps,
  };
}
