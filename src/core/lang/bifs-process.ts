/**
 * Processes from Elixir: spawn*, send, Process.*, the matching :erlang BIFs, :timer.sleep,
 * :rand and :math. All of it goes through the calling process's ProcessApi (ctx.proc), so the
 * same code works for any node the process lives on.
 */
import { atom, bool, Float, Fun, NIL, NIL_ATOM, OK, Tuple, TRUE, FALSE, UNDEFINED, type Atom, type Pid, type Ref, type Term } from '../term/types.ts';
import { inspect } from '../term/inspect.ts';
import type { ProcessInfo } from '../runtime/process-api.ts';
import { ErlangError } from '../runtime/errors.ts';
import type { Bif, BifContext, BifFn, BuiltinModule } from './builtins.ts';
import { asErlang, raise } from './errors.ts';
import { badargAt, listArgs } from './bifs-kernel.ts';
import { list as listOf } from '../term/types.ts';
import { aliasBifs } from './bifs-alias.ts';
import { maxHeapFlag, maxHeapTerm, spawnOpts, type SpawnOpts } from './max-heap-options.ts';

const kindIs = (t: Term, k: string): boolean => typeof t === 'object' && t.kind === k;

/** `:erlang.whereis/1`: an atom's pid or port, or null; anything else is a badarg. */
function whereis(c: BifContext, n: Term): Term | null {
  if (!kindIs(n, 'atom')) badargAt(0, 'not an atom');
  return c.proc.whereis(n as Atom) ?? null;
}

function pidArg(t: Term, i: number): Pid {
  if (!kindIs(t, 'pid')) badargAt(i, 'not a pid');
  return t as Pid;
}

function spawnFun(ctx: BifContext, f: Term, opts: SpawnOpts): { pid: Term; monitorRef?: Term } {
  if (!(f instanceof Fun) || f.arity !== 0) badargAt(0, 'not a fun of arity 0');
  return ctx.node.spawn(ctx.proc, { fun: f }, opts);
}

function spawnMfa(ctx: BifContext, m: Term, f: Term, args: Term, opts: { link?: boolean; monitor?: boolean }): { pid: Term; monitorRef?: Term } {
  if (!kindIs(m, 'atom')) badargAt(0, 'not an atom');
  if (!kindIs(f, 'atom')) badargAt(1, 'not an atom');
  return ctx.node.spawn(ctx.proc, { module: m as Atom, name: f as Atom, args: listArgs(args, 2) }, opts);
}

function send(ctx: BifContext, dest: Term, msg: Term): Term {
  if (!ctx.proc.send(dest, msg)) badargAt(0, 'invalid destination');
  return msg;
}

/**
 * `:timer.sleep/1` is `receive after T`: a bad T is `:timeout_value`, as iex shows it. Process.sleep/1
 * fails the same way here; iex shows its FunctionClauseError (kept out: the first load's budget).
 */
function sleepMs(ms: Term, ctx: BifContext): Term {
  if (ms === atom('infinity')) return ctx.sleep(null, OK);
  if (typeof ms !== 'number' || ms < 0) throw new ErlangError(atom('timeout_value'), 'timeout_value');
  return ctx.sleep(ms, OK);
}

const INFO_KEYS = ['registered_name', 'current_function', 'status', 'message_queue_len', 'links', 'trap_exit', 'group_leader', 'reductions', 'messages', 'monitors', 'monitored_by'];

function infoValue(info: ProcessInfo, key: string): Term | undefined {
  switch (key) {
    case 'registered_name': return info.registeredName ?? listOf([]);
    case 'current_function': {
      const cf = info.currentFunction;
      return cf === undefined ? UNDEFINED : new Tuple([atom(cf[0]), atom(cf[1]), cf[2]]);
    }
    case 'current_stacktrace': {
      // Bodies without a stack of their own show their current function alone.
      const cf = info.currentFunction;
      return info.currentStacktrace?.() ?? listOf(cf === undefined ? [] : [new Tuple([atom(cf[0]), atom(cf[1]), cf[2], listOf([])])]);
    }
    case 'status': return atom(info.status);
    case 'message_queue_len': return info.messageQueueLen;
    case 'messages': return listOf(info.messages);
    case 'links': return listOf(info.links);
    // erts names what each monitor watches (the pid, or {name, node}), not its ref.
    case 'monitors': return listOf((info.monitorTargets ?? []).map((t) => new Tuple([atom('process'), t])));
    case 'monitored_by': return listOf(info.monitoredBy);
    case 'trap_exit': return bool(info.trapExit);
    case 'group_leader': return info.groupLeader;
    case 'reductions': return info.reductions;
    case 'max_heap_size': return info.maxHeap === undefined ? undefined : maxHeapTerm(info.maxHeap);
    default: return undefined;
  }
}

