/**
 * One tab's node and its shell, on the effects the composition root (main.tsx) passes. The node
 * registers its name with the signalling server (which plays EPMD) and goes alive over PeerJS
 * once registered. The transcript is kept here (bounded) and published to React at most once
 * per animation frame, so a process printing in a tight loop cannot flood the page.
 */
import type { Shell } from '../core/shell/shell.ts';
import { createElixirShell } from '../core/shell/elixir-shell.ts';
import { createPlaygroundNode, type PlaygroundNode } from '../playground/node.ts';
import { distributionStart, nodeOptionsFor, type NodeEffects } from '../playground/start-options.ts';
import type { SignallingState } from '../distribution/transports/peerjs.ts';
import { startNodeLoop, type HostScheduling } from '../host/node-loop.ts';
import type { Distribution } from '../distribution/dist-types.ts';
import type { Pid } from '../core/term/types.ts';
import type { Identity } from './identity.ts';
import { signallingConfigFor, signallingToken } from './signalling-config.ts';
import { startTracing, type TracingService } from '../distribution/trace/service.ts';
import { setLocalSpeed } from '../playground/local-speed.ts';
import { classroomTarget, createNetworkConditioner, type NetworkConditioner } from '../distribution/middleware/network-controls.ts';
import { clusterAware } from '../distribution/middleware/cluster-controls.ts';
import { classroomActions, type ClassroomActionFeed } from '../playground/recording/classroom-actions.ts';
import { driveConditioner } from '../host/drive-conditioner.ts';
import type { PageOptions } from './layout/url-options.ts';
import { nodesFromPeerIds, peersUrl } from './layout/use-known-nodes.ts';
import type { NameServer } from '../distribution/elixir/context.ts';
import type * as BeamLinks from './beam-links.ts';

