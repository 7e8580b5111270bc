/**
 * Elixir's `Node` module and the `:net_kernel`/`:erlang` functions behind it, on the
 * distribution layer. Answers follow the reference: `Node.connect` → true/false/:ignored,
 * `Node.ping` → :pong/:pang, `Node.get_cookie` → :nocookie when not alive, and so on.
 *
 * Calls that wait for the network (connect, remote spawn) are written in Elixir below: a
 * built-in starts the operation and either answers at once or returns `{:"$pending", ref}`;
 * the answer then arrives as a message `{:"$dist_reply", ref, result}` that the Elixir side
 * receives, so the calling process waits like any receive and nothing blocks the tab.
 */
import { atom, bool, list, tuple, type Atom, type Pid, type Term } from '../../core/term/types.ts';
import { listToArray } from '../../core/term/list.ts';
import { inspect } from '../../core/term/inspect.ts';
import type { Bif, BifContext, BuiltinModule } from '../../core/lang/builtins.ts';
import { argumentError, ElixirThrow, exception } from '../../core/lang/errors.ts';
import { functionClause } from '../../core/lang/stdlib/errors.ts';
import type { ProcessBody } from '../../core/runtime/process-body.ts';
import type { ListType } from '../dist-types.ts';
import type { MonitorOptions } from '../node-monitors.ts';
import type { SpawnResult } from '../remote-spawn.ts';
import type { NodeServices } from './context.ts';
import type { Distribution } from '../dist-types.ts';
import type { Node } from '../../core/runtime/node.ts';

const PENDING = atom('$pending');
const REPLY = atom('$dist_reply');
const IGNORED = atom('ignored');
const NOCOOKIE = atom('nocookie');
const NOCONNECTION = atom('noconnection');
const LINK = atom('link');
const MONITOR = atom('monitor');
const OK = atom('ok');
const DIST = '$dist';

/** The node's distribution (and runtime), or undefined while it is not alive. */
function ctxOf(s: NodeServices): { node: Node; dist: Distribution } | undefined {
  const dist = s.dist();
  return dist === null ? undefined : { node: s.node, dist };
}

function atomArg(t: Term | undefined): Atom {
  if (typeof t === 'object' && t.kind === 'atom') return t;
  return argumentError();
}

/** Starts an asynchronous answer: the caller will get `{:"$dist_reply", ref, result}`. */
function pending(s: NodeServices, c: BifContext, start: (reply: (result: Term) => void) => Term | null): Term {
  const ref = c.proc.makeRef();
  const caller = c.proc.self;
  const now = start((result) => s.node.send(caller, tuple(REPLY, ref, result)));
  return now ?? tuple(PENDING, ref);
}

function listTypes(t: Term): ListType | ListType[] {
  if (typeof t === 'object' && t.kind === 'atom') return t.name as ListType;
  return listToArray(t).items.map((x) => atomArg(x).name as ListType);
}

/**
 * `Node.list(types)`: erts puts the node itself last whatever the order of the types
 * (`Node.list([:this, :visible])` → `[:two@vm, :three@vm, :one@vm]` in real iex).
 */
function nodesOf(s: NodeServices, c: BifContext, t: Term): Term {
  const types = listTypes(t);
  const self = c.proc.nodeName;
  const ctx = ctxOf(s);
  // Not alive, erts still knows the node itself: :this and :known give [:nonode@nohost].
  if (ctx === undefined) return list([types].flat().some((x) => x === 'this' || x === 'known') ? [self] : []);
  const nodes = ctx.dist.list(types);
  const others = nodes.filter((n) => n !== self);
  return list(others.length === nodes.length ? nodes : [...others, self]);
}

/**
 * When a remote spawn cannot reach the node, BEAM returns a local process that logs and exits
 * with :noconnection (erts_internal:crasher/6), so links and monitors still see an exit.
 */
function crasher(s: NodeServices, c: BifContext, node: Atom, module: Atom, fun: Atom, args: Term, opts: readonly Atom[]): Pid {
  const show = (t: Term) => inspect(t, { nodeNumber: c.node.nodeNumber });
  const optsText = opts.length > 0 ? ` (${show(list(opts))})` : '';
  // erts_internal:crasher's format ends in ~n, so Elixir's console shows a blank line after it.
  const text = `** Can not start ${show(module)}:${show(fun)},${show(args)}${optsText} on ${show(node)} **\n`;
  const body: ProcessBody = {
    run: () => {
      s.node.log('warning', text);
      return { type: 'exit', reductions: 1, reason: NOCONNECTION };
    },
  };
  const { pid, monitorRef } = c.proc.spawn(body, {
    link: opts.includes(LINK),
    monitor: opts.includes(MONITOR),
    initialCall: ['erts_internal', 'crasher', 6],
  });
  return monitorRef === undefined ? pid : (tuple(pid, monitorRef) as never);
}

