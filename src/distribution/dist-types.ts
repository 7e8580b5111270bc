/** The public types of the distribution layer: options of attachDistribution, its API, its events. */
import type { Atom, Pid, Ref, Term } from '../core/term/types.ts';
import type { Clock, Logger, Random } from '../core/ports.ts';
import type { FunHooks } from './etf/fun-hooks.ts';
import type { ConnectionStats } from './connection.ts';
import type { NodeTable } from './node-table.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import type { SpawnBodyHook, SpawnOpts, SpawnResult } from './remote-spawn.ts';
import type { Transport } from './transports/transport.ts';
import type { StepName } from './handshake/events.ts';
import type { MonitorOptions } from './node-monitors.ts';

export interface DistributionOptions {
  readonly transport: Transport;
  /** This node's cookie (`--cookie`, or the browser profile's default). Never leaves the node. */
  readonly cookie: string;
  readonly random: Random;
  readonly clock: Clock;
  /** Error reports (bad cookie, protocol errors, tick timeouts) go here, in Elixir's words. */
  readonly logger?: Logger;
  /** Turns a remote spawn's `{M, F, Args}` into a process body (the VM provides it). */
  readonly spawnBody?: SpawnBodyHook;
  /** How funs cross the wire (the VM provides them). */
  readonly funHooks?: FunHooks;
  /** Called after network input gave the node work (the host loop's `wake`). */
  readonly wake?: () => void;
  /** Defaults: 15 s and 120 s (see connection.ts for why, in tabs). */
  readonly tickIntervalMs?: number;
  readonly tickTimeoutMs?: number;
  /** Each handshake step must complete within this (BEAM's net_setuptime: 7 s). */
  readonly setupTimeoutMs?: number;
  /** Transitive full mesh, as `:global` does by default (`-connect_all false` turns it off). */
  readonly connectAll?: boolean;
  readonly rateLimit?: RateLimitOptions;
  /**
   * A hidden node (`--hidden`): it does not set DFLAG_PUBLISHED, so its connections are hidden
   * on both sides: in `Node.list(:hidden)`, not in `Node.list()`, not reported by plain
   * `monitor_nodes`, no mesh and no `:global` over them.
   */
  readonly hidden?: boolean;
  /** Our handshake flags; default PLAYGROUND_FLAGS. */
  readonly flags?: bigint;
}

export type ListType = 'visible' | 'hidden' | 'connected' | 'this' | 'known';

/** `Node.connect`'s answer when known at once; otherwise `pending` and `done` is called later. */
export type ConnectNow = { readonly type: 'done'; readonly result: boolean } | { readonly type: 'ignored' } | { readonly type: 'pending' };

export type DistEvent =
  | { readonly type: 'connection:attempt'; readonly peer: Atom; readonly role: 'initiator' | 'acceptor' }
  | { readonly type: 'handshake:step'; readonly peer: Atom | null; readonly name: StepName; readonly direction: 'in' | 'out'; readonly outcome: string }
  /** `beam`: the peer is a real BEAM node (its link is one: transports/transport.ts), for the canvas's BEAM card. */
  | { readonly type: 'connection:up'; readonly peer: Atom; readonly hidden?: boolean; readonly beam?: true }
  | { readonly type: 'connection:failed'; readonly peer: Atom; readonly reason: string }
  | { readonly type: 'connection:down'; readonly peer: Atom; readonly reason: string; readonly hidden?: boolean }
  /**
   * A message from a process of a real BEAM node arrived (SEND_SENDER, REG_SEND: the wire names
   * its sender): a BEAM node runs no tracer, so this is how the canvas learns of a real process
   * that only sends to this tab. Told for BEAM peers only (tabs trace their own sends).
   */
  | { readonly type: 'message:in'; readonly peer: Atom; readonly from: Pid; readonly to: Pid | Atom };

export interface Distribution {
  /** This node's numbering of other nodes; pass `nodeTable.nodeNumber` to inspect. */
  readonly nodeTable: NodeTable;
  /** The `net_kernel` process (null when not alive). */
  readonly kernelPid: Pid | null;
  isAlive(): boolean;
  /** Transitive full mesh (`connect_all`); :global then also prevents overlapping partitions. */
  readonly connectAll: boolean;
  connect(node: Atom, done: (ok: boolean) => void): ConnectNow;
  /** true if it was connected, false if not, 'ignored' when not alive. */
  disconnect(node: Atom): boolean | 'ignored';
  list(types?: ListType | readonly ListType[]): Atom[];
  /** Own cookie as an atom; `:nocookie` when not alive. */
  getCookie(): Atom;
  /** Per-node cookie (or our own when `node` is this node); 'notalive' when not alive. */
  setCookie(node: Atom, cookie: Atom | string): true | 'notalive';
  /** `:net_kernel.monitor_nodes/1,2` (opts: see node-monitors.ts). */
  monitorNodes(pid: Pid, on: boolean, opts?: MonitorOptions | null): void;
  /** Node.monitor: connects if needed; 'notalive' when not alive. */
  monitorNode(pid: Pid, node: Atom, on: boolean): true | 'notalive';
  /**
   * Remote spawn. Returns the result at once when it is known (not alive: `notalive`; this
   * node: spawned here), else the request's id (SPAWN_REQUEST's, the monitor's ref with
   * `monitor`) and calls `done` when the reply (or a failure) arrives.
   */
  spawnRemote(
    caller: Pid, node: Atom, module: Atom, fun: Atom, args: readonly Term[], opts: SpawnOpts, groupLeader: Pid,
    done: (r: SpawnResult) => void,
  ): SpawnResult | { readonly pending: Ref };
  /** `:erlang.spawn_request_abandon/1` of a pending remote spawn: true when it was still pending. */
  abandonSpawn(reqId: Ref): boolean;
  subscribe(listener: (e: DistEvent) => void): () => void;
  /** Counters of the connection to `node` (batching, ticks), for tests and the UI. */
  stats(node: Atom): ConnectionStats | undefined;
  /** Stops listening and closes every connection (the node stays, not distributed). */
  stop(): void;
}
