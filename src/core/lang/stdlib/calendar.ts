/**
 * Elixir's Date, Time, NaiveDateTime and DateTime (Etc/UTC) functions a textbook uses, over
 * Calendar.ISO (calendar-iso.ts), and the `~D ~T ~N ~U` sigils (the parser calls
 * `Calendar.ISO.__sigil__/2`). `utc_now`/`utc_today` read the node's wall clock. Results and
 * error texts are Elixir 1.14's.
 */
import { atom, Binary, bool, normInt, Tuple, type Term } from '../../term/types.ts';
import { inDateRange } from '../values.ts';
import { mapFromPairs } from '../../term/map.ts';
import { calendarText } from '../../term/calendar-format.ts';
import { inspect } from '../../term/inspect.ts';
import type { Bif, BifContext } from '../builtins.ts';
import { raise } from '../errors.ts';
import { at, defineBifs } from './define.ts';
import { functionClause } from './errors.ts';
import { perSecond } from './system-time.ts';
import {
  dayOfWeek, daysInMonth, floorDiv, fromIsoDays, isLeapYear, isoDays, parseDate, parseDateTime, parseTime, pointOfUs, pointUs,
  timeOfUs, timeUs, validDate, validTime, type DateTimeParts, type Hms, type ParseError, type Ymd,
} from './calendar-iso.ts';
import { dateTerm, naiveTerm, offsetOf, readHms, readParts, readYmd, timeTerm, utcTerm, type Caller } from './calendar-structs.ts';

const OK = atom('ok');
const ERROR = atom('error');
const ok = (t: Term) => new Tuple([OK, t]);
const err = (reason: string) => new Tuple([ERROR, atom(reason)]);
const int = (t: Term): t is number => typeof t === 'number' && Number.isInteger(t);
const ints = (a: readonly Term[], c: Caller): number[] => a.map((x) => (int(x) ? x : functionClause(c.module, c.name, c.arity)));
const caller = (module: string, name: string, arity: number): Caller => ({ module, name, arity });

function textArg(t: Term, c: Caller): string {
  return typeof t === 'object' && t.kind === 'binary' && t.text !== null ? t.text : functionClause(c.module, c.name, c.arity);
}

// System.convert_time_unit's words (Elixir 1.14 takes :day, :hour and :minute before it gets there).
const UNITS = 'Expected :second, :millisecond, :microsecond, :nanosecond, or a positive integer';
const SPAN_US = new Map<Term, bigint>([[atom('day'), 86_400_000_000n], [atom('hour'), 3_600_000_000n], [atom('minute'), 60_000_000n]]);

/** Parts per second of a System.time_unit, or Elixir's ArgumentError. */
function unitPerSecond(unit: Term, inspectUnit: () => string): bigint {
  const named = typeof unit === 'object' && unit.kind === 'atom' && ['second', 'millisecond', 'microsecond', 'nanosecond'].includes(unit.name);
  if (!named && !(int(unit) && unit > 0)) raise('ArgumentError', `unsupported time unit. ${UNITS}, got ${inspectUnit()}`);
  return perSecond(unit, 1);
}

/** `amount` of `unit` in microseconds (rounded toward minus infinity below a microsecond). */
function amountUs(amount: Term, unit: Term, c: Caller): bigint {
  if (!int(amount) && typeof amount !== 'bigint') return functionClause(c.module, c.name, c.arity);
  const span = SPAN_US.get(unit);
  if (span !== undefined) return BigInt(amount) * span;
  return floorDiv(BigInt(amount) * 1_000_000n, unitPerSecond(unit, () => inspect(unit)));
}

/** A microsecond difference in `unit` (day/hour/minute truncate, as Elixir's `div`). */
function diffIn(us: bigint, unit: Term): Term {
  const span = SPAN_US.get(unit);
  const n = span !== undefined ? us / span : floorDiv(us * unitPerSecond(unit, () => inspect(unit)), 1_000_000n);
  return Number.isSafeInteger(Number(n)) ? Number(n) : n;
}

