/**
 * Calendar.ISO arithmetic and parsing, on plain numbers: days since 0000-01-01 (Elixir's "ISO
 * days"), the proleptic Gregorian rules, and the ISO 8601 forms Elixir 1.14 reads
 * (`2024-01-31`, `12:30:00.25`, `2024-01-31T12:30:00+01:00`). A point in time is a count of
 * microseconds since 0000-01-01 00:00:00 as a bigint (it passes 2^53 within a few centuries).
 */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export interface Hms {
  hour: number;
  minute: number;
  second: number;
  /** Microseconds and how many fraction digits show (0–6). */
  us: number;
  precision: number;
}

export type DateTimeParts = Ymd & Hms;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (DAYS[m - 1] ?? 0);
}

export const validDate = (d: Ymd): boolean =>
  d.year >= -9999 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);

export const validTime = (t: Hms): boolean =>
  t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59 && t.second >= 0 && t.second <= 59 && t.us >= 0 && t.us <= 999_999 && t.precision >= 0 && t.precision <= 6;

/** Days since 0000-01-01 (Howard Hinnant's days_from_civil, moved from 1970 to year 0). */
export function isoDays(d: Ymd): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe + 60;
}

export function fromIsoDays(days: number): Ymd {
  const z = days - 60;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday: Monday 1 … Sunday 7 (0000-01-01 was a Saturday). */
export const dayOfWeek = (d: Ymd): number => ((((isoDays(d) + 5) % 7) + 7) % 7) + 1;

const US_PER_DAY = 86_400_000_000n;

export const timeUs = (t: Hms): bigint => BigInt(((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.us);

export const pointUs = (p: DateTimeParts): bigint => BigInt(isoDays(p)) * US_PER_DAY + timeUs(p);

/** Microseconds of the day back to a time, keeping `precision`. */
export function timeOfUs(us: bigint, precision: number): Hms {
  const d = Number(((us % US_PER_DAY) + US_PER_DAY) % US_PER_DAY);
  const s = Math.floor(d / 1_000_000);
  return { hour: Math.floor(s / 3600), minute: Math.floor(s / 60) % 60, second: s % 60, us: d % 1_000_000, precision };
}

export function pointOfUs(us: bigint, precision: number): DateTimeParts {
  const days = us >= 0n ? us / US_PER_DAY : -((-us + US_PER_DAY - 1n) / US_PER_DAY);
  return { ...fromIsoDays(Number(days)), ...timeOfUs(us, precision) };
}

/** `Math.floor(a / b)` on bigints. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export type ParseError = 'invalid_format' | 'invalid_date' | 'invalid_time';

const DATE = '(-?\\d{4})-(\\d{2})-(\\d{2})';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d+))?';
const OFFSET = '(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?';
const DATE_RE = new RegExp(`^${DATE}$`);
const TIME_RE = new RegExp(`^T?${TIME}${OFFSET}$`);
const DATETIME_RE = new RegExp(`^${DATE}[T ]${TIME}${OFFSET}$`);

function ymd(m: RegExpExecArray, i: number): Ymd {
  return { year: Number(m[i]), month: Number(m[i + 1]), day: Number(m[i + 2]) };
}

function hms(m: RegExpExecArray, i: number): Hms {
  const frac = m[i + 3];
  const precision = frac === undefined ? 0 : Math.min(frac.length, 6);
  const us = frac === undefined ? 0 : Number(frac.slice(0, 6).padEnd(6, '0'));
  return { hour: Number(m[i]), minute: Number(m[i + 1]), second: Number(m[i + 2]), us, precision };
}

/** Seconds east of UTC of `Z`, `+01:00`, `-0230`, `+05`; undefined when absent; NaN when malformed. */
function offsetOf(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (s === 'Z') return 0;
  const digits = s.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const min = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (h > 23 || min > 59) return NaN;
  return (s[0] === '-' ? -1 : 1) * (h * 3600 + min * 60);
}

export function parseDate(s: string): Ymd | ParseError {
  const m = DATE_RE.exec(s);
  if (m === null) return 'invalid_format';
  const d = ymd(m, 1);
  return validDate(d) ? d : 'invalid_date';
}

export function parseTime(s: string): Hms | ParseError {
  const m = TIME_RE.exec(s);
  if (m === null || Number.isNaN(offsetOf(m[5]))) return 'invalid_format';
  const t = hms(m, 1);
  return validTime(t) ? t : 'invalid_time';
}

/** A date and time with its offset in seconds (undefined: none written). */
export function parseDateTime(s: string): { parts: DateTimeParts; offset: number | undefined } | ParseError {
  const m = DATETIME_RE.exec(s);
  if (m === null) return 'invalid_format';
  const offset = offsetOf(m[8]);
  if (Number.isNaN(offset)) return 'invalid_format';
  const parts = { ...ymd(m, 1), ...hms(m, 4) };
  if (!validDate(parts)) return 'invalid_date';
  if (!validTime(parts)) return 'invalid_time';
  return { parts, offset };
}
