/**
 * Crash reports as Elixir 1.14 prints them when a process dies of an exception:
 *
 *     (blank line)
 *     12:37:40.760 [error] Process #PID<0.115.0> raised an exception
 *     ** (RuntimeError) boom
 *
 * The header is the runtime's; the exception text comes from a formatter the language layer
 * gives the node (it knows exception structs and stacktraces). A plain default prints the raw
 * term, enough for TypeScript bodies and tests. `exit/1` deaths print nothing, as on BEAM.
 */
import type { Pid, Term } from '../term/types.ts';
import type { CrashInfo } from './process-body.ts';

export type CrashFormatter = (crash: CrashInfo) => string;
/** The `HH:MM:SS.mmm` stamp in front of a log line. */
export type Timestamp = () => string;

export function crashReport(pid: Pid, crash: CrashInfo, format: CrashFormatter): string {
  return `Process #PID<0.${pid.id}.${pid.serial}> raised an exception\n${format(crash)}`;
}

/** The line Elixir prints for an uncaught error/throw when no language formatter is given. */
export const defaultCrashFormatter: CrashFormatter = (crash) =>
  crash.kind === 'throw'
    ? `** (ErlangError) Erlang error: {:nocatch, ${plainInspect(crash.value)}}`
    : `** (ErlangError) Erlang error: ${plainInspect(crash.value)}`;

/** HH:MM:SS.mmm of a millisecond timestamp, in UTC (deterministic in tests). */
export function formatClockTime(ms: number): string {
  const d = Math.floor(ms);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const h = Math.floor(d / 3_600_000) % 24;
  const m = Math.floor(d / 60_000) % 60;
  const s = Math.floor(d / 1000) % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(d % 1000, 3)}`;
}

/**
 * A small inspect for the default formatter only: the language layer's formatter uses the
 * real one from term/inspect.ts. Covers what TypeScript bodies crash with.
 */
export function plainInspect(t: Term): string {
  if (typeof t === 'number') return String(t);
  if (typeof t === 'bigint') return t.toString();
  switch (t.kind) {
    case 'atom':
      return /^[a-z_][a-zA-Z0-9_@]*[?!]?$/.test(t.name) && t.name !== 'nil' && t.name !== 'true' && t.name !== 'false'
        ? `:${t.name}`
        : ['nil', 'true', 'false'].includes(t.name) ? t.name : `:${JSON.stringify(t.name)}`;
    case 'float':
      return Number.isInteger(t.value) ? `${t.value}.0` : String(t.value);
    case 'binary':
      return t.text !== null ? JSON.stringify(t.text) : `<<${[...t.bytes].join(', ')}>>`;
    case 'tuple':
      return `{${t.elements.map(plainInspect).join(', ')}}`;
    case 'nil':
      return '[]';
    case 'cons': {
      const items: string[] = [];
      let l: Term = t;
      while (typeof l === 'object' && l.kind === 'cons') {
        items.push(plainInspect(l.head));
        l = l.tail;
      }
      return typeof l === 'object' && l.kind === 'nil' ? `[${items.join(', ')}]` : `[${items.join(', ')} | ${plainInspect(l)}]`;
    }
    case 'pid':
      return `#PID<0.${t.id}.${t.serial}>`;
    case 'ref':
      return `#Reference<0.${[...t.ids].reverse().join('.')}>`;
    case 'map':
      return `%{${[...t.entries.values()].map(([k, v]) => `${plainInspect(k)} => ${plainInspect(v)}`).join(', ')}}`;
    case 'port':
      return `#Port<0.${t.id}>`;
    case 'fun':
      return `#Function<${t.arity}>`;
  }
}
