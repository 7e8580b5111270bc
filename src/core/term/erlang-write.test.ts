// ~p/~w layouts checked against real `elixir -e ':io.format(...)'` (OTP 25): tagged tuples
// indent after their tag, untagged ones and lists fill lines, maps put a pair per line.
import { describe, expect, it } from 'vitest';
import { atom, Binary, Float, list, Pid, tuple, type Term } from './types.ts';
import { mapFromPairs } from './map.ts';
import { erlangPretty, erlangWrite } from './erlang-write.ts';
import { FormatError, ioLibFormat } from './io-lib-format.ts';

const range = (a: number, b: number): Term => list(Array.from({ length: b - a + 1 }, (_, i) => a + i));
const str = (s: string) => Binary.fromString(s);
const fmt = (f: string, args: Term[]) => ioLibFormat(str(f), list(args));

describe('erlangWrite (~w)', () => {
  it('writes atoms, binaries, lists and maps in Erlang syntax', () => {
    expect(erlangWrite(list([atom('hello'), atom('Hello World'), atom('Elixir.Foo.Bar'), atom('nil'), atom('end')]))).toBe(
      "[hello,'Hello World','Elixir.Foo.Bar',nil,'end']",
    );
    expect(erlangWrite(str('bin'))).toBe('<<98,105,110>>');
    expect(erlangWrite(list([97, 98]))).toBe('[97,98]');
    expect(erlangWrite(mapFromPairs([[atom('a'), 1]]))).toBe('#{a => 1}');
    expect(erlangWrite(list([1], 2))).toBe('[1|2]');
    expect(erlangWrite(new Pid(atom('two@vm'), 112, 0, 1), { nodeNumber: () => 7 })).toBe('<7.112.0>');
  });
});

describe('erlangPretty (~p)', () => {
  it('strings and binaries print as text when printable', () => {
    expect(erlangPretty(tuple(str('a\nb'), list([97, 10, 98])))).toBe('{<<"a\\nb">>,"a\\nb"}');
    expect(erlangPretty(Binary.fromBytes(new Uint8Array([1, 2, 3])))).toBe('<<1,2,3>>');
    expect(erlangPretty(str('utf8 é'))).toBe('<<"utf8 Ã©">>');
    expect(erlangPretty(str('utf8 é'), 1, 80, { unicode: true })).toBe('<<"utf8 é"/utf8>>');
    const floats = [1.0e10, 123456789.0, 1.5e300, 0.001, 0.0001, 1.0e-5, 12345.678, 100.0, 1.0e21, Number.MIN_VALUE, 1.23e7, -2.5e9, 0.0];
    expect(floats.map((x) => erlangPretty(new Float(x))).join(' ')).toBe(
      '1.0e10 123456789.0 1.5e300 0.001 0.0001 1.0e-5 12345.678 100.0 1.0e21 5.0e-324 1.23e7 -2.5e9 0.0',
    );
  });

  it('an untagged tuple puts each element that does not fit on its own line', () => {
    expect(erlangPretty(tuple(1, range(1, 30), tuple(atom('b'), range(1, 30))))).toBe(
      '{1,\n [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n  29,30],\n' +
        ' {b,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,\n     28,29,30]}}',
    );
  });

  it('a map with a binary key, and an improper tail that fits', () => {
    const m = mapFromPairs([
      [str('key'), range(1, 35)],
      [atom('b'), tuple(1, 2)],
    ]);
    expect(erlangPretty(m)).toBe(
      '#{b => {1,2},\n  <<"key">> =>\n      [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,\n       27,28,29,30,31,32,33,34,35]}',
    );
    const nums = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(erlangPretty(list([...nums, atom('x')]))).toBe(
      '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n 29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,x]',
    );
  });
});

describe('ioLibFormat', () => {
  it('~g picks the f or e form as io_lib_format does', () => {
    expect(fmt('~g ~g ~g', [new Float(12345.6), new Float(0.01), new Float(100.0)])).toBe('1.23456e+4 1.00000e-2 100.000');
  });

  it('refuses bad formats with io\'s words', () => {
    const why = (f: string, args: Term) => {
      try {
        ioLibFormat(str(f), args);
      } catch (e) {
        return e instanceof FormatError ? `${e.arg}: ${e.message}` : 'other';
      }
      return 'ok';
    };
    expect(why('~d', list([1]))).toBe('format: format string invalid (invalid control ~d)');
    expect(why('~p ~p', list([1]))).toBe('format: wrong number of arguments');
    expect(why('~p', list([1, 2]))).toBe('format: wrong number of arguments');
    expect(why('~b', list([atom('a')]))).toBe('args: element 1 must be of type integer');
    expect(why('~p', 1)).toBe('args: not a list');
  });
});
