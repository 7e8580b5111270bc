/**
 * Protocol dispatch (`:elixir_protocol`, called by the modules defprotocol makes, see
 * compiler-protocol.ts) and String.Chars for structs: `to_string/1` and interpolation call an
 * implementation `String.Chars.Mod` when the value is a struct that has one.
 *
 * Dispatch is Elixir's `impl_for/1` unconsolidated: a struct uses `Proto.Mod` (or `Proto.Any`
 * when it derives the protocol), any other term the implementation for its type (`Proto.List`,
 * `Proto.BitString`...), then `Proto.Any` when the protocol has `@fallback_to_any true`.
 */
import { atom, TRUE, NIL_ATOM, type Atom, type MapTerm, type Term } from '../../term/types.ts';
import type { BifContext, LangNode } from '../builtins.ts';
import { ElixirThrow, protocolUndefined } from '../errors.ts';
import { isStruct, STRUCT_KEY } from '../structs.ts';
import { toStr } from '../values.ts';
import { at, defineBifs } from './define.ts';

/** Elixir's name for the type of a non-struct term, as impl modules are named (`Size.BitString`). */
function typeModule(t: Term): string {
  if (typeof t === 'number' || typeof t === 'bigint') return 'Integer';
  switch (t.kind) {
    case 'float': return 'Float';
    case 'atom': return 'Atom';
    case 'binary': case 'bitstring': return 'BitString';
    case 'cons': case 'nil': return 'List';
    case 'tuple': return 'Tuple';
    case 'map': return 'Map';
    case 'fun': return 'Function';
    case 'pid': return 'PID';
    case 'port': return 'Port';
    case 'ref': return 'Reference';
  }
}

/** The implementation module of `protocol` for `x`, or null. */
export function implFor(protocol: Atom, fallback: boolean, x: Term, node: LangNode): Atom | null {
  const loaded = (name: string): Atom | null => {
    const a = atom(`${protocol.name}.${name}`);
    return node.moduleLoaded(a) ? a : null;
  };
  if (isStruct(x)) {
    const mod = (x as MapTerm).entries.get(STRUCT_KEY)?.[1] as Atom;
    const own = loaded(mod.name.startsWith('Elixir.') ? mod.name.slice(7) : mod.name);
    if (own !== null) return own;
    if (node.structOf(mod)?.derive?.includes(protocol) === true) return loaded('Any');
  } else {
    const own = loaded(typeModule(x));
    if (own !== null) return own;
  }
  return fallback ? loaded('Any') : null;
}


function dispatch(protocol: Atom, fallback: Term, name: Atom, args: Term, ctx: BifContext): Term {
  const argv: Term[] = [];
  for (let l = args; typeof l === 'object' && l.kind === 'cons'; l = l.tail) argv.push(l.head);
  const x = argv[0] as Term;
  const impl = implFor(protocol, fallback === TRUE, x, ctx.node);
  if (impl === null) throw protocolUndefined(protocol, x);
  return ctx.tailCallMfa(impl, name, argv);
}

const STRING_CHARS = atom('Elixir.String.Chars');
const TO_STRING = atom('to_string');

/** `to_string/1`: a struct's String.Chars implementation, the built-in rules otherwise. */
function toString(x: Term, ctx: BifContext): Term {
  if (!isStruct(x)) return toStr(x);
  const impl = implFor(STRING_CHARS, false, x, ctx.node);
  if (impl === null) throw protocolUndefined(STRING_CHARS, x);
  return ctx.tailCallMfa(impl, TO_STRING, [x]);
}

/** Inline for everything but structs (the common case stays a plain call). */
const toStringSmall = (args: readonly Term[]): Term | undefined => (isStruct(args[0] as Term) ? undefined : toStr(args[0] as Term));

export const protocolBifs = [
  ...defineBifs('elixir_protocol', {
    'dispatch/4': (a, ctx) => dispatch(at(a, 0) as Atom, at(a, 1), at(a, 2) as Atom, at(a, 3), ctx),
  }, true),
  ...defineBifs('elixir_protocol', {
    'impl_for/3': (a, ctx) => implFor(at(a, 0) as Atom, at(a, 1) === TRUE, at(a, 2), ctx.node) ?? NIL_ATOM,
    'impl_for!/3': (a, ctx) => {
      const impl = implFor(at(a, 0) as Atom, at(a, 1) === TRUE, at(a, 2), ctx.node);
      if (impl === null) throw protocolUndefined(at(a, 0) as Atom, at(a, 2));
      return impl;
    },
    'info/3': (a) => {
      const [mod, functions, key] = [at(a, 0), at(a, 1), at(a, 2)];
      if (key === atom('functions')) return functions;
      if (key === atom('module')) return mod;
      if (key === atom('consolidated?')) return atom('false');
      if (key === atom('impls')) return atom('not_consolidated');
      throw new ElixirThrow('error', atom('function_clause'));
    },
  }),
  ...[['Elixir.Kernel', 'to_string'], ['Elixir.String.Chars', 'to_string']].map(([module, name]) => ({
    module: module as string, name: name as string, arity: 1, control: true,
    fn: (a: readonly Term[], ctx: BifContext) => toString(at(a, 0), ctx),
    small: toStringSmall,
  })),
];
