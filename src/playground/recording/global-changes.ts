/**
 * `:global` register/unregister as recorder notes. The node's replica of the global name table
 * tells each change as it makes it (NameTable.watch), so nothing reads the table: a tab pays for
 * a name only when one is taken or given up, never per runtime event.
 */
import { Tuple, atom, type Term } from '../../core/term/types.ts';
import type { NameChange } from '../../distribution/global/name-table.ts';

/** What is read of a GlobalServer (src/distribution/global/server.ts). */
export interface GlobalNameSource {
  watchNames(listener: (c: NameChange) => void): () => void;
}

/** The note's text: `{:register, name, pid}`. */
export function globalNote(c: NameChange): Term {
  return new Tuple([atom(c.kind), c.name, c.pid]);
}
