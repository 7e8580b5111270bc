/**
 * `npm run bench [-- NAME...] [--json]`: runs the benchmarks (all, or those named), prints a
 * table with our figure beside the reference measured in the same run, then with --json one
 * JSON object per benchmark: {"name","unit","ours","reference","ratio"}.
 * To add a benchmark: write a file exporting a Benchmark (harness.ts) and list it below.
 */
import type { Benchmark, BenchResult } from './harness.ts';
import { ratio } from './harness.ts';
import { ring } from './ring.ts';
import { spawn } from './spawn.ts';
import { fib } from './fib.ts';
import { ringShell } from './ring-shell.ts';
import { dist } from './dist.ts';

const ALL: readonly Benchmark[] = [ring, spawn, fib, ringShell, dist];

function fmt(n: number | null): string {
  if (n === null) return 'n/a';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en');
  return n.toFixed(Math.abs(n) >= 10 ? 1 : 3);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !ALL.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${ALL.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  const chosen = names.length === 0 ? ALL : ALL.filter((b) => names.includes(b.name));
  const rows: { bench: Benchmark; result: BenchResult }[] = [];
  for (const bench of chosen) {
    process.stderr.write(`running ${bench.name}...\n`);
    rows.push({ bench, result: await bench.run() });
  }
  const header = ['benchmark', 'unit', 'ours', 'BEAM', 'ours/BEAM', 'details'];
  const table = rows.map(({ bench, result }) => {
    const r = ratio(result);
    const verdict = r === null ? '' : (bench.higherIsBetter ? r >= 1 : r <= 1) ? ' (ours better)' : ' (BEAM better)';
    return [bench.name, bench.unit, fmt(result.ours), fmt(result.reference), r === null ? 'n/a' : r.toFixed(2) + verdict, result.details];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
  if (json) {
    for (const { bench, result } of rows) {
      console.log(JSON.stringify({ name: bench.name, unit: bench.unit, ours: result.ours, reference: result.reference, ratio: ratio(result) }));
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
