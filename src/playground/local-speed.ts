/**
 * The message speed of a node's local messages: the runtime's delivery-delay seam
 * (core/runtime/delivery-delay.ts) given the policy the link layer follows for remote ones
 * (distribution/middleware/message-speed.ts): the class's messages wait `ms`, the tool's own
 * (between two of its processes, or the page's eval request to the shell) go at once.
 */
import type { Node } from '../core/runtime/node.ts';
import type { DeliveryDelay } from '../core/runtime/delivery-delay.ts';
import { classEndpoint } from '../core/runtime/system-processes.ts';
import { isEvalRequest } from '../core/shell/shell-process.ts';

/** How long a local message takes at message speed `ms`. */
export function classDelay(ms: number): DeliveryDelay {
  return (from, to, message) => ((classEndpoint(from) || classEndpoint(to)) && !isEvalRequest(message) ? ms : 0);
}

/** Sets `node`'s local message speed; 0 is no delay at all (what waits goes on at once, in order). */
export function setLocalSpeed(node: Node, ms: number): void {
  node.setDeliveryDelay(ms > 0 ? classDelay(ms) : null);
}
