/**
 * The real clock, wall clock and randomness (plain and cryptographic), for the composition roots (src/ui/main.tsx,
 * src/cli/iex.ts, the bench pages) to pass down: nothing below them reads these itself, so
 * tests run the same code on a simulated clock and seeded randomness.
 */
import type { Clock, Random } from '../core/ports.ts';
import { realClock } from './node-loop.ts';

export interface RealEffects {
  readonly clock: Clock;
  readonly wallClock: Clock;
  readonly random: Random;
  readonly formatTime: (ms: number) => string;
  /** Cryptographic randomness (secrets such as the tab's signalling token). */
  readonly fillSecureRandom: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;
}

/** Elixir's log timestamp, in local time. */
function localTime(ms: number): string {
  return `${new Date(ms).toTimeString().slice(0, 8)}.${String(Math.floor(ms % 1000)).padStart(3, '0')}`;
}

export function realEffects(): RealEffects {
  return {
    clock: realClock,
    wallClock: { now: () => Date.now() },
    random: { next: Math.random },
    formatTime: localTime,
    fillSecureRandom: (bytes) => crypto.getRandomValues(bytes),
  };
}
