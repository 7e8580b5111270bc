/** Exception functions on the VM; expected texts printed by real iex 1.14. */
import { describe, expect, it } from 'vitest';
import { run } from '../vm-test-helpers.ts';

describe('Exception', () => {
  it.each([
    ['try do raise ArgumentError, "bad" rescue e in ArgumentError -> Exception.message(e) end', '"bad"'],
    ['try do hd([]) rescue e -> Exception.message(e) end', '"errors were found at the given arguments:\\n\\n  * 1st argument: not a nonempty list\\n"'],
    ['Exception.format(:error, %{__struct__: ArgumentError, __exception__: true, message: "bad"})', '"** (ArgumentError) bad"'],
    ['Exception.format(:throw, :x)', '"** (throw) :x"'],
    ['Exception.format(:exit, :bye)', '"** (exit) :bye"'],
    ['Exception.format_banner(:error, :badarg)', '"** (ArgumentError) argument error"'],
    ['Exception.normalize(:error, :badarg)', '%ArgumentError{message: "argument error"}'],
    ['Exception.exception?(1)', 'false'],
    ['Exception.message(1)', '** (FunctionClauseError) no function clause matching in Exception.message/1'],
  ])('%s', (src, expected) => {
    expect(run(src).split('    \n')[0]).toBe(expected);
  });
});