/** Calendar.ISO's range, years -9999 to 9999, in ISO days. */
const MIN_DAYS = -3_652_059;
const MAX_DAYS = 3_652_424;

/** Calendar.ISO.date_from_iso_days/1: outside years -9999..9999 a FunctionClauseError, as Elixir's guard. */
function dateOfDays(days: bigint): Ymd {
  if (days < BigInt(MIN_DAYS) || days > BigInt(MAX_DAYS)) return functionClause('Calendar.ISO', 'date_from_iso_days', 1, [normInt(days)]);
  return fromIsoDays(Number(days));
}

/** A point in microseconds back to parts, within Calendar.ISO's range. */
function pointOf(us: bigint, precision: number): DateTimeParts {
  dateOfDays(floorDiv(us, 86_400_000_000n));
  return pointOfUs(us, precision);
}

const cmp = (a: bigint, b: bigint): Term => atom(a < b ? 'lt' : a > b ? 'gt' : 'eq');

const PRECISION = new Map<Term, number>([[atom('microsecond'), 6], [atom('millisecond'), 3], [atom('second'), 0]]);

/** Calendar.truncate: the fraction cut to `unit`'s digits, never raising the precision. */
function truncated<T extends Hms>(t: T, unit: Term, c: Caller): T {
  const p = PRECISION.get(unit) ?? functionClause(c.module, c.name, c.arity);
  const keep = 10 ** (6 - p);
  return { ...t, us: Math.floor(t.us / keep) * keep, precision: Math.min(p, t.precision) };
}

/** `{:ok, value}` or `{:error, reason}` of a parse. */
const parsed = <T>(r: T | ParseError, build: (v: T) => Term): Term => (typeof r === 'string' ? err(r) : ok(build(r)));

/** A bang function: the value of `{:ok, v}`, or ArgumentError `cannot <what>, reason: :r`. */
function bang(result: Term, what: string): Term {
  if (typeof result === 'object' && result.kind === 'tuple' && result.elements[0] === OK) return result.elements[1] as Term;
  const reason = typeof result === 'object' && result.kind === 'tuple' ? (result.elements[1] as Term) : result;
  return raise('ArgumentError', `cannot ${what}, reason: :${typeof reason === 'object' && reason.kind === 'atom' ? reason.name : ''}`);
}

function newDate(a: readonly Term[], c: Caller): Term {
  const [year, month, day] = ints(a.slice(0, 3), c) as [number, number, number];
  const d = { year, month, day };
  return validDate(d) ? ok(dateTerm(d)) : err('invalid_date');
}

/** Time.new's microsecond: an integer (precision 6) or `{us, precision}`. */
function microOf(t: Term, c: Caller): [number, number] {
  if (int(t)) return [t, 6];
  if (typeof t === 'object' && t.kind === 'tuple' && t.elements.length === 2) {
    const [us, p] = t.elements;
    if (int(us as Term) && int(p as Term)) return [us as number, p as number];
  }
  return functionClause(c.module, c.name, c.arity);
}

function newTime(a: readonly Term[], c: Caller): Term {
  const [hour, minute, second] = ints(a.slice(0, 3), c) as [number, number, number];
  const [us, precision] = a.length > 3 ? microOf(at(a, 3), c) : [0, 0];
  const t = { hour, minute, second, us, precision };
  return validTime(t) ? ok(timeTerm(t)) : err('invalid_time');
}

function newNaive(a: readonly Term[], c: Caller): Term {
  if (a.length === 2) return ok(naiveTerm({ ...readYmd(at(a, 0), c), ...readHms(at(a, 1), c) }));
  const d = newDate(a.slice(0, 3), c);
  const t = newTime(a.slice(3), c);
  for (const r of [d, t]) if ((r as Tuple).elements[0] === ERROR) return r;
  return ok(naiveTerm({ ...readYmd((d as Tuple).elements[1] as Term, c), ...readHms((t as Tuple).elements[1] as Term, c) }));
}

