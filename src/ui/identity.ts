/**
 * A tab's node identity from its URL, mirroring iex's flags: `?sname=one&host=lab&cookie=c&hidden`
 * (also `name=`), parsed as the terminal's flags are (playground/start-options.ts). The browser
 * profile plays the machine: its host name and default cookie are made once and kept in
 * localStorage (like ~/.erlang.cookie). No `sname`/`name` → not alive: `nonode@nohost`, as
 * `iex` without flags.
 */
import { startOptionsFromUrl, type StartOptions } from '../playground/start-options.ts';

export interface Identity {
  /** `one@lab`, or `nonode@nohost` when the tab has no name. */
  readonly node: string;
  readonly alive: boolean;
  readonly cookie: string;
  /** `?hidden` mirrors `iex --hidden`: its connections are Node.list(:hidden), no mesh, no :global. */
  readonly hidden: boolean;
  /** The options the node starts with (the same object iex's flags give). */
  readonly start: StartOptions;
}

export interface MachineDefaults {
  readonly host: string;
  /** A long name's host part (`?name=one`), when it differs: the `--beam` server's (ui/beam-page.ts). */
  readonly longHost?: string;
  readonly cookie: string;
}

export function identityFromUrl(search: string, machine: MachineDefaults): Identity {
  const start = startOptionsFromUrl(new URLSearchParams(search), machine.host, machine.longHost);
  return { node: start.node ?? 'nonode@nohost', alive: start.node !== null, cookie: start.cookie ?? machine.cookie, hidden: start.hidden, start };
}

const WORDS_A = ['amber', 'brisk', 'calm', 'dusty', 'eager', 'fuzzy', 'gentle', 'hazel', 'ivory', 'jolly', 'keen', 'lucky'];
const WORDS_B = ['fox', 'owl', 'lynx', 'otter', 'heron', 'bison', 'crane', 'finch', 'moose', 'panda', 'raven', 'seal'];

/** The profile's host name and cookie, made on first use with `random` and kept in `storage`. */
export function machineDefaults(storage: Pick<Storage, 'getItem' | 'setItem'>, random: () => number): MachineDefaults {
  let host = storage.getItem('playground.host');
  if (!host) {
    const pick = (words: string[]) => words[Math.floor(random() * words.length)] as string;
    host = `${pick(WORDS_A)}-${pick(WORDS_B)}`;
    storage.setItem('playground.host', host);
  }
  let cookie = storage.getItem('playground.cookie');
  if (!cookie) {
    cookie = Array.from({ length: 20 }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join('');
    storage.setItem('playground.cookie', cookie);
  }
  return { host, cookie };
}
