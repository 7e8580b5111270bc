/**
 * How Elixir 1.14 writes an atom (`Macro.inspect_atom/2`): bare (`:ok`, `:one@vm`, `:+`),
 * quoted (`:"node_one@light-boy"`, `:"9abc"`), or as an alias (`String.Chars` for
 * `:"Elixir.String.Chars"`). Also the keyword-key form (`a: 1`, `"hello world": 1`) and the
 * function-name form used by `&Mod.fun/arity`.
 */
import { escape } from './escape.ts';

type Class = 'alias' | 'identifier' | 'unquoted_operator' | 'quoted_operator' | 'not_callable' | 'other';

const NOT_CALLABLE = new Set(['%', '%{}', '{}', '<<>>', '...', '..', '.', '..//', '->']);
const QUOTED_OPERATORS = new Set(['::', '^^^', '~~~', '<|>']);
const OPERATORS = new Set([
  // unary
  '!', '^', 'not', '+', '-', '&', '@',
  // binary
  '<-', '\\\\', 'when', '|', '=', '||', '|||', 'or', '&&', '&&&', 'and', '==', '!=', '=~', '===', '!==',
  '<', '<=', '>=', '>', '|>', '<<<', '>>>', '<~', '~>', '<<~', '~>>', '<~>', 'in', '++', '--', '+++', '---',
  '<>', '*', '/', '**',
]);

const ASCII_IDENT = /^[a-zA-Z_][a-zA-Z0-9_@]*[?!]?$/;
const UNICODE_IDENT = /^[\p{ID_Start}_][\p{ID_Continue}@]*[?!]?$/u;
const ALIAS = /^Elixir(\.[A-Z][a-zA-Z0-9_]*)*$/;

const classCache = new Map<string, Class>();

function classify(name: string): Class {
  let c = classCache.get(name);
  if (c === undefined) {
    c = classifyUncached(name);
    classCache.set(name, c);
  }
  return c;
}

function classifyUncached(name: string): Class {
  if (NOT_CALLABLE.has(name)) return 'not_callable';
  if (QUOTED_OPERATORS.has(name)) return 'quoted_operator';
  if (OPERATORS.has(name)) return 'unquoted_operator';
  if (ALIAS.test(name)) return 'alias';
  if (ASCII_IDENT.test(name)) return name.includes('@') ? 'not_callable' : 'identifier';
  if (UNICODE_IDENT.test(name)) {
    if (name.normalize('NFC') !== name) return 'other'; // Elixir quotes non-normalized atoms
    return name.includes('@') ? 'not_callable' : 'identifier';
  }
  return 'other';
}

function quoted(name: string): string {
  return '"' + escape(name, 34).text + '"';
}

/** `inspect(atom)`: `:ok`, `:"foo-bar"`, `String.Chars`, `nil`. */
export function inspectAtom(name: string): string {
  if (name === 'nil' || name === 'true' || name === 'false') return name;
  switch (classify(name)) {
    case 'alias':
      if (name === 'Elixir' || name === 'Elixir.Elixir' || name.startsWith('Elixir.Elixir.')) return name;
      return name.slice(7);
    case 'quoted_operator':
    case 'other':
      return ':' + quoted(name);
    default:
      return ':' + name;
  }
}

/** Keyword-key form, without the trailing space: `a:`, `"hello world":`. */
export function inspectAtomKey(name: string): string {
  switch (classify(name)) {
    case 'alias':
      return '"' + name + '":';
    case 'quoted_operator':
    case 'other':
      return quoted(name) + ':';
    default:
      return name + ':';
  }
}

/** Function-name form after a dot, as in `&:erlang.+/2` or `&Mod."weird name"/0`. */
export function inspectAtomRemote(name: string): string {
  const c = classify(name);
  if (c === 'identifier' || c === 'unquoted_operator' || c === 'quoted_operator') return name;
  return '"' + (c === 'not_callable' || c === 'alias' ? name : escape(name, 34).text) + '"';
}