function processInfo(ctx: BifContext, pid: Term, key?: Term): Term {
  const info = ctx.proc.info(pidArg(pid, 0));
  if (info === undefined) return NIL_ATOM;
  if (key === undefined) {
    const items: Term[] = [];
    for (const k of INFO_KEYS) {
      if (k === 'registered_name' && info.registeredName === undefined) continue;
      items.push(new Tuple([atom(k), infoValue(info, k) as Term]));
    }
    return listOf(items);
  }
  if (!kindIs(key, 'atom')) badargAt(1, 'not an atom');
  const v = infoValue(info, (key as Atom).name);
  if (v === undefined) badargAt(1, 'invalid item or item list');
  if ((key as Atom).name === 'registered_name' && info.registeredName === undefined) return listOf([]);
  return new Tuple([key as Atom, v]);
}

function register(ctx: BifContext, pid: Term, name: Term): Term {
  try {
    ctx.proc.register(name as Atom, pidArg(pid, 0));
  } catch (e) {
    if (e instanceof ErlangError) {
      raise('ArgumentError', `could not register ${inspect(pid)} with name ${inspect(name)} because it is not alive, the name is already taken, or it has already been given another name`);
    }
    throw e;
  }
  return TRUE;
}

const FLUSH = atom('flush');
const INFO = atom('info');

function demonitor(ctx: BifContext, ref: Term, opts: Term): Term {
  if (!kindIs(ref, 'ref')) badargAt(0, 'not a reference');
  let flush = false;
  let info = false;
  for (let l = opts; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    if (l.head === FLUSH) flush = true;
    else if (l.head === INFO) info = true;
  }
  const found = ctx.proc.demonitor(ref as Ref, flush);
  // [:info]: whether the monitor was still there (false: its DOWN was already sent), as erts answers.
  return info ? bool(found) : TRUE;
}

const P = 'Elixir.Process';
const bif = (module: string, name: string, arity: number, fn: BifFn, control = false): Bif =>
  control ? { module, name, arity, fn, control } : { module, name, arity, fn };
const K = (name: string, arity: number, fn: BifFn) => bif('Elixir.Kernel', name, arity, fn);
const E = (name: string, arity: number, fn: BifFn) => bif('erlang', name, arity, fn);
const PR = (name: string, arity: number, fn: BifFn, control = false) => bif(P, name, arity, fn, control);

const pidOf = (r: { pid: Term }) => r.pid;
const pidRef = (r: { pid: Term; monitorRef?: Term }) => new Tuple([r.pid, r.monitorRef as Term]);
/** spawn_opt's answer: the pid, or `{pid, ref}` with :monitor. */
const spawned = (r: { pid: Term; monitorRef?: Term }) => (r.monitorRef === undefined ? r.pid : pidRef(r));

