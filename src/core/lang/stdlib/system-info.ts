/**
 * `:erlang.system_info/1` for the keys a textbook asks about. The release and version are
 * OTP 25's (the release our wire, shell and error texts follow: erts 13.1.5, as the real
 * node on this project's machine reports). Where a tab cannot be a real node the value says
 * what the tab is: one scheduler (every process of a tab runs on its one JS thread), so
 * `[smp:1:1]` in system_version and no `[jit]`; no ports. Limits are BEAM's defaults, which
 * the tab keeps for atoms (term/types.ts ATOM_LIMIT) and does not reach for processes.
 */
import { ATOM_LIMIT, atomCount, TRUE, type Term } from '../../term/types.ts';
import type { BifContext } from '../builtins.ts';
import { at, defineBifs } from './define.ts';
import { badarg } from './errors.ts';
import { fromArray } from './enumerable.ts';

const charlist = (s: string): Term => fromArray(Array.from(s, (c) => c.codePointAt(0) as number));
const VERSION = '13.1.5';

const ITEMS: Record<string, (ctx: BifContext) => Term> = {
  otp_release: () => charlist('25'),
  version: () => charlist(VERSION),
  machine: () => charlist('BEAM'),
  system_version: () => charlist(`Erlang/OTP 25 [erts-${VERSION}] [source] [64-bit] [smp:1:1] [ds:1:1:10] [async-threads:1]\n`),
  wordsize: () => 8,
  smp_support: () => TRUE,
  threads: () => TRUE,
  schedulers: () => 1,
  schedulers_online: () => 1,
  logical_processors: () => 1,
  logical_processors_online: () => 1,
  dirty_cpu_schedulers: () => 1,
  thread_pool_size: () => 1,
  process_count: (ctx) => ctx.proc.processes().length,
  process_limit: () => 262_144,
  atom_count: () => atomCount(),
  atom_limit: () => ATOM_LIMIT,
  port_count: () => 0,
  port_limit: () => 65_536,
  ets_limit: () => 8192,
  dist_buf_busy_limit: () => 1_048_576,
};

export const systemInfoBifs = defineBifs('erlang', {
  'system_info/1': (a, ctx) => {
    const item = at(a, 0);
    const value = typeof item === 'object' && item.kind === 'atom' && Object.hasOwn(ITEMS, item.name) ? ITEMS[item.name] : undefined;
    return value === undefined ? badarg(1, 'invalid system info item') : value(ctx);
  },
});
