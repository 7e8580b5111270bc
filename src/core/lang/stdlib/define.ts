/**
 * `defineBifs('Elixir.Enum', { 'at/2': ([e, i]) => ... })`: a module's BIFs from a table keyed
 * `name/arity`, so each stdlib file reads as a list of Elixir functions. Nothing is registered:
 * index.ts lists the stdlib modules a node is assembled from.
 */
import type { Term } from '../../term/types.ts';
import type { Bif, BifContext } from '../builtins.ts';

export type BifTable = Record<string, (args: readonly Term[], ctx: BifContext) => Term>;

export function defineBifs(module: string, table: BifTable, control = false): Bif[] {
  const bifs: Bif[] = Object.entries(table).map(([key, fn]) => {
    const slash = key.lastIndexOf('/');
    const bif: Bif = { module, name: key.slice(0, slash), arity: Number(key.slice(slash + 1)), fn };
    return control ? { ...bif, control: true } : bif;
  });
  return bifs;
}

/** Argument `i` (the VM always passes `arity` arguments). */
export function at(args: readonly Term[], i: number): Term {
  return args[i] as Term;
}

/** A BIF of `bifs` by name and arity, for a BIF that is another one under a second name. */
export function findBif(bifs: readonly Bif[], name: string, arity: number): Bif | undefined {
  return bifs.find((b) => b.name === name && b.arity === arity);
}
