/**
 * How Elixir writes Date, Time, NaiveDateTime and DateTime (Calendar.ISO): the text of
 * `to_string/1` ("2024-01-31 12:30:00Z") and of Inspect (`~U[2024-01-31 12:30:00Z]`). The
 * fraction shows `precision` digits of the microseconds (`{120000, 3}` → `.120`).
 */
import { atom, type MapTerm, type Term } from './types.ts';

export type CalendarKind = 'Date' | 'Time' | 'NaiveDateTime' | 'DateTime';

const KINDS = new Map<Term, CalendarKind>(
  (['Date', 'Time', 'NaiveDateTime', 'DateTime'] as const).map((k) => [atom(`Elixir.${k}`), k]),
);
const STRUCT = atom('__struct__');
const ISO = atom('Elixir.Calendar.ISO');

const int = (t: Term | undefined): t is number => typeof t === 'number' && Number.isInteger(t);
const pad = (n: number, w: number) => (n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0'));

/** The kind of a well-formed ISO calendar struct, or undefined (it then prints as a map). */
export function calendarKind(m: MapTerm): CalendarKind | undefined {
  const kind = KINDS.get(m.entries.get(STRUCT)?.[1] as Term);
  if (kind === undefined || m.entries.get(atom('calendar'))?.[1] !== ISO) return undefined;
  const f = (k: string) => m.entries.get(atom(k))?.[1];
  const dateOk = kind === 'Time' || (int(f('year')) && int(f('month')) && int(f('day')));
  const timeOk = kind === 'Date' || (int(f('hour')) && int(f('minute')) && int(f('second')) && fraction(f('microsecond')) !== undefined);
  const zoneOk = kind !== 'DateTime' || (int(f('utc_offset')) && int(f('std_offset')) && isText(f('time_zone')) && isText(f('zone_abbr')));
  return dateOk && timeOk && zoneOk ? kind : undefined;
}

const isText = (t: Term | undefined) => typeof t === 'object' && t.kind === 'binary' && t.text !== null;
const text = (t: Term | undefined) => (typeof t === 'object' && t.kind === 'binary' ? (t.text ?? '') : '');

/** `.123` of `{123000, 3}`, '' for precision 0, undefined when not a microsecond tuple. */
function fraction(t: Term | undefined): string | undefined {
  if (typeof t !== 'object' || t.kind !== 'tuple' || t.elements.length !== 2) return undefined;
  const [us, p] = t.elements;
  if (!int(us) || !int(p) || us < 0 || us > 999_999 || p < 0 || p > 6) return undefined;
  return p === 0 ? '' : '.' + String(us).padStart(6, '0').slice(0, p);
}

function offsetText(total: number): string {
  const sign = total < 0 ? '-' : '+';
  const a = Math.abs(total);
  return `${sign}${pad(Math.floor(a / 3600), 2)}:${pad(Math.floor((a % 3600) / 60), 2)}`;
}

/** `to_string/1` of a calendar struct; `sep` is ' ' (to_string) or 'T' (to_iso8601). */
export function calendarText(m: MapTerm, kind: CalendarKind, sep = ' '): string {
  const f = (k: string) => m.entries.get(atom(k))?.[1] as number;
  const date = `${pad(f('year'), 4)}-${pad(f('month'), 2)}-${pad(f('day'), 2)}`;
  const time = () => `${pad(f('hour'), 2)}:${pad(f('minute'), 2)}:${pad(f('second'), 2)}${fraction(m.entries.get(atom('microsecond'))?.[1]) ?? ''}`;
  switch (kind) {
    case 'Date':
      return date;
    case 'Time':
      return time();
    case 'NaiveDateTime':
      return `${date}${sep}${time()}`;
    case 'DateTime': {
      const zone = text(m.entries.get(atom('time_zone'))?.[1]);
      const offset = f('utc_offset') + f('std_offset');
      if (zone === 'Etc/UTC' && offset === 0) return `${date}${sep}${time()}Z`;
      const base = `${date}${sep}${time()}${offsetText(offset)}`;
      return sep === 'T' ? base : `${base} ${text(m.entries.get(atom('zone_abbr'))?.[1])} ${zone}`;
    }
  }
}

const SIGILS: Record<CalendarKind, string> = { Date: 'D', Time: 'T', NaiveDateTime: 'N', DateTime: 'U' };

/** Inspect: `~D[2024-01-31]`; a DateTime outside UTC as `#DateTime<… +01:00 CET Europe/Paris>`. */
export function calendarInspect(m: MapTerm, kind: CalendarKind): string {
  const body = calendarText(m, kind);
  if (kind === 'DateTime' && !body.endsWith('Z')) return `#DateTime<${body}>`;
  return `~${SIGILS[kind]}[${body}]`;
}

const DATE_RANGE = atom('Elixir.Date.Range');

/** Inspect of a `%Date.Range{}`: `Date.range(~D[…], ~D[…])`, the step shown when not 1. */
export function dateRangeInspect(m: MapTerm): string | undefined {
  if (m.entries.get(STRUCT)?.[1] !== DATE_RANGE) return undefined;
  const [first, last, step] = ['first', 'last', 'step'].map((k) => m.entries.get(atom(k))?.[1]);
  const ends = [first, last].map((d) => (typeof d === 'object' && d.kind === 'map' && calendarKind(d) === 'Date' ? calendarInspect(d, 'Date') : undefined));
  if (ends[0] === undefined || ends[1] === undefined || !int(step)) return undefined;
  return `Date.range(${ends[0]}, ${ends[1]}${step === 1 ? '' : `, ${step}`})`;
}
