/**
 * Crash reports as Elixir 1.14 prints them when a process dies of an exception:
 *
 *     (blank line)
 *     12:37:40.760 [error] Process #PID<0.115.0> raised an exception
 *     ** (RuntimeError) boom
 *
 * The header is the runtime's; the exception text comes from a formatter the language layer
 * gives the node (it knows exception structs and stacktraces). The default prints the raw term
 * with `inspect`, as Elixir prints an error that is not an exception (ErlangError).
 * `exit/1` deaths print nothing, as on BEAM.
 */
import type { Atom, Pid } from '../term/types.ts';
import { inspect } from '../term/inspect.ts';
import type { CrashInfo } from './process-body.ts';

export type CrashFormatter = (crash: CrashInfo) => string;
/** The `HH:MM:SS.mmm` stamp in front of a log line. */
export type Timestamp = () => string;

/**
 * On a named node Elixir says where: `Process #PID<0.103.0> on node :one@vm raised an exception`.
 * `nodeNumber` is the printing node's number for the pid's node (0 for a local process; a
 * report forwarded from another node shows that node's number).
 */
export function crashReport(pid: Pid, crash: CrashInfo, format: CrashFormatter, node?: Atom, nodeNumber = 0): string {
  const where = node === undefined || node.name === 'nonode@nohost' ? '' : ` on node ${inspect(node)}`;
  return `Process #PID<${nodeNumber}.${pid.id}.${pid.serial}>${where} raised an exception\n${format(crash)}`;
}

/** The line Elixir prints for an uncaught error/throw when no language formatter is given. */
export const defaultCrashFormatter: CrashFormatter = (crash) =>
  crash.kind === 'throw'
    ? `** (ErlangError) Erlang error: {:nocatch, ${inspect(crash.value)}}`
    : `** (ErlangError) Erlang error: ${inspect(crash.value)}`;

/** HH:MM:SS.mmm of a millisecond timestamp, in UTC (deterministic in tests). */
export function formatClockTime(ms: number): string {
  const d = Math.floor(ms);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const h = Math.floor(d / 3_600_000) % 24;
  const m = Math.floor(d / 60_000) % 60;
  const s = Math.floor(d / 1000) % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(d % 1000, 3)}`;
}
