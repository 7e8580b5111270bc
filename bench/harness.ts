/**
 * The benchmark contract: each benchmark lives in its own file and measures our figure and,
 * in the same run, the reference one (real BEAM when installed), so the comparison printed
 * side by side always comes from one machine at one moment.
 */
export interface BenchResult {
  readonly ours: number;
  /** The same measurement on the reference (BEAM), or null when it is not available. */
  readonly reference: number | null;
  /** A line of extra figures (e.g. the secondary metric). */
  readonly details: string;
}

export interface Benchmark {
  readonly name: string;
  /** What `ours`/`reference` count, e.g. "msgs/s", "µs/spawn". */
  readonly unit: string;
  /** Whether a larger figure is better (throughput) or worse (time, memory). */
  readonly higherIsBetter: boolean;
  run(): BenchResult | Promise<BenchResult>;
}

/** ours / reference: above 1 means ours is larger (better for throughput, worse for cost). */
export function ratio(r: BenchResult): number | null {
  return r.reference === null || r.reference === 0 ? null : r.ours / r.reference;
}
