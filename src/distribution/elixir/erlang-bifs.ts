/**
 * `:erlang` functions that need the External Term Format codec (which lives in dist/):
 * `term_to_binary/1` and `binary_to_term/1`, byte-exact with OTP 25.
 */
import { atom, Binary, type Term } from '../../core/term/types.ts';
import type { BuiltinModule } from '../../core/lang/builtins.ts';
import { ElixirThrow } from '../../core/lang/errors.ts';
import { decodeTerm } from '../etf/decode.ts';
import { termToBinary } from '../etf/encode.ts';

export const etfModule: BuiltinModule = { name: 'etf', bifs: [
  { module: 'erlang', name: 'term_to_binary', arity: 1, fn: ([t]) => Binary.fromBytes(termToBinary(t as Term)) },
  {
    module: 'erlang',
    name: 'binary_to_term',
    arity: 1,
    fn: ([b]) => {
      if (typeof b !== 'object' || b.kind !== 'binary') throw new ElixirThrow('error', atom('badarg'));
      const r = decodeTerm(b.bytes);
      // A hostile or truncated binary is badarg, as on BEAM; never a crash of the node.
      if (!r.ok || r.next !== b.bytes.length) throw new ElixirThrow('error', atom('badarg'));
      return r.term;
    },
  },
] };
