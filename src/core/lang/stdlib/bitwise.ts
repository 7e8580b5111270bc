/**
 * Integer bitwise operations: OTP's `:erlang.band/2`, `bor/2`, `bxor/2`, `bnot/1`, `bsl/2`,
 * `bsr/2` (any size of integer; anything else is `badarith`, as BEAM's), and Elixir's Bitwise
 * module, whose functions and operators (`&&&`, `|||`, `<<<`, `>>>`, `~~~`, after
 * `import Bitwise`) Elixir inlines to those BIFs, so they fail as them.
 */
import { atom, normInt, type Term } from '../../term/types.ts';
import type { Bif, BifContext } from '../builtins.ts';
import { at, defineBifs } from './define.ts';
import { viaErlang } from './inlined.ts';
import { ElixirThrow } from '../errors.ts';

const BADARITH = atom('badarith');

function int(t: Term): bigint {
  if (typeof t === 'number' && Number.isInteger(t)) return BigInt(t);
  if (typeof t === 'bigint') return t;
  throw new ElixirThrow('error', BADARITH);
}

/** A shift wider than this would build a number no tab can hold: BEAM raises system_limit near there too. */
const MAX_SHIFT = 1n << 24n;

function shift(x: bigint, by: bigint): Term {
  if (by > MAX_SHIFT) throw new ElixirThrow('error', atom('system_limit'));
  return normInt(by >= 0n ? x << by : x >> -by);
}

export const erlangBitwiseBifs: Bif[] = defineBifs('erlang', {
  'band/2': (a) => normInt(int(at(a, 0)) & int(at(a, 1))),
  'bor/2': (a) => normInt(int(at(a, 0)) | int(at(a, 1))),
  'bxor/2': (a) => normInt(int(at(a, 0)) ^ int(at(a, 1))),
  'bnot/1': (a) => normInt(~int(at(a, 0))),
  'bsl/2': (a) => shift(int(at(a, 0)), int(at(a, 1))),
  'bsr/2': (a) => shift(int(at(a, 0)), -int(at(a, 1))),
});

const inlined = (erl: string) => (a: readonly Term[], ctx: BifContext) => viaErlang(ctx, erl, [...a]);

export const bitwiseBifs: Bif[] = defineBifs('Elixir.Bitwise', {
  'band/2': inlined('band'),
  'bor/2': inlined('bor'),
  'bxor/2': inlined('bxor'),
  'bnot/1': inlined('bnot'),
  'bsl/2': inlined('bsl'),
  'bsr/2': inlined('bsr'),
  '&&&/2': inlined('band'),
  '|||/2': inlined('bor'),
  '<<</2': inlined('bsl'),
  '>>>/2': inlined('bsr'),
  '~~~/1': inlined('bnot'),
});
