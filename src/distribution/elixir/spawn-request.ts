/**
 * `:erlang.spawn_request/2..5` and `spawn_request_abandon/1`, as erts has them: the call
 * returns a request id at once; the answer comes as a message, `{:spawn_reply, id, :ok, pid}`
 * or `{:spawn_reply, id, :error, reason}` (the tag is `reply_tag`'s when given; `{:reply,
 * :error_only}` sends only failures, `{:reply, :no}` nothing), and with `:monitor` the id is
 * the monitor's ref, so the DOWN carries it. On another node this is the SPAWN_REQUEST /
 * SPAWN_REPLY exchange (remote-spawn.ts); on this node the process is spawned here and the
 * reply sent at once; a node that is not alive answers `:noconnection`, as BEAM does.
 *
 * erpc (rpc-bifs.ts) is built on this, exactly as OTP 25's erpc.erl is.
 */
import { atom, list, NIL, tuple, type Atom, type Term } from '../../core/term/types.ts';
import { listToArray, isProperList } from '../../core/term/list.ts';
import type { Bif, BifContext } from '../../core/lang/builtins.ts';
import { badarg } from '../../core/lang/stdlib/errors.ts';
import type { SpawnResult } from '../remote-spawn.ts';
import type { NodeServices } from './context.ts';

const LINK = atom('link');
const MONITOR = atom('monitor');
const REPLY = atom('reply');
const REPLY_TAG = atom('reply_tag');
const SPAWN_REPLY = atom('spawn_reply');
const OK = atom('ok');
const ERROR = atom('error');
const ERLANG = atom('erlang');
const APPLY = atom('apply');
const NOCONNECTION = atom('noconnection');

interface RequestOptions {
  readonly link: boolean;
  readonly monitor: boolean;
  /** When to send the spawn_reply message. */
  readonly reply: 'yes' | 'no' | 'error_only';
  readonly tag: Term;
}

/** The options erts reads; others are spawn options we do not model (priority...), ignored. */
function requestOptions(opts: Term, position: number): RequestOptions {
  if (!isProperList(opts)) return badarg(position, 'not a list');
  let link = false;
  let monitor = false;
  let reply: RequestOptions['reply'] = 'yes';
  let tag: Term = SPAWN_REPLY;
  for (const o of listToArray(opts).items) {
    if (o === LINK) link = true;
    else if (o === MONITOR) monitor = true;
    else if (typeof o === 'object' && o.kind === 'tuple' && o.elements.length === 2) {
      const [k, v] = o.elements as [Term, Term];
      if (k === MONITOR) monitor = true;
      else if (k === REPLY_TAG) tag = v;
      else if (k === REPLY) {
        if (v !== atom('yes') && v !== atom('no') && v !== atom('error_only')) return badarg(position, 'invalid option');
        reply = (v as Atom).name as RequestOptions['reply'];
      }
    }
  }
  return { link, monitor, reply, tag };
}

function needAtom(t: Term, position: number): Atom {
  return typeof t === 'object' && t.kind === 'atom' ? t : badarg(position, 'not an atom');
}

