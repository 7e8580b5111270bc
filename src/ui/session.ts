/**
 * One tab's node and its shell, wired to real effects: the composition root's helper. The node
 * registers its name with the signalling server (which plays EPMD) and goes alive over PeerJS
 * once registered. The transcript is kept here (bounded) and published to React at most once
 * per animation frame, so a process printing in a tight loop cannot flood the page.
 */
import type { Shell } from '../core/shell/shell.ts';
import { createElixirShell } from '../core/shell/elixir-shell.ts';
import { createPlaygroundNode, type PlaygroundNode } from '../playground/node.ts';
import { createPeerJsTransport, registerNode, type SignallingState } from '../distribution/transports/peerjs.ts';
import { browserScheduling, realClock, startNodeLoop } from '../host/node-loop.ts';
import type { Distribution } from '../distribution/dist-types.ts';
import type { Pid } from '../core/term/types.ts';
import type { Identity } from './identity.ts';
import { signallingConfigFor, signallingToken } from './signalling-config.ts';
import { startTracing, type TracingService } from '../distribution/trace/service.ts';
import { classroomTarget, createNetworkConditioner, driveConditioner, type NetworkConditioner } from '../playground/conditioning.ts';
import { clusterAware } from '../playground/conditioning-cluster.ts';
import { tickTuning } from './layout/url-options.ts';

/** Characters of transcript kept; older output is dropped from the top. */
const MAX_TRANSCRIPT = 200_000;

export interface ShellView {
  readonly text: string;
  readonly prompt: string;
  /** An expression is being evaluated (or lines wait their turn). */
  readonly busy: boolean;
  readonly signalling: SignallingState | null;
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
   * step and slow network act on the whole cluster while the cluster view is on.
   */
  readonly conditioner: NetworkConditioner;
  /** This node's tracing service: the canvas shows the whole cluster through it. */
  readonly tracing: TracingService;
  /** `0.110.0` for `pid()`: the pid as this node numbers it. */
  pidArgument(pid: Pid): string;
  subscribe: (listener: () => void) => () => void;
  getView: () => ShellView;
}

/** Elixir's log timestamp, in the tab's local time. */
function localTime(ms: number): string {
  return `${new Date(ms).toTimeString().slice(0, 8)}.${String(Math.floor(ms % 1000)).padStart(3, '0')}`;
}

export function createShellSession(identity: Identity): ShellSession {
  let text = '';
  let signalling: SignallingState | null = identity.alive ? { type: 'connecting' } : null;
  let view: ShellView = { text: '', prompt: '', busy: false, signalling };
  const listeners = new Set<() => void>();
  let frame = 0;
  let shell: Shell | null = null;
  const distListeners = new Set<(dist: Distribution) => void>();

  const publish = () => {
    frame = 0;
    view = { text, prompt: shell?.prompt ?? '', busy: shell?.isBusy ?? false, signalling };
    for (const l of listeners) l();
  };
  const schedulePublish = () => {
    if (frame === 0) frame = requestAnimationFrame(publish);
  };
  const write = (chunk: string) => {
    text += chunk;
    if (text.length > MAX_TRANSCRIPT) text = text.slice(text.length - MAX_TRANSCRIPT);
    schedulePublish();
  };

  const random = { next: Math.random };
  const node = createPlaygroundNode({
    clock: realClock,
    wallClock: { now: () => Date.now() },
    formatTime: localTime,
    random,
    stdout: write,
    ...(identity.alive ? { name: identity.node, creation: 1 + Math.floor(Math.random() * 0xfffffffe) } : {}),
  });
  const loop = startNodeLoop(node.node, realClock, browserScheduling());
  shell = createElixirShell(node, {
    write,
    echo: true,
    banner: true,
    clear: () => {
      text = '';
      schedulePublish();
    },
  });

  const local = createNetworkConditioner(realClock, random);
  driveConditioner(local, realClock, browserScheduling(), loop.wake);
  const params = new URLSearchParams(location.search);
  let stopNode = () => {};
  // "Close node" from another tab's canvas: this node leaves the cluster (a tab cannot close itself).
  // A teacher's tab with the cluster view pauses, steps and slows every node through its tracer.
  const tracing = startTracing(node.node, { onCloseRequest: () => stopNode(), wake: loop.wake, classroom: classroomTarget(local, node.node.name.name) });
  const conditioner = clusterAware(local, tracing);

  if (identity.alive) {
    const config = signallingConfigFor(location);
    const token = signallingToken((bytes) => crypto.getRandomValues(bytes));
    const peer = registerNode(identity.node, config, (state) => {
      signalling = state;
      schedulePublish();
      // Registered again after a signalling drop: the node is alive already, its links kept.
      if (state.type === 'registered' && node.dist === null) {
        const transport = local.wrap(createPeerJsTransport(peer, config));
        const tuning = tickTuning(params);
        // `?hidden` mirrors `iex --hidden`: its connections are Node.list(:hidden), no mesh, no :global.
        const dist = node.goAlive({ transport, cookie: identity.cookie, clock: realClock, random, wake: loop.wake, ...(tuning ? { tuning } : {}), ...(params.has('hidden') ? { hidden: true } : {}) });
        loop.wake();
        for (const l of distListeners) l(dist);
        // `?connect=two@lab` (the start panel's Connect on an unnamed tab): connect as typed.
        const target = params.get('connect');
        if (target) input(`Node.connect :"${target}"`);
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
    // A closed tab closes its data channels at once, so the others see nodedown now.
    addEventListener('pagehide', () => stopNode());
  }
  const refused = new URLSearchParams(location.search).get('refused');
  if (refused) write(`Protocol 'inet_tcp': the name ${refused} seems to be in use by another Erlang node\n`);
  publish();

  function input(line: string): void {
    shell?.input(line);
    loop.wake();
    schedulePublish();
  }

  return {
    node,
    input,
    onDistribution(listener) {
      const dist = node.dist;
      if (dist !== null) listener(dist);
      distListeners.add(listener);
      return () => distListeners.delete(listener);
    },
    conditioner,
    tracing,
    pidArgument: (pid) => `${node.nodeNumber(pid.node)}.${pid.id}.${pid.serial}`,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getView: () => view,
  };
}
