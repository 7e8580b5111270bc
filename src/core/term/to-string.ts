/**
 * `to_string/1` (the String.Chars protocol): what `IO.puts` and `"#{interpolation}"` print.
 * Atoms, numbers, binaries and chardata lists convert; anything else fails with the exception
 * Elixir raises, carried as a ToStringError value the language layer turns into that exception.
 */
import { Binary, type Term } from './types.ts';
import { formatFloat } from './float-format.ts';
import { inspect, type InspectOptions } from './inspect.ts';

export type ToStringErrorKind = 'Protocol.UndefinedError' | 'ArgumentError' | 'UnicodeConversionError';

export class ToStringError {
  constructor(
    /** The Elixir exception module to raise. */
    readonly exception: ToStringErrorKind,
    /** Its message, exactly as Elixir 1.14 words it. */
    readonly message: string,
    readonly term: Term,
    /** Protocol.UndefinedError's `description` field. */
    readonly description = '',
  ) {}
}

const BITSTRING = 'cannot convert a bitstring to a string';

const TYPE_NAMES: Record<string, string> = {
  bitstring: 'BitString',
  tuple: 'Tuple',
  map: 'Map',
  pid: 'PID',
  port: 'Port',
  ref: 'Reference',
  fun: 'Function',
};

/** Elixir's `to_string(term)`. Throws a ToStringError for terms without String.Chars. */
export function toStringTerm(t: Term, opts: InspectOptions = {}): Binary {
  if (typeof t === 'number' || typeof t === 'bigint') return Binary.fromString(t.toString());
  switch (t.kind) {
    case 'binary':
      return t;
    case 'atom':
      return Binary.fromString(t.name === 'nil' ? '' : t.name);
    case 'float':
      return Binary.fromString(formatFloat(t.value));
    case 'nil':
    case 'cons':
      return listToString(t, opts);
    default:
      throw new ToStringError(
        'Protocol.UndefinedError',
        `protocol String.Chars not implemented for ${inspect(t, opts)} of type ${TYPE_NAMES[t.kind] ?? 'Unknown'}` +
          (t.kind === 'bitstring' ? `, ${BITSTRING}` : ''),
        t,
        t.kind === 'bitstring' ? BITSTRING : '',
      );
  }
}

/** List.to_string/1 on chardata: code points, binaries and nested lists (improper tail may be a binary). */
function listToString(l: Term, opts: InspectOptions): Binary {
  const parts: (string | Uint8Array)[] = [];
  let allText = true;
  // Explicit stack of pending list tails: chardata nests, and lists may be long.
  const stack: Term[] = [l];
  while (stack.length > 0) {
    let t = stack.pop() as Term;
    while (typeof t === 'object' && t.kind === 'cons') {
      const h = t.head;
      if (typeof h === 'number') {
        if (h < 0 || h > 0x10ffff || (h >= 0xd800 && h <= 0xdfff))
          throw new ToStringError('UnicodeConversionError', `invalid code point ${h}`, l);
        parts.push(String.fromCodePoint(h));
      } else if (typeof h === 'object' && h.kind === 'binary') {
        const s = h.text;
        if (s === null) allText = false;
        parts.push(s ?? h.bytes);
      } else if (typeof h === 'object' && (h.kind === 'cons' || h.kind === 'nil')) {
        stack.push(t.tail);
        t = h;
        continue;
      } else throw badList(l, opts);
      t = t.tail;
    }
    if (typeof t === 'object' && t.kind === 'binary') {
      const s = t.text;
      if (s === null) allText = false;
      parts.push(s ?? t.bytes);
    } else if (!(typeof t === 'object' && t.kind === 'nil')) throw badList(l, opts);
  }
  if (allText) return Binary.fromString(parts.join(''));
  const enc = new TextEncoder();
  const chunks = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return Binary.fromBytes(out);
}

function badList(l: Term, opts: InspectOptions): ToStringError {
  return new ToStringError(
    'ArgumentError',
    'cannot convert the given list to a string.\n\n' +
      'To be converted to a string, a list must either be empty or only\n' +
      'contain the following elements:\n\n' +
      '  * strings\n' +
      '  * integers representing Unicode code points\n' +
      '  * a list containing one of these three elements\n\n' +
      'Please check the given list or call inspect/1 to get the list representation, got:\n\n' +
      inspect(l, opts) +
      '\n',
    l,
  );
}
