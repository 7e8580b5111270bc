/**
 * `:erpc`, `:rpc` and `:net_adm` as a node's built-ins: each function continues in the Elixir
 * of rpc-prelude.ts (`Kernel.Erpc`, `Kernel.Rpc`), over `:erlang.spawn_request`
 * (spawn-request.ts). `startRex` runs the node's `rex` server, a system process like BEAM's
 * (hidden on the canvas with the node's other built-in processes).
 */
import { atom, type Pid, type Term } from '../../core/term/types.ts';
import type { Bif, BuiltinModule } from '../../core/lang/builtins.ts';
import type { ElixirNode } from '../../core/elixir-node.ts';
import type { NodeServices } from './context.ts';
import { RPC_PRELUDE } from './rpc-prelude.ts';
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
const RPC = ['call/4', 'call/5', 'cast/4', 'multicall/3', 'multicall/4', 'multicall/5'];

/** The rpc modules of the node whose services are `s`. */
export function rpcModule(s: NodeServices): BuiltinModule {
  return {
    name: 'rpc',
    bifs: [
      ...spawnRequestBifs(s),
      // What erpc/rpc hand on of an error: the bare Erlang reason (erlang-reason.ts).
      { module: 'Elixir.Kernel.Erpc', name: 'erlang_reason', arity: 1, fn: ([e]) => erlangReason(e as Term) },
      ...continueIn('erpc', 'Elixir.Kernel.Erpc', ERPC),
      ...continueIn('rpc', 'Elixir.Kernel.Rpc', RPC),
      // net_adm:ping/1 is what Node.ping/1 calls in Elixir 1.14; here the other way round.
      ...continueIn('net_adm', 'Elixir.Node', ['ping/1']),
    ],
    prelude: RPC_PRELUDE,
  };
}

const REX = atom('rex');

/** Starts the node's registered `rex` server (kernel's rpc server). */
export function startRex(elixir: ElixirNode): Pid {
  const { body } = elixir.lang.body({ module: atom('Elixir.Kernel.Rpc'), name: atom('rex_loop'), args: [] as Term[] });
  const pid = elixir.node.spawn(body, { system: true, initialCall: ['rpc', 'init', 1] });
  elixir.node.register(REX, pid);
  return pid;
}
