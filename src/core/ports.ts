/**
 * Ports: the effects a node needs, passed in by whoever creates it. Real implementations live
 * only in the composition roots (src/ui/main.tsx, src/cli/); tests pass simulated ones.
 */

/** Milliseconds on a monotonic clock. The runtime never sets timers of its own: see Node.nextTimerAt. */
export interface Clock {
  now(): number;
}

/** Random numbers in [0, 1). Seeded in tests. */
export interface Random {
  next(): number;
}

export type LogLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'critical' | 'alert' | 'emergency';

/** Receives log events (crash reports, distribution errors...). The node formats them for output. */
export interface Logger {
  log(level: LogLevel, text: string): void;
}

/** Where a node's standard output goes: the shell panel, a terminal, a test buffer. */
export type OutputSink = (text: string) => void;

/** A clock a test moves by hand. */
export class SimulatedClock implements Clock {
  private t = 0;
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(ms: number): void {
    this.t = ms;
  }
}

/** Deterministic random numbers (mulberry32) for tests and benchmarks. */
export class SeededRandom implements Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
