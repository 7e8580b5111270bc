/**
 * Which processes are the tool's own (the node's built-ins: I/O server, name servers, tracer)
 * and which are the class's. The canvas folds the first away and draws no token between two
 * of them; message speed slows only what it draws (delivery-delay.ts, the link layer's
 * message-speed.ts), so the tool's own traffic never waits into a timeout.
 */
import type { Pid, Term } from '../term/types.ts';

/** BEAM-style system pids: the low id range the runtime gives built-in processes. */
export const USER_FIRST_ID = 100;

/** Registered names of built-in processes (BEAM's, and the playground's own). */
export const SYSTEM_NAMES: ReadonlySet<string> = new Set([
  'init', 'user', 'standard_error', 'code_server', 'application_controller', 'kernel_sup',
  'global_name_server', 'global_group', 'net_kernel', 'net_sup', 'auth', 'rex', 'erl_epmd',
  'inet_db', 'logger', 'erts_code_purger', 'erl_prim_loader', 'file_server_2', 'elixir_config',
  'tracer', 'dist_tracer', 'playground_tracer', 'playground_trace_viewer', 'playground_classroom',
]);

export function isSystemProcess(pid: Pid, name: string | null): boolean {
  return pid.id < USER_FIRST_ID || (name !== null && SYSTEM_NAMES.has(name));
}

/**
 * Whether one end of a message is (as far as its term tells) a process of the class: a pid out
 * of the system range, a registered name the tool does not use, or `{name, node}` of such a name.
 */
export function classEndpoint(end: Pid | Term | null): boolean {
  if (end === null || typeof end !== 'object') return false;
  if (end.kind === 'pid') return end.id >= USER_FIRST_ID;
  const name = end.kind === 'atom' ? end : end.kind === 'tuple' ? end.elements[0] : undefined;
  return typeof name === 'object' && name.kind === 'atom' && !SYSTEM_NAMES.has(name.name);
}