/** The wall clock now, as UTC parts with microsecond precision. */
function nowParts(ctx: BifContext): DateTimeParts {
  const unixUs = BigInt(Math.floor(ctx.proc.wallNow() * 1000));
  return pointOfUs(unixUs + UNIX_EPOCH_US, 6);
}

const UNIX_EPOCH_US = BigInt(isoDays({ year: 1970, month: 1, day: 1 })) * 86_400_000_000n;
/** DateTime's range: years -9999 to 9999. */
const MIN_US = pointUs({ year: -9999, month: 1, day: 1, hour: 0, minute: 0, second: 0, us: 0, precision: 0 });
const MAX_US = pointUs({ year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59, us: 999_999, precision: 0 });

function fromUnix(a: readonly Term[], c: Caller): Term {
  const unit = a.length > 1 ? at(a, 1) : atom('second');
  const us = amountUs(at(a, 0), unit, c) + UNIX_EPOCH_US;
  if (us < MIN_US || us > MAX_US) return err('invalid_unix_time');
  const per = unitPerSecond(unit, () => inspect(unit));
  const precision = per === 1n ? 0 : per <= 1000n ? 3 : 6;
  return ok(utcTerm(pointOfUs(us, precision)));
}

/** A DateTime's instant in UTC microseconds since 0000-01-01. */
const utcUs = (t: Term, c: Caller): bigint => pointUs(readParts(t, c)) - BigInt(offsetOf(t, c)) * 1_000_000n;
/** A DateTime's parts in UTC, at its own precision. */
const utcParts = (t: Term, c: Caller): DateTimeParts => pointOfUs(utcUs(t, c), readHms(t, c).precision);

/**
 * `%Date.Range{}`: first..last by `step` days (default 1, or -1 when last is earlier, as 1.14
 * allows). Its Enumerable is in CALENDAR_PRELUDE; Inspect prints `Date.range(first, last)`.
 */
function dateRange(first: Term, last: Term, step: Term | undefined): Term {
  const c = caller('Date', 'range', step === undefined ? 2 : 3);
  const [f, l] = [readYmd(first, c), readYmd(last, c)];
  const [fd, ld] = [isoDays(f), isoDays(l)];
  const by = step ?? (fd <= ld ? 1 : -1);
  if (!int(by) || by === 0) return raise('ArgumentError', `the step must be a non-zero integer, got: ${inspect(by)}`);
  return mapFromPairs([
    [atom('__struct__'), atom('Elixir.Date.Range')], [atom('first'), dateTerm(f)], [atom('last'), dateTerm(l)],
    [atom('first_in_iso_days'), fd], [atom('last_in_iso_days'), ld], [atom('step'), by],
  ]);
}

