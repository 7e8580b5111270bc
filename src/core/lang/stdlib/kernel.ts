/**
 * Kernel functions beyond the VM's core set (to_charlist, binary_part, inspect/2 options,
 * then/2), Access (what `map[key]` compiles to) and Range (the struct `first..last//step`).
 */
import { atom, Binary, NIL_ATOM, TRUE, type Atom, type Term } from '../../term/types.ts';
import { mapGet } from '../../term/map.ts';
import { inspect, inspectPretty, type InspectOptions } from '../../term/inspect.ts';
import { STRUCT_KEY, structFieldsOf } from '../structs.ts';
import { at, defineBifs, findBif } from './define.ts';
import { erlangBifs, functionExported } from './erlang.ts';
import { functionClause } from './errors.ts';
import { enumToArray, fromArray, makeRange, rangeParts, rangeSize } from './enumerable.ts';
import { argumentError, ElixirThrow, exception } from '../errors.ts';
import type { BifContext } from '../builtins.ts';
import { chars } from './values.ts';

function option(opts: Term, name: string): Term | undefined {
  for (const p of enumToArray(opts)) {
    if (typeof p === 'object' && p.kind === 'tuple' && p.elements[0] === atom(name)) return p.elements[1] as Term;
  }
  return undefined;
}

/**
 * `inspect(term, opts)`: `limit`, `printable_limit`, `pretty`, `width` (`:infinity` allowed).
 * `charlists:`/`binaries:` need the term layer's inspect to support them (not yet: ignored).
 */
export function inspectWith(t: Term, opts: Term, structFields?: InspectOptions['structFields']): string {
  const num = (v: Term | undefined): number | undefined =>
    typeof v === 'number' ? v : v === atom('infinity') ? Infinity : undefined;
  const o: { -readonly [K in keyof InspectOptions]: InspectOptions[K] } = structFields ? { structFields } : {};
  const limit = num(option(opts, 'limit'));
  if (limit !== undefined) o.limit = limit;
  const plimit = num(option(opts, 'printable_limit'));
  if (plimit !== undefined) o.printableLimit = plimit;
  if (option(opts, 'pretty') === TRUE) return inspectPretty(t, num(option(opts, 'width')) ?? 80, o);
  return inspect(t, o);
}

export const kernelBifs = defineBifs('Elixir.Kernel', {
  'to_charlist/1': (a) => {
    const b = chars(at(a, 0));
    return fromArray(Array.from(b.text ?? String.fromCharCode(...b.bytes), (c) => c.codePointAt(0) as number));
  },
  'inspect/2': (a, ctx) => Binary.fromString(inspectWith(at(a, 0), at(a, 1), structFieldsOf(ctx.node))),
  'floor/1': (a) => (findBif(erlangBifs, 'floor', 1)?.fn(a, undefined as never) ?? NIL_ATOM),
  'ceil/1': (a) => (findBif(erlangBifs, 'ceil', 1)?.fn(a, undefined as never) ?? NIL_ATOM),
  'binary_part/3': (a) => (findBif(erlangBifs, 'binary_part', 3)?.fn(a, undefined as never) ?? NIL_ATOM),
});

export const thenBifs = defineBifs(
  'Elixir.Kernel',
  {
    'then/2': (a, ctx) => ctx.tailCall(at(a, 1), [at(a, 0)]),
    // Runs the fun then returns the value: continues in Elixir (prelude/timer.ts).
    'tap/2': (a, ctx) => ctx.tailCallMfa(atom('stdlib_kernel'), atom('tap'), [at(a, 0), at(a, 1)]),
    'function_exported?/3': (a, ctx) => functionExported(a, ctx),
    // Access paths (prelude/timer.ts's :stdlib_kernel, since they may call funs).
    ...Object.fromEntries(
      ['get_in/2', 'put_in/3', 'update_in/3', 'pop_in/2', 'get_and_update_in/3'].map((k) => {
        const name = atom(k.slice(0, k.indexOf('/')));
        return [k, (a: readonly Term[], ctx: BifContext) => ctx.tailCallMfa(atom('stdlib_kernel'), name, a)];
      }),
    ),
  },
  true,
);


function accessGet(c: Term, k: Term, dflt: Term, ctx: BifContext): Term {
  if (c === NIL_ATOM) return dflt;
  if (typeof c === 'object' && c.kind === 'map') {
    const module = mapGet(c, STRUCT_KEY);
    if (typeof module === 'object' && module.kind === 'atom' && !ctx.node.functionExported(module, FETCH, 2)) notAccess(module);
    return mapGet(c, k) ?? dflt;
  }
  if (typeof c === 'object' && (c.kind === 'cons' || c.kind === 'nil')) {
    if (typeof k !== 'object' || k.kind !== 'atom') {
      return argumentError(`the Access calls for keywords expect the key to be an atom, got: ${inspect(k)}`);
    }
    for (const p of enumToArray(c)) {
      if (typeof p === 'object' && p.kind === 'tuple' && p.size === 2 && p.elements[0] === k) return p.elements[1] as Term;
    }
    return dflt;
  }
  return functionClause('Access', 'get', 3);
}

const FETCH = atom('fetch');

/** A struct is no map to Access: Elixir calls its module's fetch/2 and words a missing one so. */
function notAccess(module: Atom): never {
  const why = `${inspect(module)} does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1`;
  throw new ElixirThrow('error', exception('UndefinedFunctionError', '', [['module', module], ['function', FETCH], ['arity', 2], ['reason', Binary.fromString(why)], ['message', NIL_ATOM]]));
}

export const accessBifs = defineBifs('Elixir.Access', {
  'get/2': (a, ctx) => accessGet(at(a, 0), at(a, 1), NIL_ATOM, ctx),
  'get/3': (a, ctx) => accessGet(at(a, 0), at(a, 1), at(a, 2), ctx),
});

function newRange(first: Term, last: Term, step: Term | undefined): Term {
  if (typeof first !== 'number' || typeof last !== 'number') {
    return argumentError(`ranges (first..last) expect both sides to be integers, got: ${inspect(first)}..${inspect(last)}`);
  }
  if (step === undefined) return makeRange(first, last, first <= last ? 1 : -1);
  if (typeof step !== 'number' || step === 0) {
    return argumentError(`ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: ${inspect(first)}..${inspect(last)}//${inspect(step)}`);
  }
  return makeRange(first, last, step);
}

export const rangeBifs = defineBifs('Elixir.Range', {
  'new/2': (a) => newRange(at(a, 0), at(a, 1), undefined),
  'new/3': (a) => newRange(at(a, 0), at(a, 1), at(a, 2)),
  'size/1': (a) => {
    const r = rangeParts(at(a, 0));
    return r === null ? functionClause('Range', 'size', 1) : rangeSize(r);
  },
});
