/**
 * A classroom whose tabs are wired as the page wires them: each node's transport goes through
 * the classroom conditioner (conditioning.ts), and each node runs the tracing service. Tests of
 * the classroom controls and of the cluster view type into shells here, on one simulated clock,
 * with the conditioners' delayed messages delivered on that clock.
 *
 *   const room = new ConditionedRoom();
 *   const one = room.open('one'), two = room.open('two');
 *   room.type(one, 'Node.connect :"two@vm"');
 *   one.conditioner.cut('two@vm'); room.advance(150_000);   // tick timeout on both sides
 */
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { createElixirShell } from '../core/shell/elixir-shell.ts';
import type { Shell } from '../core/shell/shell.ts';
import { MemoryNetwork } from '../dist/transports/memory.ts';
import { startTracing, type TracingService } from '../dist/trace/service.ts';
import { createPlaygroundNode, type PlaygroundNode } from './node.ts';
import { conditionedTransport, type NetworkConditioner } from './conditioning.ts';

export interface RoomTab {
  readonly name: string;
  readonly node: PlaygroundNode;
  readonly shell: Shell;
  readonly conditioner: NetworkConditioner;
  readonly tracing: TracingService;
  output(): string;
  /** Output printed since the last call. */
  take(): string;
}

const THINK_MS = 300;

export class ConditionedRoom {
  readonly clock = new SimulatedClock();
  readonly net = new MemoryNetwork({ maxMessageBytes: 16 * 1024 });
  readonly tabs: RoomTab[] = [];
  private seed = 1;
  private readonly closing = new Set<string>();

  open(sname: string, o: { host?: string; cookie?: string } = {}): RoomTab {
    const name = `${sname}@${o.host ?? 'vm'}`;
    const seed = this.seed++;
    let out = '';
    let taken = 0;
    const write = (t: string) => void (out += t);
    const node = createPlaygroundNode({ clock: this.clock, random: new SeededRandom(seed), stdout: write, name, creation: seed });
    // A close asked over the wire happens after the current run, as a tab closes between tasks.
    const tracing = startTracing(node.node, { onCloseRequest: () => void this.closing.add(name) });
    const random = new SeededRandom(seed * 7919);
    const { transport, conditioner } = conditionedTransport(this.net.transport(), this.clock, random);
    node.goAlive({ transport, cookie: o.cookie ?? 'chocolate-chip-1', clock: this.clock, random });
    const shell = createElixirShell(node, { write, echo: true });
    const tab: RoomTab = {
      name, node, shell, conditioner, tracing,
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

  /** Types one line, runs the room until that shell is ready, then lets a moment pass. */
  type(tab: RoomTab, line: string): void {
    tab.shell.input(line);
    const end = this.clock.now() + 60_000;
    this.settle();
    while (tab.shell.isBusy) {
      const at = this.nextAt();
      if (at === null || at > end) break;
      this.clock.set(Math.max(at, this.clock.now()));
      this.settle();
    }
    this.advance(THINK_MS);
  }

  /** Closes a tab (its links drop at once, as when a browser tab closes). */
  close(tab: RoomTab): void {
    const i = this.tabs.indexOf(tab);
    if (i < 0) return;
    this.net.kill(tab.name);
    tab.node.dist?.stop();
    this.tabs.splice(i, 1);
  }

  advance(ms: number): void {
    const end = this.clock.now() + ms;
    this.settle();
    for (let at = this.nextAt(); at !== null && at <= end; at = this.nextAt()) {
      this.clock.set(Math.max(at, this.clock.now()));
      this.settle();
    }
    this.clock.set(end);
    this.settle();
  }

  settle(): void {
    for (let round = 0; round < 1_000_000; round++) {
      let moved = this.net.flush();
      for (const t of [...this.tabs]) moved += t.node.node.runUntilIdle() + t.conditioner.runDue();
      for (const t of this.tabs.filter((x) => this.closing.has(x.name))) {
        this.closing.delete(t.name);
        this.close(t);
        moved++;
      }
      if (moved === 0 && this.net.pending() === 0) return;
    }
    throw new Error('the room did not settle');
  }

  /** The next node timer or delayed message. */
  private nextAt(): number | null {
    let next: number | null = null;
    for (const t of this.tabs) {
      for (const at of [t.node.node.nextTimerAt(), t.conditioner.nextDueAt()]) if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  }
}
