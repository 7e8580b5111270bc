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

/** A figure as the tables print it: thousands grouped, small ones with a few decimals. */
export function fmt(n: number | null): string {
  if (n === null) return 'n/a';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en');
  return n.toFixed(Math.abs(n) >= 10 ? 1 : 3);
}

/** One line of a comparison table: a benchmark's description and what it measured. */
/** One figure of a browser benchmark (bench:dist, bench:class): ours beside its reference, if any. */
export interface FigureRow {
  readonly name: string;
  readonly unit: string;
  readonly ours: number;
  readonly reference: number | null;
  readonly higherIsBetter: boolean;
  readonly details: string;
}

export interface ComparisonRow {
  readonly name: string;
  readonly unit: string;
  readonly higherIsBetter: boolean;
  readonly result: BenchResult;
}

/**
 * Prints ours beside the reference, one benchmark a line (`--json` adds one JSON line each).
 * `reference` heads the reference column ("BEAM"); `short` names it in the ratio column.
 */
export function printComparison(rows: readonly ComparisonRow[], labels: { reference: string; short: string }, json: boolean): void {
  const header = ['benchmark', 'unit', 'ours', labels.reference, `ours/${labels.short}`, 'details'];
  const table = rows.map(({ name, unit, higherIsBetter, result }) => {
    const r = ratio(result);
    const verdict = r === null ? '' : (higherIsBetter ? r >= 1 : r <= 1) ? ' (ours better)' : ` (${labels.short} better)`;
    return [name, unit, fmt(result.ours), fmt(result.reference), r === null ? 'n/a' : r.toFixed(2) + verdict, result.details];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
  if (json) for (const { name, unit, result } of rows) console.log(JSON.stringify({ name, unit, ours: result.ours, reference: result.reference, ratio: ratio(result) }));
}
