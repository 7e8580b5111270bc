/**
 * Time as a program reads it: Elixir's System.monotonic_time/system_time/os_time and
 * convert_time_unit, `:erlang.convert_time_unit`, and `:os.system_time`, over the
 * `:erlang` time BIFs (which read the node's injected clock). `native` is the nanosecond, as on a
 * 64-bit Linux BEAM.
 */
import { normInt, type Term } from '../../term/types.ts';
import type { Bif, BifContext } from '../builtins.ts';
import { at, defineBifs } from './define.ts';
import { badarg } from './errors.ts';
import { erlangBif } from './inlined.ts';

/** Parts per second of each unit (an integer unit is its own). */
export function perSecond(unit: Term, pos: number): bigint {
  if (typeof unit === 'number' && Number.isInteger(unit) && unit > 0) return BigInt(unit);
  const n = typeof unit === 'object' && unit.kind === 'atom' ? PER_SECOND.get(unit.name) : undefined;
  return n ?? badarg(pos, 'invalid time unit');
}

const PER_SECOND = new Map<string, bigint>([['second', 1n], ['millisecond', 1000n], ['microsecond', 1_000_000n], ['nanosecond', 1_000_000_000n], ['native', 1_000_000_000n]]);

/** `:erlang.convert_time_unit/3`: rounded toward minus infinity, as OTP's. */
function convert(time: Term, from: Term, to: Term): Term {
  if (typeof time !== 'number' && typeof time !== 'bigint') return badarg(1, 'not an integer');
  if (typeof time === 'number' && !Number.isInteger(time)) return badarg(1, 'not an integer');
  const t = BigInt(time) * perSecond(to, 3);
  const f = perSecond(from, 2);
  const q = t / f;
  return normInt(t % f !== 0n && t < 0n ? q - 1n : q);
}

/** Calls the node's `:erlang.name/arity` BIF (the clock readers). */
const erlang = (name: string) => (a: readonly Term[], ctx: BifContext): Term => erlangBif(ctx, name, a.length).fn([...a], ctx);

export const systemTimeBifs: Bif[] = [
  ...defineBifs('erlang', {
    'convert_time_unit/3': (a) => convert(at(a, 0), at(a, 1), at(a, 2)),
  }),
  ...defineBifs('os', {
    'system_time/0': erlang('system_time'),
    'system_time/1': erlang('system_time'),
  }),
  ...defineBifs('Elixir.System', {
    'monotonic_time/0': erlang('monotonic_time'),
    'monotonic_time/1': erlang('monotonic_time'),
    'system_time/0': erlang('system_time'),
    'system_time/1': erlang('system_time'),
    'os_time/0': erlang('system_time'),
    'os_time/1': erlang('system_time'),
    'unique_integer/0': erlang('unique_integer'),
    'unique_integer/1': erlang('unique_integer'),
    'convert_time_unit/3': (a) => convert(at(a, 0), at(a, 1), at(a, 2)),
  }),
];
