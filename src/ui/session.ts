/**
 * One tab's node and its shell, wired to real effects: the composition root's helper. The
 * transcript is kept here (bounded) and published to React at most once per animation frame,
 * so a process printing in a tight loop cannot flood the page.
 */
import type { Node } from '../core/runtime/node.ts';
import type { Shell } from '../core/shell/shell.ts';
import { createElixirNode } from '../core/elixir-node.ts';
import { createElixirShell } from '../core/shell/elixir-shell.ts';
import { browserScheduling, realClock, startNodeLoop, type NodeLoop } from '../host/node-loop.ts';

/** Characters of transcript kept; older output is dropped from the top. */
const MAX_TRANSCRIPT = 200_000;

export interface ShellView {
  readonly text: string;
  readonly prompt: string;
  /** An expression is being evaluated (or lines wait their turn). */
  readonly busy: boolean;
}

export interface ShellSession {
  readonly node: Node;
  input(line: string): void;
  subscribe: (listener: () => void) => () => void;
  getView: () => ShellView;
}

export function createShellSession(nodeName: string | null): ShellSession {
  let text = '';
  let view: ShellView = { text: '', prompt: '', busy: false };
  const listeners = new Set<() => void>();
  let frame = 0;
  let shell: Shell | null = null;
  let loop: NodeLoop | null = null;

  const publish = () => {
    frame = 0;
    view = { text, prompt: shell?.prompt ?? '', busy: shell?.isBusy ?? false };
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

  const elixir = createElixirNode({
    clock: realClock,
    wallClock: { now: () => Date.now() },
    formatTime: (ms) => new Date(ms).toTimeString().slice(0, 8) + '.' + String(Math.floor(ms % 1000)).padStart(3, '0'),
    random: { next: Math.random },
    stdout: write,
    ...(nodeName ? { name: nodeName, creation: 1 + Math.floor(Math.random() * 0xfffffffe) } : {}),
  });
  const { node } = elixir;
  loop = startNodeLoop(node, realClock, browserScheduling());
  shell = createElixirShell(elixir, {
    write,
    echo: true,
    banner: true,
    clear: () => {
      text = '';
      schedulePublish();
    },
  });
  publish();

  return {
    node,
    input(line) {
      shell?.input(line);
      loop?.wake();
      schedulePublish();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getView: () => view,
  };
}
