/**
 * A classroom in one process: several tabs (playground nodes with their iex), connected by the
 * memory transport, on one simulated clock. Tests type into a tab's shell and read what each
 * tab printed, as the end-to-end tests do over WebRTC, but deterministically and in Node.
 * Tabs are wired as the page wires them: each transport goes through the classroom
 * conditioner (distribution/middleware/network-controls.ts: cut, delay, pause...) and each node runs the tracing service.
 *
 *   const room = new Classroom();
 *   const one = room.open('one'), two = room.open('two');
 *   room.type(one, 'Node.connect :"two@vm"');   // runs everything until the shell is ready
 *   one.output()                                 // "iex(one@vm)1> Node.connect :\"two@vm\"\ntrue\n"
 */
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { createElixirShell } from '../core/shell/elixir-shell.ts';
import { PreludeCache } from '../core/lang/prelude-cache.ts';
import type { Shell } from '../core/shell/shell.ts';
import { MemoryNetwork } from '../distribution/transports/memory.ts';
import { startTracing, type TracingService } from '../distribution/trace/service.ts';
import { createPlaygroundNode, type PlaygroundNode } from './node.ts';
import { setLocalSpeed } from './local-speed.ts';
import { classroomTarget, conditionedTransport, type NetworkConditioner } from '../distribution/middleware/network-controls.ts';
import { clusterAware } from '../distribution/middleware/cluster-controls.ts';

export interface Tab {
  readonly name: string;
  readonly node: PlaygroundNode;
  readonly shell: Shell;
  /** The tab's controls: its own links, or the whole cluster while its cluster view is on (distribution/middleware/cluster-controls.ts). */
  readonly conditioner: NetworkConditioner;
  readonly tracing: TracingService;
  /** Everything this tab printed (its iex transcript). */
  output(): string;
  /** Output printed since the last call. */
  take(): string;
}

export interface TabOptions {
  readonly host?: string;
  readonly cookie?: string;
  /** A hidden node (`iex --hidden`). */
  readonly hidden?: boolean;
  /** `iex --connect-all false`: no transitive mesh. */
  readonly connectAll?: boolean;
}

/** The pause after each typed line, during which timers fire (as a person takes a moment). */
const THINK_MS = 300;

export class Classroom {
  readonly clock = new SimulatedClock();
  /** Its nodes share compiled prelude code (they are made with the same built-ins). */
  private readonly preludeCache = new PreludeCache();
  readonly net = new MemoryNetwork({ maxMessageBytes: 16 * 1024 });
  readonly tabs: Tab[] = [];
  private seed = 1;
  private readonly closing = new Set<string>();

  open(sname: string, o: TabOptions = {}): Tab {
    const name = `${sname}@${o.host ?? 'vm'}`;
    const seed = this.seed++;
    let out = '';
    let taken = 0;
    const write = (t: string) => {
      out += t;
    };
    const node = createPlaygroundNode({ clock: this.clock, random: new SeededRandom(seed), stdout: write, name, creation: seed, preludeCache: this.preludeCache });
    const random = new SeededRandom(seed * 7919);
    const { transport, conditioner: local } = conditionedTransport(this.net.transport(), this.clock, random, { onSpeed: (ms) => setLocalSpeed(node.node, ms) });
    // A close asked over the wire happens after the current run, as a tab closes between tasks.
    const tracing = startTracing(node.node, { onCloseRequest: () => void this.closing.add(name), classroom: classroomTarget(local) });
    const conditioner = clusterAware(local, tracing);
    node.goAlive({ transport, names: (done) => done({ ok: this.net.names() }), cookie: o.cookie ?? 'chocolate-chip-1', clock: this.clock, random, ...(o.hidden === true ? { hidden: true } : {}), ...(o.connectAll === false ? { connectAll: false } : {}) });
    const shell = createElixirShell(node, { write, echo: true });
    const tab: Tab = {
      name,
      node,
      shell,
      conditioner,
      tracing,
      output: () => out,
      take: () => {
        const s = out.slice(taken);
        taken = out.length;
        return s;
      },
    };
    this.tabs.push(tab);
    this.settle();
    return tab;
  }

  /** Types one line into `tab`, runs the room until its shell is ready, then pauses a moment. */
  type(tab: Tab, line: string): void {
    tab.shell.input(line);
    this.runWhile(() => tab.shell.isBusy);
    this.advance(THINK_MS);
  }

  /** Closes a tab: its links drop at once, as when a browser tab is closed. */
  close(tab: Tab): void {
    this.drop(tab);
    this.settle();
  }

  private drop(tab: Tab): void {
    const i = this.tabs.indexOf(tab);
    if (i < 0) return;
    this.net.kill(tab.name);
    tab.node.dist?.stop();
    this.tabs.splice(i, 1);
  }

  /** Lets simulated time pass (timers fire in order on every tab). */
  advance(ms: number): void {
    const end = this.clock.now() + ms;
    this.settle();
    for (let at = this.nextTimerAt(); at !== null && at <= end; at = this.nextTimerAt()) {
      this.clock.set(Math.max(at, this.clock.now()));
      this.settle();
    }
    this.clock.set(end);
    this.settle();
  }

  /** Runs every tab and the network until nothing moves at the current time. */
  settle(): void {
    for (let round = 0; round < 1_000_000; round++) {
      let moved = this.net.flush();
      for (const t of [...this.tabs]) moved += t.node.node.runUntilIdle() + t.conditioner.runDue();
      for (const t of this.tabs.filter((x) => this.closing.has(x.name))) {
        this.closing.delete(t.name);
        this.drop(t);
        moved++;
      }
      if (moved === 0 && this.net.pending() === 0) return;
    }
    throw new Error('the classroom did not settle');
  }

  private runWhile(busy: () => boolean, limitMs = 60_000): void {
    const end = this.clock.now() + limitMs;
    this.settle();
    while (busy()) {
      const at = this.nextTimerAt();
      if (at === null || at > end) return;
      this.clock.set(Math.max(at, this.clock.now()));
      this.settle();
    }
  }

  /** The next node timer or delayed message. */
  private nextTimerAt(): number | null {
    let next: number | null = null;
    for (const t of this.tabs) {
      for (const at of [t.node.node.nextTimerAt(), t.conditioner.nextDueAt()]) if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  }
}
