/**
 * The atom table's limit, BEAM's 1,048,576 atoms: past it, creating an atom raises system_limit
 * in the process that tried (BEAM 25 halts the node instead; a tab must not die), and every
 * existing atom keeps working. This file fills the table of its own test worker to the brim.
 */
import { describe, expect, it } from 'vitest';
import { ATOM_LIMIT, atom, atomCount } from '../core/term/types.ts';
import { decodeTerm } from '../distribution/etf/decode.ts';
import { startTypingSession } from './transcript.ts';

describe('the atom table limit', () => {
  it('raises SystemLimitError as iex prints it, and existing atoms still work', () => {
    const s = startTypingSession();
    // The same lines once before the table is full, so the shell's own atoms all exist.
    const lines = (n: string) => [
      `String.to_atom("fresh_${n}")`,
      `String.to_atom("later_${n}")`,
      `:erlang.list_to_atom(~c"later_${n}")`,
      `String.to_existing_atom("fresh_${n}")`,
      `String.to_existing_atom("never_${n}")`,
      `{:ok, %{a: 1}, [:erlang.system_time(:second) > 0]}`,
    ];
    for (const l of lines('warm')) s.type(l);
    const before = s.output().length;

    for (let i = 0; atomCount() < ATOM_LIMIT - 1; i++) atom(`filler_${i}`);
    for (const l of lines('full')) s.type(l);
    expect(atomCount()).toBeGreaterThanOrEqual(ATOM_LIMIT); // the runtime's own names may go past it

    // Real iex 1.14 for each error: String.to_atom/1 and String.to_existing_atom/1 fail as the
    // Erlang BIFs Elixir inlines them to (`:erlang.binary_to_atom("later_full", :utf8)`).
    expect(s.output().slice(before)).toBe(
      [
        'iex(6)> String.to_atom("fresh_full")',
        ':fresh_full',
        'iex(7)> String.to_atom("later_full")',
        '** (SystemLimitError) a system limit has been reached',
        '    :erlang.binary_to_atom("later_full", :utf8)',
        'iex(7)> :erlang.list_to_atom(~c"later_full")',
        '** (SystemLimitError) a system limit has been reached',
        "    :erlang.list_to_atom('later_full')",
        'iex(7)> String.to_existing_atom("fresh_full")',
        ':fresh_full',
        'iex(8)> String.to_existing_atom("never_full")',
        '** (ArgumentError) errors were found at the given arguments:',
        '',
        '  * 1st argument: not an already existing atom',
        '',
        '    :erlang.binary_to_existing_atom("never_full", :utf8)',
        'iex(8)> {:ok, %{a: 1}, [:erlang.system_time(:second) > 0]}',
        '{:ok, %{a: 1}, [true]}',
        '',
      ].join('\n'),
    );

    // A peer's message naming a new atom is refused (the link closes with this reason, logged);
    // one naming existing atoms decodes as before. SMALL_ATOM_UTF8_EXT: 131, 119, length, bytes.
    const atomBytes = (name: string) => new Uint8Array([131, 119, name.length, ...new TextEncoder().encode(name)]);
    expect(decodeTerm(atomBytes('from_a_peer'))).toEqual({ ok: false, error: 'the atom table is full (system_limit)' });
    expect(decodeTerm(atomBytes('fresh_full'))).toEqual({ ok: true, term: atom('fresh_full'), next: 13 });
  });
});
