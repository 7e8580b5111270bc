/**
 * The node's `net_kernel`: a built-in system process, registered as `:net_kernel`, that does the
 * distribution layer's periodic and deferred work inside the node's own scheduler, so the host
 * needs no extra timer for distribution:
 * - flushes connections' queued packets when asked from outside a scheduler slice (what
 *   processes send goes out at the end of their slice instead: RemoteRouter.flush), and every
 *   connection's output (ticks) on each of its turns,
 * - runs the tick check every tick interval and the handshake setup timeouts (its `receive`
 *   `after` is the next deadline, on the node's injected clock),
 * - receives the mesh messages peers send when a connection comes up (`{:"$mesh", nodes}`), as
 *   `:global` receives its node lists on BEAM, and connects to the nodes it did not know.
 */
import { Tuple, atom, list } from '../core/term/types.ts';
import type { Atom, Pid, Term } from '../core/term/types.ts';
import type { ProcessBody } from '../core/runtime/process-body.ts';
import { TIMEOUT, generatorBody, receive } from '../core/runtime/bodies.ts';

export const NET_KERNEL = atom('net_kernel');
export const FLUSH = atom('$flush');
export const MESH = atom('$mesh');

export interface KernelWork {
  /** Handles one message (or a timeout: null); returns ms until it must run again, or null. */
  work(message: Term | null): number | null;
}

export function kernelBody(k: KernelWork): ProcessBody {
  return generatorBody(function* () {
    let wait = k.work(null);
    for (;;) {
      const m = yield receive(() => true, wait === null ? null : Math.max(0, wait));
      wait = k.work(m === TIMEOUT ? null : (m as Term));
    }
  }, ['net_kernel', 'loop', 1]);
}

/** `{:"$mesh", [node, ...]}`: the nodes the sender is connected to. */
export function meshMessage(nodes: readonly Atom[]): Term {
  return new Tuple([MESH, list(nodes)]);
}

/** The node names in a mesh message, or null when `m` is not one (anything malformed is ignored). */
export function meshNodes(m: Term): Atom[] | null {
  if (typeof m !== 'object' || m.kind !== 'tuple' || m.elements.length !== 2 || m.elements[0] !== MESH) return null;
  const out: Atom[] = [];
  for (let l = m.elements[1] as Term; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const h = l.head;
    if (typeof h === 'object' && h.kind === 'atom' && /^[^@]+@[^@]+$/u.test(h.name)) out.push(h);
    if (out.length > 1000) break;
  }
  return out;
}

const GEN_CALL = atom('$gen_call');
const IS_AUTH = atom('is_auth');
export const YES = atom('yes');

/**
 * `{'$gen_call', {From, Tag}, {is_auth, Node}}`: what `net_adm:ping/1` on a BEAM node asks our
 * net_kernel (net_kernel.erl answers `yes` to any node that got through the handshake). The
 * caller waits without a timeout, so it must be answered: `From ! {Tag, yes}`.
 */
export function isAuthCall(m: Term): { from: Pid; tag: Term } | null {
  if (typeof m !== 'object' || m.kind !== 'tuple' || m.elements.length !== 3 || m.elements[0] !== GEN_CALL) return null;
  const [, from, req] = m.elements as [Term, Term, Term];
  if (typeof from !== 'object' || from.kind !== 'tuple' || from.elements.length !== 2) return null;
  const pid = from.elements[0] as Term;
  if (typeof pid !== 'object' || pid.kind !== 'pid') return null;
  if (typeof req !== 'object' || req.kind !== 'tuple' || req.elements.length !== 2 || req.elements[0] !== IS_AUTH) return null;
  return { from: pid, tag: from.elements[1] as Term };
}
