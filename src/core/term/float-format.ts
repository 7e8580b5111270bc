/**
 * Floats as Elixir prints them (`Float.to_string`, `inspect`): the shortest digits that read
 * back to the same double, in decimal form `123.456` while the decimal exponent is in 0..15,
 * in scientific form `1.0e16` above that, and below 1 whichever form is shorter (decimal on a
 * tie: `0.0001` but `1.0e-5`, `1.2345e-4`). Always at least one digit after the point.
 */
export function formatFloat(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const neg = x < 0;
  // toExponential() with no argument gives the shortest round-trip digits, as Erlang does.
  const s = (neg ? -x : x).toExponential();
  const e = s.indexOf('e');
  const digits = s.slice(0, e).replace('.', '');
  const exp = Number(s.slice(e + 1));
  const body = exp >= 0 && exp < 16 ? positional(digits, exp) : exp < 0 ? smaller(digits, exp) : scientific(digits, exp);
  return neg ? '-' + body : body;
}

function positional(digits: string, exp: number): string {
  const intLen = exp + 1;
  if (digits.length <= intLen) return digits + '0'.repeat(intLen - digits.length) + '.0';
  return digits.slice(0, intLen) + '.' + digits.slice(intLen);
}

function scientific(digits: string, exp: number): string {
  return digits[0] + '.' + (digits.length > 1 ? digits.slice(1) : '0') + 'e' + String(exp);
}

function smaller(digits: string, exp: number): string {
  const dec = '0.' + '0'.repeat(-exp - 1) + digits;
  const sci = scientific(digits, exp);
  return dec.length <= sci.length ? dec : sci;
}
