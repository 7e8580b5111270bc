/**
 * Callbacks the controls call; the composition root connects them to the distribution layer
 * (which honours pause/step and owns the link conditioner): `controlsFor` in wiring.ts makes
 * them from the classroom conditioner. Every one is optional: a control whose callback is
 * missing is shown disabled.
 */

import type { PauseView } from './pause-view.ts';

/** Holding and releasing delivery of messages between nodes. */
export interface DeliveryControls {
  /** The pause as it is now on this node (polled: a teacher's pause arrives over the wire), with the held list. */
  readonly pause?: () => PauseView;
  /** Hold (true) or resume (false) delivery between nodes. */
  readonly onPauseChange?: (paused: boolean) => void;
  /** While paused: release the next held message. */
  readonly onStep?: () => void;
  /** Messages held now (shown beside Step); read when the controls render. */
  readonly held?: () => number;
  /** Held messages per node, when pause acts on the whole cluster (the cluster view is on); else empty. */
  readonly heldByNode?: () => readonly (readonly [string, number])[];
  /** "Slow network": a delay in ms on every link (0 turns it off). */
  readonly onSlowNetwork?: (ms: number) => void;
}

/** Fault injection on this tab's connection to `node` (the link conditioner of src/distribution/middleware/conditioner.ts). */
export interface ClassroomControls {
  readonly onCut?: (node: string) => void;
  readonly onHeal?: (node: string) => void;
  /** Delay in ms added to each packet (0 clears it). */
  readonly onDelay?: (node: string, ms: number) => void;
  /** Probability in [0, 1] that a packet is lost (0 clears it). */
  readonly onDropRate?: (node: string, probability: number) => void;
  /** Closes a node: this tab's own (it leaves the cluster) or another one (asked through its tracer). */
  readonly onCloseNode?: (node: string) => void;
}
