/**
 * Distribution for a node that runs Elixir: attachDistribution (the protocol) plus what the
 * language layer brings: funs that cross the wire as code, spawns requested by other nodes
 * run as Elixir processes, modules sent by `nl/1` loaded by a code server (code-server.ts),
 * and errors logged on the node's output as Elixir logs them. (The `Node` functions answer from
 * this distribution through the services the node was assembled with: modules.ts.)
 */
import { atom, type Term } from '../../core/term/types.ts';
import { listToArray } from '../../core/term/list.ts';
import { funFromWire, funToWire } from '../../core/lang/fun-transfer.ts';
import type { ElixirNode } from '../../core/elixir-node.ts';
import type { Clock, Random } from '../../core/ports.ts';
import { attachDistribution } from '../distribution.ts';
import type { Distribution, DistributionOptions } from '../dist-types.ts';
import type { Transport } from '../transports/transport.ts';
import { startCodeServer } from './code-server.ts';
import type { BeamFuns } from '../beam-funs/beam-fun-hooks.ts';
import type { LangRuntime } from '../../core/lang/vm-node.ts';
import type { NameServer } from './context.ts';

export interface ElixirDistributionOptions {
  readonly transport: Transport;
  readonly cookie: string;
  readonly clock: Clock;
  readonly random: Random;
  readonly wake?: () => void;
  /** The name server `:net_adm.names/0,1` asks (the signalling server's list); none: `{:error, :address}`. */
  readonly names?: NameServer;
  /** Started hidden (`--hidden`, `?hidden`): see DistributionOptions.hidden. */
  readonly hidden?: boolean;
  /** `--connect-all false`, `?connect_all=false`: see DistributionOptions.connectAll. */
  readonly connectAll?: boolean;
  /**
   * Funs for real BEAM peers (`(lang) => new BeamFuns(lang)`, beam-funs/beam-fun-hooks.ts): where
   * a BEAM node may connect (the terminal, a `--beam` page). Without it a fun crosses only to
   * tabs: a page that cannot meet a BEAM node leaves the Erlang abstract format out of its first load.
   */
  readonly beamFuns?: (lang: LangRuntime) => BeamFuns;
  /** Overrides for tests (tick timings, mesh...). */
  readonly tuning?: Partial<Pick<DistributionOptions, 'tickIntervalMs' | 'tickTimeoutMs' | 'setupTimeoutMs' | 'connectAll' | 'rateLimit'>>;
}

const ERLANG = atom('erlang');
const APPLY = atom('apply');

export function attachElixirDistribution(elixir: ElixirNode, o: ElixirDistributionOptions): Distribution {
  const { node, lang } = elixir;
  const beamFuns = o.beamFuns?.(lang);
  const dist = attachDistribution(node, {
    transport: o.transport,
    cookie: o.cookie,
    clock: o.clock,
    random: o.random,
    logger: { log: (level, text) => node.log(level, text) },
    ...(o.wake ? { wake: o.wake } : {}),
    ...o.tuning,
    ...(o.hidden === true ? { hidden: true } : {}),
    ...(o.connectAll === false ? { connectAll: false } : {}),
    funHooks: {
      funToTerms: (fun) => {
        const wire = funToWire(fun, lang);
        if (wire === null) throw new Error('this fun cannot be sent to another node');
        return wire;
      },
      funFromTerms: (decoded) => {
        // A fun typed in a real iex/erl shell: its Erlang abstract clauses run here.
        return beamFuns?.erlEvalFun(decoded) ?? funFromWire(decoded.freeVars, lang);
      },
      // A real BEAM node gets erl_eval funs (beam-funs/beam-fun-hooks.ts).
      ...(beamFuns !== undefined ? { forBeamPeer: () => beamFuns.hooksForConnection() } : {}),
    },
    spawnBody: (module, fun, args) => {
      // Node.spawn(node, fun) is spawn(:erlang, :apply, [fun, []]) on the wire, as on BEAM.
      if (module === ERLANG && fun === APPLY && args.length === 2) {
        return lang.body({ fun: args[0] as Term, args: listToArray(args[1] as Term).items }).body;
      }
      return lang.body({ module, name: fun, args }).body;
    },
  });
  // Other nodes' nl/1 loads modules here.
  startCodeServer(node, lang);
  return dist;
}