function dateBifs(): Bif[] {
  const D = (name: string, arity: number) => caller('Date', name, arity);
  const dateAdd = (d: Term, n: Term, ctx: BifContext): Term => {
    const days = isoDays(readYmd(d, D('add', 2)));
    // Not an integer: the `days + n` of Elixir's Date.add fails as :erlang.+ does.
    return int(n) || typeof n === 'bigint' ? dateTerm(dateOfDays(BigInt(days) + BigInt(n))) : (ctx.node.bif('erlang', '+', 2)?.fn([days, n], ctx) ?? functionClause('Date', 'add', 2));
  };
  return defineBifs('Elixir.Date', {
    'new/3': (a) => newDate(a, D('new', 3)),
    'new!/3': (a) => bang(newDate(a, D('new!', 3)), 'build date'),
    'utc_today/0': (_a, ctx) => dateTerm(nowParts(ctx)),
    'add/2': (a, ctx) => dateAdd(at(a, 0), at(a, 1), ctx),
    'diff/2': (a) => isoDays(readYmd(at(a, 0), D('diff', 2))) - isoDays(readYmd(at(a, 1), D('diff', 2))),
    'compare/2': (a) => cmp(BigInt(isoDays(readYmd(at(a, 0), D('compare', 2)))), BigInt(isoDays(readYmd(at(a, 1), D('compare', 2))))),
    'day_of_week/1': (a) => dayOfWeek(readYmd(at(a, 0), D('day_of_week', 1))),
    'leap_year?/1': (a) => atom(String(isLeapYear(readYmd(at(a, 0), D('leap_year?', 1)).year))),
    'days_in_month/1': (a) => {
      const d = readYmd(at(a, 0), D('days_in_month', 1));
      return daysInMonth(d.year, d.month);
    },
    'beginning_of_month/1': (a) => dateTerm({ ...readYmd(at(a, 0), D('beginning_of_month', 1)), day: 1 }),
    'end_of_month/1': (a) => {
      const d = readYmd(at(a, 0), D('end_of_month', 1));
      return dateTerm({ ...d, day: daysInMonth(d.year, d.month) });
    },
    'from_iso8601/1': (a) => parsed(parseDate(textArg(at(a, 0), D('from_iso8601', 1))), dateTerm),
    'from_iso8601!/1': (a) =>
      bang(parsed(parseDate(textArg(at(a, 0), D('from_iso8601!', 1))), dateTerm), `parse ${inspect(at(a, 0))} as date`),
    'to_iso8601/1': (a) => Binary.fromString(calendarText(dateTerm(readYmd(at(a, 0), D('to_iso8601', 1))), 'Date')),
    'to_string/1': (a) => Binary.fromString(calendarText(dateTerm(readYmd(at(a, 0), D('to_string', 1))), 'Date')),
    'from_erl/1': (a) => {
      const t = at(a, 0);
      return typeof t === 'object' && t.kind === 'tuple' && t.elements.length === 3 ? newDate(t.elements, D('from_erl', 1)) : functionClause('Date', 'from_erl', 1);
    },
    'to_erl/1': (a) => {
      const d = readYmd(at(a, 0), D('to_erl', 1));
      return new Tuple([d.year, d.month, d.day]);
    },
    'range/2': (a) => dateRange(at(a, 0), at(a, 1), undefined),
    'range/3': (a) => dateRange(at(a, 0), at(a, 1), at(a, 2)),
    '__from_iso_days__/1': (a) => dateTerm(dateOfDays(BigInt(at(a, 0) as number))),
    'year_of_era/1': (a) => {
      const { year } = readYmd(at(a, 0), D('year_of_era', 1));
      return year > 0 ? new Tuple([year, 1]) : new Tuple([1 - year, 0]);
    },
  });
}

function timeBifs(): Bif[] {
  const T = (name: string, arity: number) => caller('Time', name, arity);
  const add = (a: readonly Term[]): Term => {
    const c = T('add', a.length);
    const t = readHms(at(a, 0), c);
    return timeTerm(timeOfUs(timeUs(t) + amountUs(at(a, 1), a.length > 2 ? at(a, 2) : atom('second'), c), t.precision));
  };
  const diff = (a: readonly Term[]): Term => {
    const c = T('diff', a.length);
    return diffIn(timeUs(readHms(at(a, 0), c)) - timeUs(readHms(at(a, 1), c)), a.length > 2 ? at(a, 2) : atom('second'));
  };
  return defineBifs('Elixir.Time', {
    'new/3': (a) => newTime(a, T('new', 3)),
    'new/4': (a) => newTime(a, T('new', 4)),
    'new!/3': (a) => bang(newTime(a, T('new!', 3)), 'build time'),
    'new!/4': (a) => bang(newTime(a, T('new!', 4)), 'build time'),
    'utc_now/0': (_a, ctx) => timeTerm(nowParts(ctx)),
    'add/2': add,
    'add/3': add,
    'diff/2': diff,
    'diff/3': diff,
    'compare/2': (a) => cmp(timeUs(readHms(at(a, 0), T('compare', 2))), timeUs(readHms(at(a, 1), T('compare', 2)))),
    'truncate/2': (a) => timeTerm(truncated(readHms(at(a, 0), T('truncate', 2)), at(a, 1), T('truncate', 2))),
    'from_iso8601/1': (a) => parsed(parseTime(textArg(at(a, 0), T('from_iso8601', 1))), timeTerm),
    'from_iso8601!/1': (a) =>
      bang(parsed(parseTime(textArg(at(a, 0), T('from_iso8601!', 1))), timeTerm), `parse ${inspect(at(a, 0))} as time`),
    'to_iso8601/1': (a) => Binary.fromString(calendarText(timeTerm(readHms(at(a, 0), T('to_iso8601', 1))), 'Time')),
    'to_string/1': (a) => Binary.fromString(calendarText(timeTerm(readHms(at(a, 0), T('to_string', 1))), 'Time')),
  });
}