/** Processes: spawn, send, links, monitors, registry, timers, Process.* */
export const processModule: BuiltinModule = { name: 'process', bifs: [
  K('spawn', 1, ([f], c) => pidOf(spawnFun(c, f as Term, {}))),
  K('spawn', 3, ([m, f, a], c) => pidOf(spawnMfa(c, m as Term, f as Term, a as Term, {}))),
  K('spawn_link', 1, ([f], c) => pidOf(spawnFun(c, f as Term, { link: true }))),
  K('spawn_link', 3, ([m, f, a], c) => pidOf(spawnMfa(c, m as Term, f as Term, a as Term, { link: true }))),
  K('spawn_monitor', 1, ([f], c) => pidRef(spawnFun(c, f as Term, { monitor: true }))),
  K('spawn_monitor', 3, ([m, f, a], c) => pidRef(spawnMfa(c, m as Term, f as Term, a as Term, { monitor: true }))),
  K('send', 2, ([d, m], c) => send(c, d as Term, m as Term)),
  E('spawn', 1, ([f], c) => pidOf(spawnFun(c, f as Term, {}))),
  E('spawn', 3, ([m, f, a], c) => pidOf(spawnMfa(c, m as Term, f as Term, a as Term, {}))),
  E('spawn_link', 1, ([f], c) => pidOf(spawnFun(c, f as Term, { link: true }))),
  E('spawn_opt', 2, ([f, o], c) => spawned(spawnFun(c, f as Term, spawnOpts(o as Term)))),
  E('spawn_link', 3, ([m, f, a], c) => pidOf(spawnMfa(c, m as Term, f as Term, a as Term, { link: true }))),
  E('send', 2, ([d, m], c) => send(c, d as Term, m as Term)),
  E('!', 2, ([d, m], c) => send(c, d as Term, m as Term)),
  E('link', 1, ([p], c) => (c.proc.link(pidArg(p as Term, 0)), TRUE)),
  E('unlink', 1, ([p], c) => (c.proc.unlink(pidArg(p as Term, 0)), TRUE)),
  E('monitor', 2, ([_t, d], c) => c.proc.monitor(d as Term)),
  E('demonitor', 1, ([r], c) => demonitor(c, r as Term, NIL)),
  E('demonitor', 2, ([r, o], c) => demonitor(c, r as Term, o as Term)),
  E('exit', 2, ([p, r], c) => (c.proc.exit(pidArg(p as Term, 0), r as Term), TRUE)),
  E('process_flag', 2, ([f, v], c) => processFlag(c, f as Term, v as Term)),
  E('is_process_alive', 1, ([p], c) => bool(c.proc.isAlive(pidArg(p as Term, 0)))),
  E('register', 2, ([n, p], c) => register(c, p as Term, n as Term)),
  E('unregister', 1, ([n], c) => (c.proc.unregister(n as Atom), TRUE)),
  E('whereis', 1, ([n], c) => whereis(c, n as Term) ?? UNDEFINED),
  E('registered', 0, (_a, c) => listOf(c.proc.registered())),
  E('processes', 0, (_a, c) => listOf(c.proc.processes())),
  E('process_info', 1, ([p], c) => processInfo(c, p as Term)),
  E('process_info', 2, ([p, k], c) => processInfo(c, p as Term, k as Term)),
  E('group_leader', 0, (_a, c) => c.proc.groupLeader()),
  E('group_leader', 2, ([gl, p], c) => (c.proc.setGroupLeader(pidArg(p as Term, 1), pidArg(gl as Term, 0)), TRUE)),
  E('send_after', 3, ([ms, d, m], c) => c.proc.sendAfter(d as Term, m as Term, ms as number)),
  E('cancel_timer', 1, ([r], c) => { const left = c.proc.cancelTimer(r as Ref); return left === false ? FALSE : left; }),
  PR('sleep', 1, ([ms], c) => sleepMs(ms as Term, c), true),
  bif('erlang', 'hibernate', 3, ([m, f, args], c) => {
    if (!kindIs(m as Term, 'atom')) badargAt(0, 'not an atom');
    if (!kindIs(f as Term, 'atom')) badargAt(1, 'not an atom');
    return c.hibernate(m as Atom, f as Atom, listArgs(args as Term, 2));
  }, true),
  PR('spawn', 2, ([f, o], c) => spawned(spawnFun(c, f as Term, spawnOpts(o as Term)))),
  PR('send', 3, ([d, m], c) => (send(c, d as Term, m as Term), OK)),
  PR('send_after', 3, ([d, m, ms], c) => c.proc.sendAfter(d as Term, m as Term, ms as number)),
  PR('send_after', 4, ([d, m, ms], c) => c.proc.sendAfter(d as Term, m as Term, ms as number)),
  PR('cancel_timer', 1, ([r], c) => { const left = c.proc.cancelTimer(r as Ref); return left === false ? FALSE : left; }),
  PR('read_timer', 1, () => FALSE),
  PR('exit', 2, ([p, r], c) => (c.proc.exit(pidArg(p as Term, 0), r as Term), TRUE)),
  PR('flag', 2, ([f, v], c) => processFlag(c, f as Term, v as Term)),
  PR('link', 1, ([p], c) => (c.proc.link(pidArg(p as Term, 0)), TRUE)),
  PR('unlink', 1, ([p], c) => (c.proc.unlink(pidArg(p as Term, 0)), TRUE)),
  PR('monitor', 1, ([d], c) => c.proc.monitor(d as Term)),
  PR('demonitor', 1, ([r], c) => demonitor(c, r as Term, NIL)),
  PR('demonitor', 2, ([r, o], c) => demonitor(c, r as Term, o as Term)),
  // Process.alive?/1 is :erlang.is_process_alive/1 inlined; Process.whereis/1 calls :erlang.whereis/1.
  PR('alive?', 1, (a, c) => asErlang('is_process_alive', a, () => bool(c.proc.isAlive(pidArg(a[0] as Term, 0))))),
  PR('info', 1, ([p], c) => processInfo(c, p as Term)),
  PR('info', 2, ([p, k], c) => processInfo(c, p as Term, k as Term)),
  PR('register', 2, ([p, n], c) => register(c, p as Term, n as Term)),
  PR('unregister', 1, ([n], c) => (c.proc.unregister(n as Atom), TRUE)),
  PR('whereis', 1, (a, c) => asErlang('whereis', a, () => whereis(c, a[0] as Term)) ?? NIL_ATOM),
  PR('registered', 0, (_a, c) => listOf(c.proc.registered())),
  PR('list', 0, (_a, c) => listOf(c.proc.processes())),
  PR('group_leader', 0, (_a, c) => c.proc.groupLeader()),
  PR('group_leader', 2, ([p, gl], c) => (c.proc.setGroupLeader(pidArg(p as Term, 0), pidArg(gl as Term, 1)), TRUE)),
  bif('timer', 'sleep', 1, ([ms], c) => sleepMs(ms as Term, c), true),
  bif('rand', 'uniform', 0, (_a, c) => new Float(c.proc.random())),
  bif('rand', 'uniform', 1, ([n], c) => {
    if (typeof n !== 'number' || n < 1) badargAt(0, 'not a positive integer');
    return 1 + Math.floor(c.proc.random() * n);
  }),
  bif('Elixir.Node', 'self', 0, (_a, c) => c.proc.nodeName),
  bif('Elixir.Node', 'alive?', 0, (_a, c) => bool(c.proc.nodeName !== atom('nonode@nohost'))),
  bif('Elixir.Node', 'list', 0, () => NIL),
  ...mathBifs(),
  ...aliasBifs,
] };

