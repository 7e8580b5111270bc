import { describe, expect, it } from 'vitest';
import { Pid, Tuple, atom, type Term } from '../../core/term/types.ts';
import { termToBinary } from './encode.ts';

// term_to_binary of each term in OTP 25's erl (`erl -noshell -eval 'io:format("~w~n", [term_to_binary(T)])'`),
// with list_to_pid("<0.5.0>") for the pid: the messages encodeInto writes with no work stack.
const pid = new Pid(atom('nonode@nohost'), 5, 0, 0);
const PID_BYTES = [88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0];
const cases: [string, Term, number[]][] = [
  ['an integer (an echo’s reply)', 300, [131, 98, 0, 0, 1, 44]],
  ['an atom', atom('foo'), [131, 100, 0, 3, 102, 111, 111]],
  ['{pid, 7, :ok}', new Tuple([pid, 7, atom('ok')]), [131, 104, 3, ...PID_BYTES, 97, 7, 100, 0, 2, 111, 107]],
  ['{pid, -70000}', new Tuple([pid, -70000]), [131, 104, 2, ...PID_BYTES, 98, 255, 254, 238, 144]],
];

describe('encodeInto without a work stack: the bytes erl writes', () => {
  for (const [what, term, bytes] of cases) {
    it(what, () => {
      expect([...termToBinary(term)]).toEqual(bytes);
    });
  }
});
