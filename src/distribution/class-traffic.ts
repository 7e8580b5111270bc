/**
 * Which control messages are the class's traffic: a message or signal with a process of the
 * class at one end (core/runtime/system-processes.ts), not the tool's own (net_kernel, :global,
 * the tracer, the classroom controls). Message speed slows only these (middleware/message-speed.ts),
 * so the tool's packets may overtake them; for the same reason only these use the atom cache
 * (connection.ts): a packet that may overtake others must neither fill nor read the cache.
 */
import { classEndpoint } from '../core/runtime/system-processes.ts';
import type { ControlMessage } from './control.ts';

export function isClassMessage(m: ControlMessage): boolean {
  switch (m.type) {
    case 'reg_send':
      return classEndpoint(m.from) || classEndpoint(m.name);
    case 'alias_send':
      return classEndpoint(m.from);
    case 'monitor':
    case 'demonitor':
      return classEndpoint(m.from) || classEndpoint(m.target);
    case 'spawn_request':
      return classEndpoint(m.from);
    case 'spawn_reply':
      return classEndpoint(m.to);
    default:
      return classEndpoint(m.from) || classEndpoint(m.to);
  }
}
