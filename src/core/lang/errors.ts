/**
 * Raising from TypeScript: built-in functions and the VM signal Elixir errors by throwing an
 * `ElixirThrow`. The VM catches it at the process boundary (or in try/rescue) and turns it into
 * the right exit reason and message.
 *
 * Exceptions are Elixir structs: maps with `__struct__` (the module atom, e.g.
 * `Elixir.ArgumentError`), `__exception__: true` and `message` (plus module-specific fields).
 * `** (ArgumentError) message` is printed by formatting `kind` + `reason` (see format-error.ts).
 */
import { atom, Binary, MapTerm, TRUE, type Atom, type Term } from '../term/types.ts';

export type ErrorKind = 'error' | 'exit' | 'throw';

export class ElixirThrow {
  constructor(
    readonly kind: ErrorKind,
    readonly reason: Term,
  ) {}
}

const STRUCT = atom('__struct__');
const EXCEPTION = atom('__exception__');
const MESSAGE = atom('message');

/** `Elixir.ArgumentError` from `ArgumentError`. */
export function moduleAtom(name: string): Atom {
  return atom(name.startsWith('Elixir.') || /^[a-z]/.test(name) ? name : `Elixir.${name}`);
}

/**
 * An exception struct. Keys are atoms, and an atom is its own map key (src/core/term/hash.ts),
 * so the entries map can be built directly here.
 */
export function exception(module: string, message: string, fields: readonly (readonly [string, Term])[] = []): MapTerm {
  const entries = new Map<unknown, readonly [Term, Term]>();
  const put = (k: Atom, v: Term) => entries.set(k, [k, v]);
  put(STRUCT, moduleAtom(module));
  put(EXCEPTION, TRUE);
  put(MESSAGE, Binary.fromString(message));
  for (const [k, v] of fields) put(atom(k), v);
  return new MapTerm(entries);
}

/** Throw `** (Module) message` as `raise` does. */
export function raise(module: string, message: string, fields: readonly (readonly [string, Term])[] = []): never {
  throw new ElixirThrow('error', exception(module, message, fields));
}

export function argumentError(message = 'argument error'): never {
  return raise('ArgumentError', message);
}

export function arithmeticError(): never {
  return raise('ArithmeticError', 'bad argument in arithmetic expression');
}
