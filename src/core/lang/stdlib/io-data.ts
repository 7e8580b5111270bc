/**
 * IO's chardata and iodata conversions. `iodata_to_binary/1` and `iodata_length/1` are inlined to
 * `:erlang.iolist_to_binary/1` and `iolist_size/1` by Elixir, so they fail as those BIFs do.
 */
import type { Bif } from '../builtins.ts';
import { at, defineBifs } from './define.ts';
import { functionClause } from './errors.ts';
import { viaErlang } from './inlined.ts';
import { chars, isBinary, isList } from './values.ts';

export const ioDataBifs: Bif[] = defineBifs('Elixir.IO', {
  'chardata_to_string/1': (a) => {
    const t = at(a, 0);
    if (isBinary(t)) return t;
    if (isList(t)) return chars(t);
    return functionClause('IO', 'chardata_to_string', 1, [t], ['def chardata_to_string(string) when -is_binary(string)-', 'def chardata_to_string(list) when -is_list(list)-']);
  },
  'iodata_to_binary/1': (a, ctx) => viaErlang(ctx, 'iolist_to_binary', [at(a, 0)]),
  'iodata_length/1': (a, ctx) => viaErlang(ctx, 'iolist_size', [at(a, 0)]),
});
