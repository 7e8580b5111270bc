/**
 * The controls' callbacks made from the real thing: the classroom conditioner on this tab's
 * transport (src/distribution/middleware/network-controls.ts; its pause, step and slow network act on the whole
 * cluster while the cluster view is on, cluster-controls.ts) and the node's distribution. The composition root
 * calls `controlsFor(...)` once and passes the result to <Playground delivery classroom />.
 */
import { Tuple, atom } from '../../core/term/types.ts';
import type { Node } from '../../core/runtime/node.ts';
import type { Distribution } from '../../distribution/dist-types.ts';
import { CLOSE_NODE } from '../../distribution/trace/tracer.ts';
import { TRACER_NAME } from '../../distribution/trace/wire.ts';
import type { NetworkConditioner } from '../../distribution/middleware/network-controls.ts';
import type { ClassroomControls, DeliveryControls } from './types.ts';
import { readPause } from './pause-view.ts';

export interface ControlTargets {
  readonly node: Node;
  readonly conditioner: NetworkConditioner;
  /** The node's distribution, once alive (closing this node stops it). */
  readonly dist: () => Distribution | null;
}

export function controlsFor({ node, conditioner, dist }: ControlTargets): { delivery: DeliveryControls; classroom: ClassroomControls } {
  return {
    delivery: {
      pause: () => readPause(conditioner),
      onPauseChange: (paused) => conditioner.hold(paused),
      onStep: () => void conditioner.releaseOne(),
      held: () => conditioner.held(),
      heldByNode: () => conditioner.heldByNode(),
      onSlowNetwork: (ms) => conditioner.slowNetwork(ms),
    },
    classroom: {
      onCut: (n) => conditioner.cut(n),
      onHeal: (n) => conditioner.heal(n),
      onDelay: (n, ms) => conditioner.delay(n, ms),
      onDropRate: (n, p) => conditioner.dropRate(n, p),
      onCloseNode: (n) => {
        if (n === node.name.name) dist()?.stop();
        else node.send(new Tuple([TRACER_NAME, atom(n)]), new Tuple([CLOSE_NODE, node.groupLeader]));
      },
    },
  };
}