function processFlag(c: BifContext, flag: Term, v: Term): Term {
  if (flag === atom('trap_exit')) {
    if (v !== TRUE && v !== FALSE) badargAt(1, 'not a boolean');
    return bool(c.proc.setTrapExit(v === TRUE));
  }
  if (flag === atom('max_heap_size')) return maxHeapFlag(c, v);
  return badargAt(0, 'invalid process flag');
}

function mathBifs(): Bif[] {
  const num = (t: Term | undefined): number => {
    if (typeof t === 'number') return t;
    if (typeof t === 'bigint') return Number(t);
    if (t instanceof Float) return t.value;
    return badargAt(0, 'not a number');
  };
  const f = (x: number): Term => {
    if (!Number.isFinite(x)) raise('ArithmeticError', 'bad argument in arithmetic expression');
    return new Float(x);
  };
  const one: [string, (x: number) => number][] = [
    ['sqrt', Math.sqrt], ['sin', Math.sin], ['cos', Math.cos], ['tan', Math.tan], ['exp', Math.exp],
    ['log', Math.log], ['log2', Math.log2], ['log10', Math.log10], ['floor', Math.floor], ['ceil', Math.ceil],
    ['atan', Math.atan], ['asin', Math.asin], ['acos', Math.acos],
  ];
  return [
    bif('math', 'pi', 0, () => new Float(Math.PI)),
    bif('math', 'pow', 2, ([a, b]) => f(Math.pow(num(a), num(b)))),
    bif('math', 'atan2', 2, ([a, b]) => f(Math.atan2(num(a), num(b)))),
    ...one.map(([n, fn]) => bif('math', n, 1, ([x]) => f(fn(num(x))))),
  ];
}
