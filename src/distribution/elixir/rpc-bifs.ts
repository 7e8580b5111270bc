/**
 * `:erpc`, `:rpc` and `:net_adm` as a node's built-ins: each function continues in the Elixir
 * of rpc-prelude.ts (`Kernel.Erpc`, `Kernel.Rpc`), over `:erlang.spawn_request`
 * (spawn-request.ts). `startRex` runs the node's `rex` server, a system process like BEAM's
 * (hidden on the canvas with the node's other built-in processes).
 */
import { atom, list, tuple, type Pid, type Term } from '../../core/term/types.ts';
import { listToArray } from '../../core/term/list.ts';
import type { Bif, BifContext, BuiltinModule } from '../../core/lang/builtins.ts';
import type { ElixirNode } from '../../core/elixir-node.ts';
import type { NodeServices } from './context.ts';
import { RPC_PRELUDE } from './rpc-prelude.ts';
import { RPC_REQUESTS_PRELUDE } from './rpc-requests-prelude.ts';
import { spawnRequestBifs } from './spawn-request.ts';
import { erlangReason } from '../../core/lang/erlang-reason.ts';

/** BIFs of `module` that continue as the same function of the Elixir module `target`. */
function continueIn(module: string, target: string, functions: readonly string[]): Bif[] {
  const to = atom(target);
  return functions.map((f) => {
    const slash = f.lastIndexOf('/');
    const name = f.slice(0, slash);
    const fn = atom(name);
    return { module, name, arity: Number(f.slice(slash + 1)), control: true, fn: (args, ctx) => ctx.tailCallMfa(to, fn, args) };
  });
}

const ERPC = ['call/2', 'call/3', 'call/4', 'call/5', 'cast/2', 'cast/4', 'multicall/2', 'multicall/3', 'multicall/4', 'multicall/5', 'execute_call/4', 'execute_cast/3'];
const ERPC_REQUESTS = [
  'send_request/2', 'send_request/4', 'send_request/6', 'receive_response/1', 'receive_response/2', 'receive_response/3',
  'wait_response/1', 'wait_response/2', 'wait_response/3', 'check_response/2', 'check_response/3',
  'reqids_new/0', 'reqids_size/1', 'reqids_add/3', 'reqids_to_list/1', 'multicast/2', 'multicast/4',
];
const RPC = ['call/4', 'call/5', 'cast/4', 'multicall/3', 'multicall/4', 'multicall/5'];

/** The rpc modules of the node whose services are `s`. */
export function rpcModule(s: NodeServices): BuiltinModule {
  return {
    name: 'rpc',
    bifs: [
      ...spawnRequestBifs(s),
      // What erpc/rpc hand on of an error: the bare Erlang reason (erlang-reason.ts).
      { module: 'Elixir.Kernel.Erpc', name: 'erlang_reason', arity: 1, fn: ([e]) => erlangReason(e as Term) },
      // erpc's trim_stack: the frames of the applied function, without erpc's own below them.
      { module: 'Elixir.Kernel.Erpc', name: 'trim_stack', arity: 4, fn: ([st, m, f, a]) => trimStack(st as Term, m as Term, f as Term, a as Term) },
      ...continueIn('erpc', 'Elixir.Kernel.Erpc', ERPC),
      ...continueIn('erpc', 'Elixir.Kernel.ErpcRequests', ERPC_REQUESTS),
      ...continueIn('rpc', 'Elixir.Kernel.Rpc', RPC),
      // net_adm:ping/1 is what Node.ping/1 calls in Elixir 1.14; here the other way round.
      ...continueIn('net_adm', 'Elixir.Node', ['ping/1']),
      ...continueIn('net_adm', 'Elixir.Kernel.Rpc', ['names/0', 'names/1', 'localhost/0']),
      { module: 'Elixir.Kernel.Rpc', name: 'names_request', arity: 1, fn: ([h], c) => namesRequest(s, c, h as Term) },
    ],
    prelude: RPC_PRELUDE + RPC_REQUESTS_PRELUDE,
  };
}

/** A host as net_adm:names/1 takes it: a charlist, an atom or a string. */
function hostText(h: Term): string | null {
  if (typeof h !== 'object') return null;
  if (h.kind === 'atom') return h.name;
  if (h.kind === 'binary') return h.text;
  if (h.kind !== 'cons' && h.kind !== 'nil') return null;
  const { items, tail } = listToArray(h);
  if (typeof tail !== 'object' || tail.kind !== 'nil' || !items.every((x) => typeof x === 'number')) return null;
  return String.fromCodePoint(...(items as number[]));
}

/**
 * `:net_adm.names(host)`: what the name server knows of `host`, as EPMD answers,
 * `{:ok, [{~c"one", port}]}`, sorted. There are no ports on WebRTC: each is 0. The answer
 * comes as `{:"$dist_reply", ref, result}` when the name server answers later (the page asks
 * the signalling server over HTTP). No name server (the node is not alive): `{:error, :address}`.
 */
function namesRequest(s: NodeServices, c: BifContext, h: Term): Term {
  const host = hostText(h);
  const server = s.nameServer?.() ?? null;
  if (host === null || server === null) return tuple(ERROR, atom('address'));
  const ref = c.proc.makeRef();
  const caller = c.proc.self;
  let now: Term | null = null;
  let waiting = false;
  server((r) => {
    const result = 'error' in r ? tuple(ERROR, atom('address')) : tuple(atom('ok'), list(onHost(r.ok, host).map((n) => tuple(charlist(n), 0))));
    if (waiting) s.node.send(caller, tuple(DIST_REPLY, ref, result));
    else now = result;
  });
  if (now !== null) return now;
  waiting = true;
  return tuple(PENDING, ref);
}

function onHost(names: readonly string[], host: string): string[] {
  return names.flatMap((n) => {
    const at = n.indexOf('@');
    return at > 0 && n.slice(at + 1) === host ? [n.slice(0, at)] : [];
  }).sort();
}

function charlist(s: string): Term {
  return list(Array.from(s, (ch) => ch.codePointAt(0) as number));
}

const ERROR = atom('error');
const PENDING = atom('$pending');
const DIST_REPLY = atom('$dist_reply');
const REX = atom('rex');

/** Starts the node's registered `rex` server (kernel's rpc server). */
export function startRex(elixir: ElixirNode): Pid {
  const { body } = elixir.lang.body({ module: atom('Elixir.Kernel.Rpc'), name: atom('rex_loop'), args: [] as Term[] });
  const pid = elixir.node.spawn(body, { system: true, initialCall: ['rpc', 'init', 1] });
  elixir.node.register(REX, pid);
  return pid;
}

/** Modules of the rpc/erpc machinery itself, cut from an exception's stacktrace. */
const RPC_MODULES: ReadonlySet<string> = new Set(['Elixir.Kernel.Erpc', 'Elixir.Kernel.Rpc', 'erpc', 'rpc']);

/** None left (a BIF applied directly, `:erlang.error/1`): the call itself, `{m, f, args, []}`, as BEAM's apply frame. */
function trimStack(stack: Term, m: Term, f: Term, a: Term): Term {
  const kept: Term[] = [];
  for (let l: Term = stack; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const e = l.head;
    const m = typeof e === 'object' && e.kind === 'tuple' ? e.elements[0] : undefined;
    if (typeof m === 'object' && m.kind === 'atom' && RPC_MODULES.has(m.name)) break;
    kept.push(e);
  }
  return kept.length > 0 ? list(kept) : list([tuple(m, f, a, list([]))]);
}
