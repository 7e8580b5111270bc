/**
 * How a node starts, from iex's flags or a tab's URL, through one parser: the terminal's
 * `--sname one --cookie c --hidden` and the page's `?sname=one&cookie=c&hidden` give the same
 * StartOptions. The host part of a short name is the machine's (the terminal's host name, the
 * browser profile's made-up one); a tab's `host=` stands in for the machine.
 *
 *   --sname one      ?sname=one     one@<host>   (a name with `@` is taken as it is)
 *   --name one@h.x   ?name=one@h.x  one@h.x
 *   --cookie c       ?cookie=c      the cookie (else the machine's default: ~/.erlang.cookie, the profile's)
 *   --hidden         ?hidden        a hidden node: its connections are Node.list(:hidden), no mesh, no :global
 *   --connect-all false  ?connect_all=false  erl's `-connect_all false`: no transitive mesh, the node
 *                    connects only where it is asked (as erl, any other value is true, the first one given counts)
 */
import type { Clock, OutputSink, Random } from '../core/ports.ts';
import type { NodeOptions } from '../core/runtime/node.ts';

export interface StartOptions {
  /** `one@host`, or null: not alive (nonode@nohost), as iex without --sname/--name. */
  readonly node: string | null;
  /** The cookie given, or null for the machine's default. */
  readonly cookie: string | null;
  readonly hidden: boolean;
  /** False with `-connect_all false`: no transitive full mesh (see DistributionOptions.connectAll); absent: on. */
  readonly connectAll?: boolean;
}

type Flag = 'sname' | 'name' | 'cookie' | 'hidden' | 'connect_all';
const TAKES_VALUE: ReadonlySet<Flag> = new Set(['sname', 'name', 'cookie', 'connect_all']);
const FLAGS: ReadonlySet<string> = new Set([...TAKES_VALUE, 'hidden']);

/** The one place flags become options; `flags` in the order given (a later one wins, as in erl). */
function resolve(flags: readonly (readonly [Flag, string])[], host: string, longHost = host): StartOptions {
  let node: string | null = null;
  let cookie: string | null = null;
  let hidden = false;
  let connectAll: boolean | null = null;
  for (const [flag, value] of flags) {
    if (flag === 'hidden') hidden = true;
    else if (flag === 'cookie') cookie = value;
    // global.erl reads the first -connect_all given, and only `false` turns it off.
    else if (flag === 'connect_all') connectAll ??= value !== 'false';
    else node = value.includes('@') ? value : `${value}@${flag === 'name' ? longHost : host}`;
  }
  // Only the change from the default is written down, so options made by hand need not say it.
  return { node, cookie, hidden, ...(connectAll === false ? { connectAll } : {}) };
}

/** `npm run iex -- --sname one --cookie c [--hidden] [--connect-all false]`; throws on an unknown or incomplete flag, in erl's words. */
export function startOptionsFromArgs(argv: readonly string[], host: string): StartOptions {
  const flags: [Flag, string][] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    // `--connect-all` as the task's terminal spells it, `--connect_all` as erl does.
    const flag = arg.startsWith('--') ? arg.slice(2).replace('-', '_') : '';
    if (!FLAGS.has(flag)) throw new Error(`unknown option ${arg}`);
    if (!TAKES_VALUE.has(flag as Flag)) {
      flags.push([flag as Flag, '']);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} : missing argument`);
    flags.push([flag as Flag, value]);
  }
  return resolve(flags, host);
}

/**
 * A tab's `?sname=one&host=lab&cookie=c&hidden&connect_all=false`; other parameters are the page's business. Empty values count as absent.
 * `machineLongHost`: a long name's host part when it has none (the `--beam` server's `--host` name), else the same as a short name's.
 */
export function startOptionsFromUrl(params: URLSearchParams, machineHost: string, machineLongHost?: string): StartOptions {
  const flags: [Flag, string][] = [];
  for (const [key, value] of params) {
    if (key === 'hidden') flags.push(['hidden', '']);
    else if (TAKES_VALUE.has(key as Flag) && value !== '') flags.push([key as Flag, value]);
  }
  // `name=` wins over `sname=` in a URL whatever their order (a long name is the more specific).
  flags.sort((a, b) => Number(a[0] === 'name') - Number(b[0] === 'name'));
  const given = params.get('host');
  return given ? resolve(flags, given) : resolve(flags, machineHost, machineLongHost);
}

/** The real effects a node runs on: made only by a composition root (src/host/real-effects.ts) or a test. */
export interface NodeEffects {
  /** Monotonic milliseconds (timers, ticks). */
  readonly clock: Clock;
  /** Wall-clock (Unix) milliseconds, for log timestamps, `:erlang.system_time` and `DateTime.utc_now`. */
  readonly wallClock: Clock;
  readonly random: Random;
  /** `HH:MM:SS.mmm` of a wall-clock time, as Logger prints it. */
  readonly formatTime: (ms: number) => string;
}

/** What createPlaygroundNode takes to start `start` on `effects`: a named node gets a random creation, as BEAM's. */
export function nodeOptionsFor(start: StartOptions, effects: NodeEffects, stdout: OutputSink): Omit<NodeOptions, 'formatCrash'> {
  const { clock, wallClock, random, formatTime } = effects;
  const named = start.node === null ? {} : { name: start.node, creation: 1 + Math.floor(random.next() * 0xfffffffe) };
  return { clock, wallClock, random, formatTime, stdout, ...named };
}

/** What a node's start options ask of its distribution (goAlive's options beside transport and cookie). */
export function distributionStart(start: StartOptions): { hidden?: true; connectAll?: false } {
  return { ...(start.hidden ? { hidden: true } : {}), ...(start.connectAll === false ? { connectAll: false } : {}) };
}