/** spawn_request(node, module, fun, args, opts): the request id. */
export function spawnRequest(s: NodeServices, c: BifContext, nodeT: Term, mT: Term, fT: Term, argsT: Term, optsT: Term, positions: readonly number[]): Term {
  const node = needAtom(nodeT, positions[0] as number);
  const module = needAtom(mT, positions[1] as number);
  const fun = needAtom(fT, positions[2] as number);
  if (!isProperList(argsT)) return badarg(positions[3] as number, 'not a proper list');
  const o = requestOptions(optsT, positions[4] as number);
  const args = listToArray(argsT).items;
  const caller = c.proc.self;
  const answer = (reqId: Term, r: SpawnResult) => {
    if (r.ok ? o.reply === 'yes' : o.reply !== 'no') s.node.send(caller, tuple(o.tag, reqId, r.ok ? OK : ERROR, r.ok ? r.pid : r.reason));
  };
  if (node === c.proc.nodeName) {
    const what = module === ERLANG && fun === APPLY && args.length === 2 ? { fun: args[0] as Term } : { module, name: fun, args };
    const { pid, monitorRef } = c.node.spawn(c.proc, what, { link: o.link, monitor: o.monitor });
    const reqId = monitorRef ?? c.proc.makeRef();
    answer(reqId, { ok: true, pid: pid as never });
    return reqId;
  }
  const dist = s.dist();
  if (dist === null || !dist.isAlive()) {
    const reqId = c.proc.makeRef();
    answer(reqId, { ok: false, reason: NOCONNECTION });
    return reqId;
  }
  let reqId: Term | null = null;
  const early: SpawnResult[] = [];
  const r = dist.spawnRemote(caller, node, module, fun, args, { link: o.link, monitor: o.monitor }, c.proc.groupLeader(), (res) => {
    if (reqId === null) early.push(res);
    else answer(reqId, res);
  });
  if (!('pending' in r)) {
    const id = r.ok && r.monitorRef !== undefined ? r.monitorRef : c.proc.makeRef();
    answer(id, r);
    return id;
  }
  reqId = r.pending;
  for (const res of early) answer(reqId, res);
  return reqId;
}

/** `:erlang.spawn_request` in its forms (with a node; a fun is `:erlang.apply(fun, [])`). */
export function spawnRequestBifs(s: NodeServices): Bif[] {
  const local = (c: BifContext) => c.proc.nodeName;
  const isFun = (t: Term) => typeof t === 'object' && t.kind === 'fun';
  const nil = NIL;
  const applyArgs = (f: Term) => list([f, NIL]); // :erlang.apply(fun, [])
  return [
    { module: 'erlang', name: 'spawn_request', arity: 5, fn: ([n, m, f, a, o], c) => spawnRequest(s, c, n as Term, m as Term, f as Term, a as Term, o as Term, [1, 2, 3, 4, 5]) },
    {
      module: 'erlang',
      name: 'spawn_request',
      arity: 4,
      // (node, m, f, a) or (m, f, a, opts)
      fn: ([x, y, z, w], c) =>
        isProperList(w as Term) && typeof z === 'object' && z.kind === 'atom'
          ? spawnRequest(s, c, local(c), x as Term, y as Term, z, w as Term, [0, 1, 2, 3, 4])
          : spawnRequest(s, c, x as Term, y as Term, z as Term, w as Term, nil, [1, 2, 3, 4, 0]),
    },
    {
      module: 'erlang',
      name: 'spawn_request',
      arity: 3,
      // (node, fun, opts) or (m, f, a)
      fn: ([x, y, z], c) =>
        isFun(y as Term)
          ? spawnRequest(s, c, x as Term, ERLANG, APPLY, applyArgs(y as Term), z as Term, [1, 0, 0, 2, 3])
          : spawnRequest(s, c, local(c), x as Term, y as Term, z as Term, nil, [0, 1, 2, 3, 0]),
    },
    {
      module: 'erlang',
      name: 'spawn_request',
      arity: 2,
      // (node, fun) or (fun, opts)
      fn: ([x, y], c) =>
        isFun(x as Term)
          ? spawnRequest(s, c, local(c), ERLANG, APPLY, applyArgs(x as Term), y as Term, [0, 0, 0, 1, 2])
          : spawnRequest(s, c, x as Term, ERLANG, APPLY, applyArgs(y as Term), nil, [1, 0, 0, 2, 0]),
    },
    { module: 'erlang', name: 'spawn_request', arity: 1, fn: ([f], c) => spawnRequest(s, c, local(c), ERLANG, APPLY, applyArgs(f as Term), nil, [0, 0, 0, 1, 0]) },
    {
      module: 'erlang',
      name: 'spawn_request_abandon',
      arity: 1,
      fn: ([r]) => {
        if (typeof r !== 'object' || r.kind !== 'ref') return badarg(1, 'not a reference');
        return atom(String(s.dist()?.abandonSpawn(r) ?? false));
      },
    },
  ];
}
