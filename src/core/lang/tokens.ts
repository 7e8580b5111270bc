/**
 * Tokens of the Elixir subset, shared by the lexer and the parser.
 * The lexer resolves what Elixir's tokenizer resolves (keyword keys `a:`, atoms, reserved words,
 * bracket matching) so the parser only deals with structure.
 */

/** A piece of a string-like literal: literal text or the tokens of one `#{...}`. */
export type StrPart = string | Interpolation;

export interface Interpolation {
  readonly tokens: readonly Token[];
  readonly line: number;
  readonly col: number;
}

export type TokKind =
  | 'int'
  | 'float'
  | 'atom'
  | 'string'
  | 'charlist'
  | 'sigil'
  /** lowercase identifier (`foo`, `member?`, `__MODULE__`) */
  | 'ident'
  /** one alias segment (`Foo`); dots are separate `.` op tokens */
  | 'alias'
  /** keyword key `a:` or `"my key":`; `text` holds the key */
  | 'kw'
  /** operators, including word operators `and or not in when` */
  | 'op'
  /** ( ) [ ] { } %{ , ; */
  | 'punct'
  /** reserved words do end fn after else catch rescue */
  | 'reserved'
  /** `&1` */
  | 'capture_arg'
  /** one or more newlines */
  | 'nl'
  | 'eof';

export interface Token {
  readonly kind: TokKind;
  /** Operator/punct/ident/alias/reserved text, atom name, kw key, sigil letter. */
  readonly text: string;
  readonly line: number;
  readonly col: number;
  /** Whitespace (or a comment) precedes this token on the same line. */
  readonly sp: boolean;
  /** int / float / capture_arg value. */
  readonly value?: number | bigint;
  /** string / charlist / sigil contents. */
  readonly parts?: readonly StrPart[];
  /** sigil modifiers (`a` in `~w(x y)a`). */
  readonly modifiers?: string;
  /** The source text of the token, for error messages (`syntax error before: "2"`). */
  readonly raw?: string;
}

/** Operators that can only be binary: a newline before them does not end the expression. */
export const BINARY_ONLY_OPS: ReadonlySet<string> = new Set([
  '|>', '==', '!=', '===', '!==', '=~', '<', '>', '<=', '>=', '&&', '||', 'and', 'or',
  '*', '/', '++', '--', '<>', '..', '//', 'in', 'when', '=', '|', '->', '<-', '\\\\', '=>', '.',
  '&&&', '|||', '<<<', '>>>',
]);

/** Symbolic operators, longest first so the lexer takes the longest match. */
export const SYMBOL_OPS: readonly string[] = [
  '&&&', '|||', '<<<', '>>>', '~~~', '===', '!==', '\\\\', '|>', '<>', '<-', '->', '++', '--', '..', '==', '!=', '=~', '<=', '>=',
  '&&', '||', '=>', '::', '<<', '>>', '**', '//',
  '+', '-', '*', '/', '=', '<', '>', '!', '^', '&', '|', '.', '@', '%',
];

/** Operators that may follow `:` to form an atom (`:+`, `:==`). */
export const ATOM_OPS: readonly string[] = [
  '&&&', '|||', '<<<', '>>>', '~~~', '===', '!==', '\\\\', '|>', '<>', '<-', '->', '++', '--', '..', '==', '!=', '=~', '<=', '>=',
  '&&', '||', '<<>>', '%{}', '{}', '[]', '**',
  '+', '-', '*', '/', '=', '<', '>', '!', '^', '&', '|', '.', '@', '%',
];

export const WORD_OPS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'in', 'when']);
export const RESERVED: ReadonlySet<string> = new Set(['do', 'end', 'fn', 'after', 'else', 'catch', 'rescue']);
