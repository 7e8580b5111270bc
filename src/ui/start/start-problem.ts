/**
 * What the start panel says is wrong with the name, in plain words: a name another node holds
 * (the signalling server refused it, as EPMD refuses a taken name; the shell shows Erlang's own
 * line), or a name `iex --sname` would not take.
 */

/** Short names as `--sname` takes them here: letters, digits, `_` and `-`. */
const SNAME = /^[A-Za-z0-9_-]+$/;

export interface StartProblem {
  readonly kind: 'refused' | 'invalid';
  readonly text: string;
}

/** The problem with `sname` (null: none, or nothing typed yet); `refused` is the node name refused before. */
export function startProblem(sname: string, refused: string | null): StartProblem | null {
  if (refused !== null && sname === refused.split('@')[0]) {
    return {
      kind: 'refused',
      text: `The name ${refused} is already taken by another node (another tab may be using it). Choose another short name, or close that tab first.`,
    };
  }
  if (sname === '' || SNAME.test(sname)) return null;
  if (sname.includes('@')) return { kind: 'invalid', text: 'Give the short name only (for example one): the part after @ is this browser\'s host name, added for you.' };
  const bad = [...new Set([...sname].filter((c) => !SNAME.test(c)))].map((c) => (c === ' ' ? 'a space' : `“${c}”`));
  return { kind: 'invalid', text: `A short name can only have letters, digits, _ and -, so it cannot contain ${bad.join(', ')}.` };
}
