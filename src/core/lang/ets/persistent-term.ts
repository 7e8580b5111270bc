/**
 * `:persistent_term` basics (put/get/erase, get/0, info/0): one node's terms, kept until erased.
 * Bounded like the ETS tables (store.ts): all persistent terms of a node hold at most
 * `limitWords` words, past which `put` is `:system_limit`.
 */
import { atom, list, tuple, TRUE, FALSE, OK, type Term } from '../../term/types.ts';
import { mapKey } from '../../term/hash.ts';
import { termWords } from '../../runtime/heap-limit.ts';
import type { BuiltinModule } from '../builtins.ts';
import { ElixirThrow } from '../errors.ts';
import { at, defineBifs } from '../stdlib/define.ts';
import { badarg } from '../stdlib/errors.ts';
import { DEFAULT_ETS_LIMIT_WORDS } from './store.ts';

export function persistentTermModule(limitWords = DEFAULT_ETS_LIMIT_WORDS): BuiltinModule {
  const terms = new Map<unknown, { key: Term; value: Term; words: number }>();
  let words = 0;
  const get = (k: Term) => terms.get(mapKey(k));
  const bifs = defineBifs('persistent_term', {
    'put/2': (a) => {
      const k = mapKey(at(a, 0));
      const w = termWords(at(a, 0)) + termWords(at(a, 1));
      const old = terms.get(k);
      const after = words - (old?.words ?? 0) + w;
      if (after > limitWords) throw new ElixirThrow('error', atom('system_limit'));
      terms.set(k, { key: at(a, 0), value: at(a, 1), words: w });
      words = after;
      return OK;
    },
    'get/1': (a) => get(at(a, 0))?.value ?? badarg(1, 'no persistent term stored with this key'),
    'get/2': (a) => get(at(a, 0))?.value ?? at(a, 1),
    'get/0': () => list([...terms.values()].map((e) => tuple(e.key, e.value))),
    'erase/1': (a) => {
      const k = mapKey(at(a, 0));
      const old = terms.get(k);
      if (old === undefined) return FALSE;
      terms.delete(k);
      words -= old.words;
      return TRUE;
    },
    'info/0': () => list([tuple(atom('count'), terms.size), tuple(atom('memory'), words * 8)]),
  });
  return { name: 'persistent_term', bifs };
}
