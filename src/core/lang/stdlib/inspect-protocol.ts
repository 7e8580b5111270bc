/**
 * The Inspect protocol for structs with their own implementation (`defimpl Inspect, for: T`).
 * Printing stays in TS (term/inspect.ts); only the structs that have an implementation are
 * found first (`customStructs`), each is inspected by its Elixir `inspect/2` (the prelude's
 * `Inspect.Custom.render/3`), and the TS printer puts their texts in place. A term without such
 * structs prints as before, with no Elixir call.
 *
 * Inspect.Algebra documents are plain strings here: `concat`, `to_doc`, `string`, `empty` and
 * `format` build text, which is all a one-line custom inspect needs.
 */
import { atom, Binary, list, Tuple, type Atom, type MapTerm, type Term } from '../../term/types.ts';
import { inspect, inspectPretty, type InspectOptions } from '../../term/inspect.ts';
import type { BifContext, LangNode } from '../builtins.ts';
import { inspectOpts } from '../bifs-kernel.ts';
import { isStruct, structFieldsOf } from '../structs.ts';
import { toStr } from '../values.ts';
import { at, defineBifs } from './define.ts';
import { implFor } from './protocols.ts';

const INSPECT = atom('Elixir.Inspect');
const CUSTOM = atom('Elixir.Inspect.Custom');
const RENDER = atom('render');
/** How many terms the search for custom structs looks at (a printed term shows at most ~50 per level anyway). */
const SEARCH_LIMIT = 10_000;

/** The structs inside `t` that have an Inspect implementation, each once. */
export function customStructs(t: Term, node: LangNode): MapTerm[] {
  const found: MapTerm[] = [];
  const stack: Term[] = [t];
  for (let seen = 0; stack.length > 0 && seen < SEARCH_LIMIT; seen++) {
    const x = stack.pop() as Term;
    if (typeof x !== 'object') continue;
    if (x.kind === 'cons') stack.push(x.tail, x.head);
    else if (x.kind === 'tuple') for (let i = x.elements.length - 1; i >= 0; i--) stack.push(x.elements[i] as Term);
    else if (x.kind === 'map') {
      if (isStruct(x) && implFor(INSPECT, false, x, node) !== null) {
        if (!found.includes(x)) found.push(x);
        continue;
      }
      for (const [k, v] of x.entries.values()) stack.push(v, k);
    }
  }
  return found;
}

/** The printing options of a node plus the custom texts `docs` (`[{struct, text}]`). */
function withDocs(docs: Term, base: InspectOptions): InspectOptions {
  return { ...base, custom: customTexts(docs) };
}

/** The custom texts `docs` (`[{struct, text}]`, as Inspect.Custom makes them) by struct. */
export function customTexts(docs: Term): Map<MapTerm, string> {
  const custom = new Map<MapTerm, string>();
  for (let l = docs; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const pair = l.head;
    if (typeof pair !== 'object' || pair.kind !== 'tuple' || pair.elements.length !== 2) continue;
    const s = pair.elements[0] as Term;
    const text = pair.elements[1] as Term;
    if (typeof s === 'object' && s.kind === 'map' && typeof text === 'object' && text.kind === 'binary') custom.set(s, toStr(text).text ?? '');
  }
  return custom;
}

/** `inspect/1,2`: plain TS printing, or through the custom implementations when there are any. */
function inspectBif(x: Term, opts: Term, ctx: BifContext): Term {
  const structs = customStructs(x, ctx.node);
  if (structs.length === 0) return Binary.fromString(text(x, opts, ctx.node, undefined));
  return ctx.tailCallMfa(CUSTOM, RENDER, [x, opts, list(structs)]);
}

function text(x: Term, opts: Term, node: LangNode, docs: Term | undefined): string {
  const { opts: o, pretty } = inspectOpts(opts, node);
  const all = docs === undefined ? o : withDocs(docs, o);
  return pretty ? inspectPretty(x, o.width ?? 80, all) : inspect(x, all);
}

/** What iex prints for `value` given the custom texts (the shell's follow-up, see elixir-language.ts). */
export const SHELL_INSPECT_OPTS: Term = list([new Tuple([atom('pretty'), atom('true')]), new Tuple([atom('width'), 80])]);

export { CUSTOM as INSPECT_CUSTOM, RENDER as INSPECT_RENDER };

const doc = (t: Term): string => (typeof t === 'object' && t.kind === 'binary' ? (t.text ?? '') : inspect(t));

export const inspectProtocolBifs = [
  ...defineBifs('Elixir.Kernel', {
    'inspect/1': (a, ctx) => inspectBif(at(a, 0), list([]), ctx),
    'inspect/2': (a, ctx) => inspectBif(at(a, 0), at(a, 1), ctx),
  }, true),
  ...defineBifs('Elixir.Inspect.Custom', {
    'impl/1': (a, ctx) => implFor(INSPECT, false, at(a, 0), ctx.node) as Atom,
    'structs/1': (a, ctx) => list(customStructs(at(a, 0), ctx.node)),
    'format/3': (a, ctx) => Binary.fromString(text(at(a, 0), at(a, 1), ctx.node, at(a, 2))),
    'error/3': (a) => Binary.fromString(inspectError(at(a, 0), at(a, 1), at(a, 2))),
  }),
  ...defineBifs('Elixir.Inspect.Algebra', {
    'concat/1': (a) => {
      let s = '';
      for (let l = at(a, 0); typeof l === 'object' && l.kind === 'cons'; l = l.tail) s += doc(l.head);
      return Binary.fromString(s);
    },
    'concat/2': (a) => Binary.fromString(doc(at(a, 0)) + doc(at(a, 1))),
    'to_doc/2': (a, ctx) => Binary.fromString(inspect(at(a, 0), { structFields: structFieldsOf(ctx.node) })),
    'string/1': (a) => at(a, 0),
    'empty/0': () => Binary.fromString(''),
    'format/2': (a) => at(a, 0),
  }),
];

/**
 * What Elixir 1.14 prints for a struct whose own inspect/2 raised (Inspect.Algebra.to_doc/2 and
 * Inspect.Error): the exception's module and message, the struct as a plain map, then its
 * stacktrace, which we do not have (the section stays, empty).
 */
function inspectError(exceptionModule: Term, message: Term, struct: Term): string {
  const pad = (t: string, n: number): string => t.split('\n').map((l) => (l === '' ? '' : ' '.repeat(n) + l)).join('\n');
  const msg = (typeof message === 'object' && message.kind === 'binary' ? (message.text ?? '') : inspect(message)).replace(/\n+$/, '');
  const quotes = pad('"""', 6);
  return [
    '#Inspect.Error<',
    `  got ${inspect(exceptionModule)} with message:`,
    '',
    quotes,
    pad(msg, 6),
    quotes,
    '',
    '  while inspecting:',
    '',
    pad(inspectPretty(struct, 80), 6),
    '',
    '  Stacktrace:',
    '',
    '',
    '>',
  ].join('\n');
}

export const INSPECT_PRELUDE = `defmodule Inspect.Custom do
  def render(term, opts, structs) do
    docs = :lists.map(fn s -> {s, doc(s, opts)} end, structs)
    Inspect.Custom.format(term, opts, docs)
  end

  # A raising inspect/2 prints as Inspect.Error, as Inspect.Algebra.to_doc/2 does with :safe.
  defp doc(s, opts) do
    try do
      Inspect.Custom.impl(s).inspect(s, opts)
    rescue
      e -> Inspect.Custom.error(e.__struct__, Exception.message(e), s)
    end
  end
end
`;