/** `:net_adm.names` in a tab: the signalling server's peer list (our EPMD), as node names. */
const signallingNames: NameServer = (done) => {
  fetch(peersUrl(location), { cache: 'no-store' })
    .then((res) => (res.ok ? (res.json() as Promise<string[]>) : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then(
      (ids) => done({ ok: nodesFromPeerIds(ids) }),
      (err: unknown) => done({ error: String(err) }),
    );
};

/** iex's banner, but a tab cannot exit: Ctrl+C in its input abandons the pending expression. */
const PAGE_BANNER = 'Interactive Elixir (1.14.0) - press Ctrl+C to clear the expression (type h() ENTER for help)';

/** Characters of transcript kept; older output is dropped from the top. */
const MAX_TRANSCRIPT = 200_000;

export interface ShellView {
  readonly text: string;
  readonly prompt: string;
  /** An expression is being evaluated (or lines wait their turn). */
  readonly busy: boolean;
  readonly signalling: SignallingState | null;
}

/** What the composition root gives a tab's session: a node's effects, and secrets' randomness. */
export interface SessionEffects extends NodeEffects {
  readonly fillSecureRandom: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;
}

export interface ShellSession {
  readonly node: PlaygroundNode;
  /** Feeds one line to the shell, echoed in the transcript as if typed. */
  input(line: string): void;
  /**
   * Calls `listener` with the node's distribution once the tab registered with the signalling
   * server and went alive (at once if it already did). A tab without a name never does.
   */
  onDistribution(listener: (dist: Distribution) => void): () => void;
  /**
   * The classroom conditioner on this tab's transport (cut, heal, delay, drop, pause/step); pause,
   * step and the message speed act on the whole cluster while the cluster view is on.
   */
  readonly conditioner: NetworkConditioner;
  /** The classroom actions taken through `conditioner` (the recording notes them). */
  readonly classroomActions: ClassroomActionFeed;
  /** This node's tracing service: the canvas shows the whole cluster through it. */
  readonly tracing: TracingService;
  /** `0.110.0` for `pid()`: the pid as this node numbers it. */
  pidArgument(pid: Pid): string;
  /** Runs the node's scheduler soon: after a process was started from outside the shell (a BEAM card's `list processes`). */
  wake(): void;
  subscribe: (listener: () => void) => () => void;
  getView: () => ShellView;
  /** Calls `listener` with each piece of output as it is written (echoed input included): a lesson checks it. */
  onOutput(listener: (chunk: string) => void): () => void;
}

/** How the page was served: `beam` with the gateway to real BEAM nodes (`npm start -- --beam`). */
export interface ServedWith {
  readonly beam: boolean;
}

export function createShellSession(identity: Identity, page: PageOptions, effects: SessionEffects, scheduling: HostScheduling, served: ServedWith = { beam: false }): ShellSession {
  let text = '';
  let signalling: SignallingState | null = identity.alive ? { type: 'connecting' } : null;
  let view: ShellView = { text: '', prompt: '', busy: false, signalling };
  const listeners = new Set<() => void>();
  let frame = 0;
  let shell: Shell | null = null;
  const distListeners = new Set<(dist: Distribution) => void>();
  const outputListeners = new Set<(chunk: string) => void>();

  const publish = () => {
    frame = 0;
    view = { text, prompt: shell?.prompt ?? '', busy: shell?.isBusy ?? false, signalling };
    for (const l of listeners) l();
  };
  const schedulePublish = () => {
    if (frame === 0) frame = requestAnimationFrame(publish);
  };
  const write = (chunk: string) => {
    for (const l of outputListeners) l(chunk);
    text += chunk;
    if (text.length > MAX_TRANSCRIPT) text = text.slice(text.length - MAX_TRANSCRIPT);
    schedulePublish();
  };

  const { clock, random } = effects;
  const node = createPlaygroundNode(nodeOptionsFor(identity.start, effects, write));
  const loop = startNodeLoop(node.node, clock, scheduling);
  shell = createElixirShell(node, {
    write,
    echo: true,
    banner: true,
    bannerText: PAGE_BANNER,
    clear: () => {
      text = '';
      schedulePublish();
    },
  });

  const local = createNetworkConditioner(clock, random, { onSpeed: (ms) => setLocalSpeed(node.node, ms) });
  driveConditioner(local, clock, scheduling, loop.wake);
  let stopNode = () => {};
  // "Close node" from another tab's canvas: this node leaves the cluster (a tab cannot close itself).
  // A teacher's tab with the cluster view pauses, steps and slows every node through its tracer.
  const tracing = startTracing(node.node, { onCloseRequest: () => stopNode(), wake: loop.wake, classroom: classroomTarget(local) });
  // Wrapped so the recording notes the classroom actions taken through it.
  const { conditioner, feed: classroomFeed } = classroomActions(clusterAware(local, tracing));

  if (identity.alive) {
    const config = signallingConfigFor(location);
    const token = signallingToken(effects.fillSecureRandom);
    // A --beam page's way to real BEAM nodes loads while the tab registers (off the first load).
    const beamLinks = served.beam ? import('./beam-links.ts') : null;
    // PeerJS and its WebRTC shims (~30 KB gzipped) load once the page is idle after its first
    // render, so the iex input takes keys without waiting for them; registering starts then.
    const peerJs = new Promise<typeof import('../distribution/transports/peerjs.ts')>((resolve, reject) => {
      const load = () => void import('../distribution/transports/peerjs.ts').then(resolve, reject);
      if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 500 });
      else setTimeout(load, 50);
    });
    void peerJs.then(({ createPeerJsTransport, registerNode }) => {
      let goingAlive = false;
      const goAlive = (links: typeof BeamLinks | null) => {
        goingAlive = false;
        // A remote message's answer goes out in the message's own event (node-loop.ts `event`).
        const tabs = createPeerJsTransport(peer, config, { event: loop.event });
        // With the gateway: a name no tab holds is looked up in EPMD and reached over TCP.
        const transport = local.wrap(links !== null ? links.tabsThenGateway(tabs, links.browserGateway(location, identity.node, token, (s) => {
          if (s.type === 'refused') write(`The BEAM gateway could not register ${identity.node} with EPMD: ${s.reason}\n`);
        })) : tabs);
        const tuning = page.tuning;
        const beam = links !== null ? { beamFuns: links.beamFuns } : {};
        const dist = node.goAlive({ transport, names: signallingNames, cookie: identity.cookie, clock, random, wake: loop.wake, ...beam, ...(tuning ? { tuning } : {}), ...distributionStart(identity.start) });
        loop.wake();
        for (const l of distListeners) l(dist);
        if (page.connect !== null) input(`Node.connect :"${page.connect}"`);
      };
      const peer = registerNode(identity.node, config, (state) => {
        signalling = state;
        schedulePublish();
        // Registered again after a signalling drop: the node is alive already, its links kept.
        if (state.type === 'registered' && node.dist === null && !goingAlive) {
          goingAlive = true;
          if (beamLinks === null) goAlive(null);
          else {
            beamLinks.then(goAlive, (e: unknown) => {
              write(`The BEAM gateway's code did not load (${String(e)}): this tab reaches tabs only\n`);
              goAlive(null);
            });
          }
        } else if (state.type === 'refused') {
          // As `iex --sname one` when one is taken: the node does not start with that name.
          const url = new URL(location.href);
          url.searchParams.delete('sname');
          url.searchParams.delete('name');
          url.searchParams.set('refused', identity.node);
          location.replace(url);
        }
      }, { token });
      stopNode = () => {
        node.dist?.stop();
        peer.destroy();
      };
    }, (e: unknown) => write(`The signalling code did not load (${String(e)}): this tab cannot reach others; reload to try again\n`));
    // A closed tab closes its data channels at once, so the others see nodedown now.
    addEventListener('pagehide', () => stopNode());
  }
  if (page.refused !== null) write(`Protocol 'inet_tcp': the name ${page.refused} seems to be in use by another Erlang node\n`);
  publish();

  function input(line: string): void {
    shell?.input(line);
    loop.wake();
    schedulePublish();
  }

  return {
    node,
    input,
    wake: loop.wake,
    onDistribution(listener) {
      const dist = node.dist;
      if (dist !== null) listener(dist);
      distListeners.add(listener);
      return () => distListeners.delete(listener);
    },
    conditioner,
    classroomActions: classroomFeed,
    tracing,
    pidArgument: (pid) => `${node.nodeNumber(pid.node)}.${pid.id}.${pid.serial}`,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getView: () => view,
    onOutput(listener) {
      outputListeners.add(listener);
      return () => outputListeners.delete(listener);
    },
  };
}
