/**
 * Inspect.Regex: a `%Regex{}` prints as its sigil, `~r/source/opts`, with `/` and control
 * characters escaped as Elixir 1.14 escapes them (`~r{a/b}` prints `~r/a\/b/`).
 */
import { atom, type MapTerm } from './types.ts';
import { latin1 } from './bits.ts';

export const REGEX_MODULE = atom('Elixir.Regex');

const CONTROL: Readonly<Record<string, string>> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\f': '\\f', '\v': '\\v', '\x07': '\\a', '\x1b': '\\e', '\b': '\\b' };

/** The sigil text, or undefined when the map is not a well-formed regex (it then prints as a map). */
export function regexSigil(m: MapTerm): string | undefined {
  const source = m.entries.get(atom('source'))?.[1];
  const opts = m.entries.get(atom('opts'))?.[1];
  if (typeof source !== 'object' || source.kind !== 'binary' || typeof opts !== 'object' || opts.kind !== 'binary') return undefined;
  const text = source.text ?? latin1(source.bytes);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && text[i + 1] === '/') {
      out += '\\/';
      i++;
    } else if (c === '/') out += '\\/';
    else out += CONTROL[c] ?? c;
  }
  return `~r/${out}/${opts.text ?? ''}`;
}