function naiveBifs(): Bif[] {
  const N = (name: string, arity: number) => caller('NaiveDateTime', name, arity);
  const add = (a: readonly Term[]): Term => {
    const c = N('add', a.length);
    const p = readParts(at(a, 0), c);
    return naiveTerm(pointOf(pointUs(p) + amountUs(at(a, 1), a.length > 2 ? at(a, 2) : atom('second'), c), p.precision));
  };
  const diff = (a: readonly Term[]): Term => {
    const c = N('diff', a.length);
    return diffIn(pointUs(readParts(at(a, 0), c)) - pointUs(readParts(at(a, 1), c)), a.length > 2 ? at(a, 2) : atom('second'));
  };
  const fromIso = (a: readonly Term[], c: Caller): Term => parsed(parseDateTime(textArg(at(a, 0), c)), (r) => naiveTerm(r.parts));
  const naiveNew = (n: number) => (a: readonly Term[]) => newNaive(a, N('new', n));
  const naiveNewBang = (n: number) => (a: readonly Term[]) => bang(newNaive(a, N('new!', n)), 'build naive datetime');
  return defineBifs('Elixir.NaiveDateTime', {
    'new/2': naiveNew(2), 'new/6': naiveNew(6), 'new/7': naiveNew(7),
    'new!/2': naiveNewBang(2), 'new!/6': naiveNewBang(6), 'new!/7': naiveNewBang(7),
    'utc_now/0': (_a, ctx) => naiveTerm(nowParts(ctx)),
    'add/2': add,
    'add/3': add,
    'diff/2': diff,
    'diff/3': diff,
    'compare/2': (a) => cmp(pointUs(readParts(at(a, 0), N('compare', 2))), pointUs(readParts(at(a, 1), N('compare', 2)))),
    'to_date/1': (a) => dateTerm(readYmd(at(a, 0), N('to_date', 1))),
    'to_time/1': (a) => timeTerm(readHms(at(a, 0), N('to_time', 1))),
    'truncate/2': (a) => naiveTerm(truncated(readParts(at(a, 0), N('truncate', 2)), at(a, 1), N('truncate', 2))),
    'from_iso8601/1': (a) => fromIso(a, N('from_iso8601', 1)),
    'from_iso8601!/1': (a) => bang(fromIso(a, N('from_iso8601!', 1)), `parse ${inspect(at(a, 0))} as naive datetime`),
    'to_iso8601/1': (a) => Binary.fromString(calendarText(naiveTerm(readParts(at(a, 0), N('to_iso8601', 1))), 'NaiveDateTime', 'T')),
    'to_string/1': (a) => Binary.fromString(calendarText(naiveTerm(readParts(at(a, 0), N('to_string', 1))), 'NaiveDateTime')),
  });
}

