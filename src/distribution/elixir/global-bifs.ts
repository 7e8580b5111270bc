/**
 * `:global` for Elixir code: reads answer from this node's replica, writes are a request to
 * the local name server, then a tail call into a receive written in Elixir, so the caller waits
 * like any receive and nothing blocks the tab. See
 * src/distribution/global/README.md for the semantics and the protocol.
 */
import { atom, list, type Term } from '../../core/term/types.ts';
import type { Bif, BifContext, BuiltinModule } from '../../core/lang/builtins.ts';
import { ElixirThrow, raise } from '../../core/lang/errors.ts';
import { globalRequest, globalSend, globalSendBadarg } from '../global/client.ts';
import { isResolveMethod } from '../global/resolve.ts';
import type { CallOp } from '../global/protocol.ts';
import type { GlobalServer } from '../global/server.ts';

const UNDEFINED = atom('undefined');
/** The calls that go through the name server: the writes (with and without a resolve method) and sync/0. */
const CALLS: readonly (readonly [CallOp, number])[] = [
  ['register_name', 2],
  ['register_name', 3],
  ['re_register_name', 2],
  ['re_register_name', 3],
  ['unregister_name', 1],
  ['sync', 0],
];
const AWAIT = atom('Elixir.Playground.Await');

/** :global's functions, answering from the name server `g`. */
function globalBifs(g: GlobalServer): Bif[] {
  return [
    { module: 'global', name: 'whereis_name', arity: 1, fn: ([name]) => g.whereis(name as Term) ?? UNDEFINED },
    { module: 'global', name: 'registered_names', arity: 0, fn: () => list(g.registeredNames()) },
    {
      module: 'global',
      name: 'send',
      arity: 2,
      fn: ([name, msg], c) => {
        const pid = globalSend(g, c.proc, name as Term, msg as Term);
        if (pid === null) throw new ElixirThrow('exit', globalSendBadarg(name as Term, msg as Term));
        return pid;
      },
    },
    ...CALLS.map(([op, arity]) => ({
      module: 'global',
      name: op,
      arity,
      control: true,
      fn: (args: readonly Term[], c: BifContext) => {
        // global's own guard: the pid must be a pid.
        if (arity >= 2 && !(typeof args[1] === 'object' && args[1].kind === 'pid')) {
          return raise('FunctionClauseError', `no function clause matching in :global.${op}/${arity}`);
        }
        // global's allow_tuple_fun: a fun of arity 3 or a {module, function} pair.
        if (arity === 3 && !isResolveMethod(args[2] as Term)) return raise('FunctionClauseError', 'no function clause matching in :global.allow_tuple_fun/1');
        const ref = globalRequest(c.proc, op, args);
        if (ref === null) throw new ElixirThrow('exit', atom('noproc'));
        return c.tailCallMfa(AWAIT, atom('global_reply'), [ref]);
      },
    })),
  ];
}

// The caller waits for the name server's reply in a receive, in Elixir.
const GLOBAL_PRELUDE = `
defmodule Playground.Await do
  def global_reply(ref) do
    receive do
      {:"$global_reply", ^ref, reply} -> reply
    end
  end
end
`;

/** `:global` on this node: its functions reach the node's name server `g`. */
export function globalModule(g: GlobalServer): BuiltinModule {
  return { name: 'global', bifs: globalBifs(g), prelude: GLOBAL_PRELUDE };
}
