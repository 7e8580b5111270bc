/**
 * Process aliases from Elixir (OTP 24+; runtime in core/runtime/aliases.ts): `:erlang.alias/0,1`,
 * `:erlang.unalias/1` and `:erlang.monitor/3` with `[{:alias, mode}]`, with erts' argument errors.
 * Sending to an alias is plain `send/2` (routing.ts takes a reference as a destination).
 */
import { atom, bool, type Atom, type Pid, type Ref, type Term } from '../term/types.ts';
import type { AliasMode } from '../runtime/aliases.ts';
import type { Bif, BifFn } from './builtins.ts';
import { badargAt } from './bifs-kernel.ts';

/** The elements of an option list, or badarg at `index` ("not a list"). */
function options(t: Term, index: number): Term[] {
  const out: Term[] = [];
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) out.push(l.head);
  if (typeof l !== 'object' || l.kind !== 'nil') badargAt(index, 'not a list');
  return out;
}

const ALIAS_OPTIONS: Record<string, AliasMode> = { explicit_unalias: 'explicit', reply: 'reply' };
const MONITOR_ALIAS: Record<string, AliasMode> = {
  explicit_unalias: 'explicit', demonitor: 'demonitor', reply_demonitor: 'reply_demonitor',
};

/** alias/1: the last of `explicit_unalias` / `reply` wins, as erts reads the list. */
const alias1: BifFn = ([opts], c) => {
  let mode: AliasMode = 'explicit';
  for (const o of options(opts as Term, 0)) {
    const m = typeof o === 'object' && o.kind === 'atom' ? ALIAS_OPTIONS[o.name] : undefined;
    if (m === undefined) badargAt(0, 'invalid option in list');
    mode = m;
  }
  return c.proc.alias(mode);
};

const ALIAS = atom('alias');
const PROCESS = atom('process');

/**
 * monitor/3 for processes: the only OTP 25 option is `{alias, Mode}`. (Every GenServer.call
 * comes here: the list is walked in place, and the atoms are constants, not table lookups.)
 */
const monitor3: BifFn = ([type, target, opts], c) => {
  let mode: AliasMode | undefined;
  let invalid = false;
  let l = opts as Term;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const o = l.head;
    const m = typeof o === 'object' && o.kind === 'tuple' && o.elements.length === 2 && o.elements[0] === ALIAS
      && typeof o.elements[1] === 'object' && o.elements[1].kind === 'atom' ? MONITOR_ALIAS[(o.elements[1] as Atom).name] : undefined;
    if (m === undefined) invalid = true;
    else if (!invalid) mode = m;
  }
  if (typeof l !== 'object' || l.kind !== 'nil') badargAt(2, 'not a list');
  if (invalid) badargAt(2, 'invalid option in list');
  if (type !== PROCESS) badargAt(0, 'invalid monitor type');
  return c.proc.monitor(target as Term, mode);
};

const unalias: BifFn = ([r], c) => {
  if (typeof r !== 'object' || r.kind !== 'ref') badargAt(0, 'not a reference');
  return bool(c.proc.unalias(r));
};

/**
 * GenServer.reply to a caller's alias (gen:reply/2's `Alias ! {Tag, Reply}`): the message goes
 * to the alias; the pid the From names is told to the tracer as its addressee, so the canvas
 * draws the reply to the caller even when the alias lives on another node.
 */
const replyAlias: BifFn = ([pid, alias, msg], c) => {
  c.proc.sendToAlias(alias as Ref, msg as Term, pid as Pid);
  return msg as Term;
};

export const aliasBifs: readonly Bif[] = [
  { module: 'erlang', name: 'alias', arity: 0, fn: (_a, c) => c.proc.alias('explicit') },
  { module: 'erlang', name: 'alias', arity: 1, fn: alias1 },
  { module: 'erlang', name: 'unalias', arity: 1, fn: unalias },
  { module: 'erlang', name: 'monitor', arity: 3, fn: monitor3 },
  { module: 'otp_native', name: 'reply_alias', arity: 3, fn: replyAlias },
];