function dateTimeBifs(): Bif[] {
  const DT = (name: string, arity: number) => caller('DateTime', name, arity);
  const add = (a: readonly Term[]): Term => {
    const c = DT('add', a.length);
    const p = readParts(at(a, 0), c);
    return utcTerm(pointOf(utcUs(at(a, 0), c) + amountUs(at(a, 1), a.length > 2 ? at(a, 2) : atom('second'), c), p.precision));
  };
  const diff = (a: readonly Term[]): Term => {
    const c = DT('diff', a.length);
    return diffIn(utcUs(at(a, 0), c) - utcUs(at(a, 1), c), a.length > 2 ? at(a, 2) : atom('second'));
  };
  const toUnix = (a: readonly Term[]): Term => diffIn(utcUs(at(a, 0), DT('to_unix', a.length)) - UNIX_EPOCH_US, a.length > 1 ? at(a, 1) : atom('second'));
  const fromUnixBang = (a: readonly Term[]): Term => {
    const r = fromUnix(a, DT('from_unix!', a.length));
    return (r as Tuple).elements[0] === OK ? ((r as Tuple).elements[1] as Term) : raise('ArgumentError', `invalid Unix time ${inspect(at(a, 0))}`);
  };
  const fromIso = (a: readonly Term[], c: Caller): Term => {
    const r = parseUtc(textArg(at(a, 0), c));
    return typeof r === 'string' ? err(r) : new Tuple([OK, utcTerm(r.utc), r.offset]);
  };
  return defineBifs('Elixir.DateTime', {
    'utc_now/0': (_a, ctx) => utcTerm(nowParts(ctx)),
    'from_unix/1': (a) => fromUnix(a, DT('from_unix', 1)),
    'from_unix/2': (a) => fromUnix(a, DT('from_unix', 2)),
    'from_unix!/1': fromUnixBang,
    'from_unix!/2': fromUnixBang,
    'to_unix/1': toUnix,
    'to_unix/2': toUnix,
    'add/2': add,
    'add/3': add,
    'diff/2': diff,
    'diff/3': diff,
    'compare/2': (a) => cmp(utcUs(at(a, 0), DT('compare', 2)), utcUs(at(a, 1), DT('compare', 2))),
    'truncate/2': (a) => {
      const c = DT('truncate', 2);
      return utcTerm(truncated(utcParts(at(a, 0), c), at(a, 1), c));
    },
    'to_date/1': (a) => dateTerm(readYmd(at(a, 0), DT('to_date', 1))),
    'to_time/1': (a) => timeTerm(readHms(at(a, 0), DT('to_time', 1))),
    'to_naive/1': (a) => naiveTerm(readParts(at(a, 0), DT('to_naive', 1))),
    'from_iso8601/1': (a) => fromIso(a, DT('from_iso8601', 1)),
    'to_iso8601/1': (a) => Binary.fromString(calendarText(utcTerm(utcParts(at(a, 0), DT('to_iso8601', 1))), 'DateTime', 'T')),
    'to_string/1': (a) => Binary.fromString(calendarText(utcTerm(utcParts(at(a, 0), DT('to_string', 1))), 'DateTime')),
  });
}

const SIGIL_KIND: Record<string, string> = { D: 'Date', T: 'Time', N: 'NaiveDateTime', U: 'DateTime' };

/** `~D[...]` and friends: the struct, or `cannot parse "…" as Date for Calendar.ISO, reason: :r`. */
function sigil(letter: Term, source: Term): Term {
  const l = typeof letter === 'object' && letter.kind === 'binary' ? (letter.text ?? '') : '';
  const text = textArg(source, caller('Calendar.ISO', '__sigil__', 2));
  const r: Term =
    l === 'D' ? parsed(parseDate(text), dateTerm)
    : l === 'T' ? parsed(parseTime(text), timeTerm)
    : l === 'N' ? parsed(parseDateTime(text), (p) => naiveTerm(p.parts))
    : sigilUtc(text);
  return bang(r, `parse ${inspect(source)} as ${SIGIL_KIND[l] ?? l} for Calendar.ISO`);
}

