/**
 * `defineBifs('Elixir.Enum', { 'at/2': ([e, i]) => ... })`: register a module's pure BIFs from a
 * table keyed `name/arity`, so each stdlib file reads as a list of Elixir functions.
 */
import type { Term } from '../../term/types.ts';
import { registerBifs, type Bif, type BifContext } from '../builtins.ts';

export type BifTable = Record<string, (args: readonly Term[], ctx: BifContext) => Term>;

export function defineBifs(module: string, table: BifTable, control = false): Bif[] {
  const bifs: Bif[] = Object.entries(table).map(([key, fn]) => {
    const slash = key.lastIndexOf('/');
    const bif: Bif = { module, name: key.slice(0, slash), arity: Number(key.slice(slash + 1)), fn };
    return control ? { ...bif, control: true } : bif;
  });
  registerBifs(bifs);
  return bifs;
}

/** Argument `i` (the VM always passes `arity` arguments). */
export function at(args: readonly Term[], i: number): Term {
  return args[i] as Term;
}
