/**
 * %Date{}, %Time{}, %NaiveDateTime{} and %DateTime{} (Etc/UTC only) as terms: building them
 * from parts and reading the parts back, as Calendar.ISO structs. A function given something
 * else fails the way Elixir's does: FunctionClauseError in the named function.
 */
import { atom, Tuple, Binary, type MapTerm, type Term } from '../../term/types.ts';
import { mapFromPairs } from '../../term/map.ts';
import { functionClause } from './errors.ts';
import type { DateTimeParts, Hms, Ymd } from './calendar-iso.ts';

const STRUCT = atom('__struct__');
const CALENDAR: readonly [Term, Term] = [atom('calendar'), atom('Elixir.Calendar.ISO')];

const ymdPairs = (d: Ymd): [Term, Term][] => [[atom('year'), d.year], [atom('month'), d.month], [atom('day'), d.day]];
const hmsPairs = (t: Hms): [Term, Term][] => [
  [atom('hour'), t.hour], [atom('minute'), t.minute], [atom('second'), t.second],
  [atom('microsecond'), new Tuple([t.us, t.precision])],
];
const struct = (name: string, pairs: [Term, Term][]): MapTerm => mapFromPairs([[STRUCT, atom(`Elixir.${name}`)], CALENDAR, ...pairs]);

export const dateTerm = (d: Ymd): MapTerm => struct('Date', ymdPairs(d));
export const timeTerm = (t: Hms): MapTerm => struct('Time', hmsPairs(t));
export const naiveTerm = (p: DateTimeParts): MapTerm => struct('NaiveDateTime', [...ymdPairs(p), ...hmsPairs(p)]);
export const utcTerm = (p: DateTimeParts): MapTerm =>
  struct('DateTime', [
    ...ymdPairs(p), ...hmsPairs(p),
    [atom('time_zone'), Binary.fromString('Etc/UTC')], [atom('zone_abbr'), Binary.fromString('UTC')],
    [atom('utc_offset'), 0], [atom('std_offset'), 0],
  ]);

/** Where a failed read reports: `Date.add/2` fails as `no function clause matching in Date.add/2`. */
export interface Caller {
  readonly module: string;
  readonly name: string;
  readonly arity: number;
}

function field(t: Term, key: string, at: Caller): number {
  const v = typeof t === 'object' && t.kind === 'map' ? t.entries.get(atom(key))?.[1] : undefined;
  return typeof v === 'number' && Number.isInteger(v) ? v : functionClause(at.module, at.name, at.arity);
}

/** The date of any struct that has one (Date, NaiveDateTime, DateTime), as Date's functions take. */
export function readYmd(t: Term, at: Caller): Ymd {
  return { year: field(t, 'year', at), month: field(t, 'month', at), day: field(t, 'day', at) };
}

export function readHms(t: Term, at: Caller): Hms {
  const us = typeof t === 'object' && t.kind === 'map' ? t.entries.get(atom('microsecond'))?.[1] : undefined;
  const [micro, precision] = typeof us === 'object' && us.kind === 'tuple' ? us.elements : [];
  if (typeof micro !== 'number' || typeof precision !== 'number') return functionClause(at.module, at.name, at.arity);
  return { hour: field(t, 'hour', at), minute: field(t, 'minute', at), second: field(t, 'second', at), us: micro, precision };
}

export const readParts = (t: Term, at: Caller): DateTimeParts => ({ ...readYmd(t, at), ...readHms(t, at) });

/** A DateTime's offset from UTC in seconds (utc_offset + std_offset). */
export const offsetOf = (t: Term, at: Caller): number => field(t, 'utc_offset', at) + field(t, 'std_offset', at);