/** `~U` needs an offset (`Z` or `+00:00`); the struct is in UTC. */
function sigilUtc(text: string): Term {
  const r = parseUtc(text);
  return typeof r === 'string' ? err(r) : ok(utcTerm(r.utc));
}

/** An ISO 8601 date-time with its offset (DateTime.from_iso8601, `~U`): the instant in UTC, and the offset in seconds. */
function parseUtc(text: string): { utc: DateTimeParts; offset: number } | ParseError | 'missing_offset' {
  const r = parseDateTime(text);
  if (typeof r === 'string') return r;
  if (r.offset === undefined) return 'missing_offset';
  return { utc: pointOfUs(pointUs(r.parts) - BigInt(r.offset) * 1_000_000n, r.parts.precision), offset: r.offset };
}

export const calendarBifs: Bif[] = [
  ...dateBifs(),
  ...timeBifs(),
  ...naiveBifs(),
  ...dateTimeBifs(),
  ...defineBifs('Elixir.Calendar.ISO', { '__sigil__/2': (a) => sigil(at(a, 0), at(a, 1)) }),
  // Enumerable.member? of a Date.Range, the same check as `date in range` (values.ts).
  ...defineBifs('Elixir.Date.Range', {
    '__member__/2': (a) => {
      const range = at(a, 0);
      return typeof range === 'object' && range.kind === 'map' ? bool(inDateRange(range, at(a, 1)) ?? false) : functionClause('Date.Range', '__member__', 2);
    },
  }),
];

/** The structs (so `%Date{}` literals and patterns expand; field order is Elixir's) and their String.Chars. */
export const CALENDAR_PRELUDE = `
defmodule Date do
  defstruct [:year, :month, :day, calendar: Calendar.ISO]
end

defmodule Time do
  defstruct [:hour, :minute, :second, :microsecond, calendar: Calendar.ISO]
end

defmodule NaiveDateTime do
  defstruct [:year, :month, :day, :hour, :minute, :second, :microsecond, calendar: Calendar.ISO]
end

defmodule DateTime do
  defstruct [:year, :month, :day, :hour, :minute, :second, :time_zone, :zone_abbr, :utc_offset, :std_offset, microsecond: {0, 0}, calendar: Calendar.ISO]
end

defmodule Date.Range do
  defstruct [:first, :last, :first_in_iso_days, :last_in_iso_days, :step]
end

defimpl Enumerable, for: Date.Range do
  def count(%{first_in_iso_days: f, last_in_iso_days: l, step: s}), do: {:ok, size(f, l, s)}

  def member?(range, x), do: {:ok, Date.Range.__member__(range, x)}

  def slice(_range), do: {:error, __MODULE__}

  def reduce(%{first_in_iso_days: f, last_in_iso_days: l, step: s}, acc, fun), do: walk(f, l, s, acc, fun)

  defp walk(_f, _l, _s, {:halt, acc}, _fun), do: {:halted, acc}
  defp walk(f, l, s, {:suspend, acc}, fun), do: {:suspended, acc, &walk(f, l, s, &1, fun)}

  defp walk(f, l, s, {:cont, acc}, fun) when (s > 0 and f <= l) or (s < 0 and f >= l) do
    walk(f + s, l, s, fun.(Date.__from_iso_days__(f), acc), fun)
  end

  defp walk(_f, _l, _s, {:cont, acc}, _fun), do: {:done, acc}

  defp size(f, l, s) when (s > 0 and f <= l) or (s < 0 and f >= l), do: div(l - f, s) + 1
  defp size(_f, _l, _s), do: 0
end

defimpl String.Chars, for: Date do
  def to_string(d), do: Date.to_string(d)
end

defimpl String.Chars, for: Time do
  def to_string(t), do: Time.to_string(t)
end

defimpl String.Chars, for: NaiveDateTime do
  def to_string(n), do: NaiveDateTime.to_string(n)
end

defimpl String.Chars, for: DateTime do
  def to_string(d), do: DateTime.to_string(d)
end
`;