function localSpawn(c: BifContext, module: Atom, fun: Atom, args: Term, link: boolean, monitor: boolean): Term {
  const items = listToArray(args).items;
  const what = module === atom('erlang') && fun === atom('apply') && items.length === 2 ? { fun: items[0] as Term } : { module, name: fun, args: items };
  const r = c.node.spawn(c.proc, what, { link, monitor });
  return monitor && r.monitorRef !== undefined ? tuple(r.pid, r.monitorRef) : r.pid;
}

function spawnAnswer(r: SpawnResult, monitor: boolean, fallback: () => Term): Term {
  if (!r.ok) return fallback();
  return monitor && r.monitorRef !== undefined ? tuple(r.pid, r.monitorRef) : r.pid;
}

/** Node, :net_kernel and the :erlang node functions of the node whose services are `s`. */
function nodeBifs(s: NodeServices): Bif[] {
  return [
    { module: 'Elixir.Node', name: 'alive?', arity: 0, fn: () => bool(ctxOf(s)?.dist.isAlive() ?? false) },
    { module: 'Elixir.Node', name: 'list', arity: 0, fn: () => list(ctxOf(s)?.dist.list('visible') ?? []) },
    { module: 'Elixir.Node', name: 'list', arity: 1, fn: ([t], c) => nodesOf(s, c, t as Term) },
    { module: 'erlang', name: 'nodes', arity: 0, fn: () => list(ctxOf(s)?.dist.list('visible') ?? []) },
    { module: 'erlang', name: 'nodes', arity: 1, fn: ([t], c) => nodesOf(s, c, t as Term) },
    {
      module: 'Elixir.Node',
      name: 'disconnect',
      arity: 1,
      fn: ([n]) => {
        const r = ctxOf(s)?.dist.disconnect(atomArg(n)) ?? 'ignored';
        return r === 'ignored' ? IGNORED : bool(r);
      },
    },
    { module: 'Elixir.Node', name: 'get_cookie', arity: 0, fn: () => ctxOf(s)?.dist.getCookie() ?? NOCOOKIE },
    { module: 'erlang', name: 'get_cookie', arity: 0, fn: () => ctxOf(s)?.dist.getCookie() ?? NOCOOKIE },
    {
      module: 'Elixir.Node',
      name: 'set_cookie',
      arity: 2,
      fn: ([n, cookie], c) => setCookie(s, c, atomArg(n), atomArg(cookie)),
    },
    {
      module: 'erlang',
      name: 'set_cookie',
      arity: 2,
      fn: ([n, cookie], c) => setCookie(s, c, atomArg(n), atomArg(cookie)),
    },
    {
      module: 'Elixir.Node',
      name: 'set_cookie',
      arity: 1,
      fn: ([cookie], c) => setCookie(s, c, c.proc.nodeName, atomArg(cookie)),
    },
    {
      module: 'Elixir.Node',
      name: 'monitor',
      arity: 2,
      fn: ([n, flag], c) => {
        const r = ctxOf(s)?.dist.monitorNode(c.proc.self, atomArg(n), flag === atom('true')) ?? 'notalive';
        if (r === 'notalive') throw new ElixirThrow('error', atom('notalive'));
        return r === true ? atom('true') : r;
      },
    },
    {
      module: 'net_kernel',
      name: 'monitor_nodes',
      arity: 1,
      fn: ([flag], c) => {
        ctxOf(s)?.dist.monitorNodes(c.proc.self, flag === atom('true'));
        return OK;
      },
    },
    {
      module: 'net_kernel',
      name: 'monitor_nodes',
      arity: 2,
      fn: ([flag, options], c) => {
        const opts = monitorOptions(options as Term);
        if ('error' in opts) return opts.error;
        ctxOf(s)?.dist.monitorNodes(c.proc.self, flag === atom('true'), opts.ok);
        return OK;
      },
    },
    {
      module: DIST,
      name: 'connect',
      arity: 1,
      fn: ([n], c) => {
        // As OTP: Node.connect/1 is :net_kernel.connect_node/1, whose clauses take atoms only.
        if (typeof n !== 'object' || n.kind !== 'atom') return functionClause('net_kernel', 'connect_node', 1, [n as Term]);
        const node = atomArg(n);
        const ctx = ctxOf(s);
        if (ctx === undefined) return IGNORED;
        return pending(s, c, (reply) => {
          const now = ctx.dist.connect(node, (ok) => reply(bool(ok)));
          if (now.type === 'ignored') return IGNORED;
          return now.type === 'done' ? bool(now.result) : null;
        });
      },
    },
    {
      module: DIST,
      name: 'spawn',
      arity: 5,
      fn: ([n, m, f, a, o], c) => {
        const node = atomArg(n);
        const module = atomArg(m);
        const fun = atomArg(f);
        const args = a as Term;
        const opts = listToArray(o as Term).items.map(atomArg);
        const link = opts.includes(LINK);
        const monitor = opts.includes(MONITOR);
        const ctx = ctxOf(s);
        const fallback = () => crasher(s, c, node, module, fun, args, opts);
        // Not alive, this node is still nonode@nohost, and spawning there is a local spawn.
        if (ctx === undefined && node === c.proc.nodeName) return localSpawn(c, module, fun, args, link, monitor);
        if (ctx === undefined) return fallback();
        return pending(s, c, (reply) => {
          const r = ctx.dist.spawnRemote(c.proc.self, node, module, fun, listToArray(args).items, { link, monitor }, c.proc.groupLeader(), (res) =>
            reply(spawnAnswer(res, monitor, fallback)),
          );
          return 'pending' in r ? null : spawnAnswer(r, monitor, fallback);
        });
      },
    },
  ];
}

