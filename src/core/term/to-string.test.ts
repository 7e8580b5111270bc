import { describe, expect, it } from 'vitest';
import { Binary, Float, Fun, Pid, Ref, atom, list, str, tuple } from './types.ts';
import { ToStringError, toStringTerm } from './to-string.ts';
import { mapFromPairs } from './map.ts';

const text = (b: Binary): string | null => b.text;

describe('toStringTerm (String.Chars), expected values from real Elixir 1.14', () => {
  it('converts atoms, numbers, binaries and chardata', () => {
    expect(text(toStringTerm(atom('hello world')))).toBe('hello world');
    expect(text(toStringTerm(atom('nil')))).toBe('');
    expect(text(toStringTerm(atom('Elixir.Foo')))).toBe('Elixir.Foo');
    expect(text(toStringTerm(new Float(1.5)))).toBe('1.5');
    expect(text(toStringTerm(new Float(1e20)))).toBe('1.0e20');
    expect(text(toStringTerm(123456789012345678901234567890n))).toBe('123456789012345678901234567890');
    expect(text(toStringTerm(-5))).toBe('-5');
    expect(text(toStringTerm(list([97, str('bc'), list([100])])))).toBe('abcd');
    expect(text(toStringTerm(list([str('a'), list([98, list([str('c')])]), 100], str('e'))))).toBe('abcde');
    expect(text(toStringTerm(list([])))).toBe('');
    expect(text(toStringTerm(list([0x1f600])))).toBe('😀');
    const raw = Binary.fromBytes(new Uint8Array([255]));
    expect(toStringTerm(list([97, raw])).bytes).toEqual(new Uint8Array([97, 255]));
  });
  const err = (f: () => unknown): ToStringError => {
    try {
      f();
    } catch (e) {
      if (e instanceof ToStringError) return e;
    }
    throw new Error('expected a ToStringError');
  };
  it('raises Protocol.UndefinedError with Elixir’s message', () => {
    expect(err(() => toStringTerm(tuple(1, 2))).message).toBe('protocol String.Chars not implemented for {1, 2} of type Tuple');
    expect(err(() => toStringTerm(mapFromPairs([[atom('a'), 1]]))).message).toBe(
      'protocol String.Chars not implemented for %{a: 1} of type Map',
    );
    expect(err(() => toStringTerm(new Pid(atom('a@b'), 106, 0, 0))).message).toBe(
      'protocol String.Chars not implemented for #PID<0.106.0> of type PID',
    );
    expect(err(() => toStringTerm(new Ref(atom('a@b'), 0, [13222, 2189164545, 1557826336]))).message).toBe(
      'protocol String.Chars not implemented for #Reference<0.1557826336.2189164545.13222> of type Reference',
    );
    const fn = new Fun(0, { type: 'local', module: atom('erl_eval'), name: '-expr/6-fun-2-', index: 43, uniq: 3316493 }, null, null);
    const e = err(() => toStringTerm(fn));
    expect(e.exception).toBe('Protocol.UndefinedError');
    expect(e.message).toBe(
      'protocol String.Chars not implemented for #Function<43.3316493/0 in :erl_eval.expr/6> of type Function',
    );
  });
  it('raises ArgumentError and UnicodeConversionError for bad lists', () => {
    const e = err(() => toStringTerm(list([1, tuple(2)])));
    expect(e.exception).toBe('ArgumentError');
    expect(e.message).toBe(
      'cannot convert the given list to a string.\n\nTo be converted to a string, a list must either be empty or only\n' +
        'contain the following elements:\n\n  * strings\n  * integers representing Unicode code points\n' +
        '  * a list containing one of these three elements\n\nPlease check the given list or call inspect/1 to get ' +
        'the list representation, got:\n\n[1, {2}]\n',
    );
    expect(err(() => toStringTerm(list([-1]))).message).toBe('invalid code point -1');
    expect(err(() => toStringTerm(list([0x110000]))).message).toBe('invalid code point 1114112');
  });
});