/**
 * Node.set_cookie/1,2 are `:erlang.set_cookie(node, cookie)`. Not alive, BEAM refuses the
 * node's own name with a badarg (iex shows the `:erlang.set_cookie(:nonode@nohost, :c)` frame)
 * and any other name in `auth` with :distribution_not_started.
 */
/**
 * monitor_nodes/2's options as net_kernel checks them: `[]` is the plain subscription; other
 * than `:nodedown_reason` and `{:node_type, :visible | :hidden | :all}` →
 * `{:error, {:unknown_options, bad}}`; not a list → `{:error, {:invalid_options, opts}}`.
 */
function monitorOptions(t: Term): { ok: MonitorOptions | null } | { error: Term } {
  const items: Term[] = [];
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) items.push(l.head);
  if (!(typeof l === 'object' && l.kind === 'nil')) return { error: tuple(atom('error'), tuple(atom('invalid_options'), t)) };
  if (items.length === 0) return { ok: null };
  let nodedownReason = false;
  let nodeType: MonitorOptions['nodeType'] = null;
  const bad: Term[] = [];
  for (const it of items) {
    if (it === atom('nodedown_reason')) nodedownReason = true;
    else if (typeof it === 'object' && it.kind === 'tuple' && it.elements.length === 2 && it.elements[0] === atom('node_type') && ['visible', 'hidden', 'all'].includes((it.elements[1] as Atom).name)) {
      nodeType = (it.elements[1] as Atom).name as MonitorOptions['nodeType'];
    } else bad.push(it);
  }
  if (bad.length > 0) return { error: tuple(atom('error'), tuple(atom('unknown_options'), list(bad))) };
  return { ok: { nodedownReason, nodeType } };
}

function setCookie(s: NodeServices, c: BifContext, node: Atom, cookie: Atom): Term {
  const r = ctxOf(s)?.dist.setCookie(node, cookie) ?? 'notalive';
  if (r === 'notalive' && node === c.proc.nodeName) {
    const e = exception('ArgumentError', 'errors were found at the given arguments:\n\n  * 1st argument: the node name is not part of a distributed system\n');
    throw new ElixirThrow('error', e, tuple(atom('erlang'), atom('set_cookie'), list([node, cookie]), list([])));
  }
  if (r === 'notalive') throw new ElixirThrow('error', atom('distribution_not_started'));
  return atom('true');
}

// Waiting for the network is a receive, in Elixir.
const NODE_PRELUDE = `
defmodule Node do
  def connect(node) do
    case :"$dist".connect(node) do
      {:"$pending", ref} -> receive do {:"$dist_reply", ^ref, result} -> result end
      result -> result
    end
  end

  def ping(node) do
    case connect(node) do
      true -> :pong
      _ -> :pang
    end
  end

  def spawn(node, fun), do: spawn_with(node, :erlang, :apply, [fun, []], [])
  def spawn(node, module, fun, args), do: spawn_with(node, module, fun, args, [])
  def spawn_link(node, fun), do: spawn_with(node, :erlang, :apply, [fun, []], [:link])
  def spawn_link(node, module, fun, args), do: spawn_with(node, module, fun, args, [:link])
  def spawn_monitor(node, fun), do: spawn_with(node, :erlang, :apply, [fun, []], [:monitor])
  def spawn_monitor(node, module, fun, args), do: spawn_with(node, module, fun, args, [:monitor])

  defp spawn_with(node, module, fun, args, opts) do
    case :"$dist".spawn(node, module, fun, args, opts) do
      {:"$pending", ref} -> receive do {:"$dist_reply", ^ref, result} -> result end
      result -> result
    end
  end
end
`;

/** The `Node` module (and `:net_kernel`, `:erlang.nodes`...) answering from services `s`. */
export function nodeModule(s: NodeServices): BuiltinModule {
  return { name: 'node', bifs: nodeBifs(s), prelude: NODE_PRELUDE };
}
