/**
 * `npm run bench [-- NAME...] [--json]`: runs the benchmarks (all, or those named), prints a
 * table with our figure beside the reference measured in the same run, then with --json one
 * JSON object per benchmark: {"name","unit","ours","reference","ratio"}.
 * To add a benchmark: write a file exporting a Benchmark (harness.ts) and list it below.
 */
import type { Benchmark, ComparisonRow } from './harness.ts';
import { printComparison } from './harness.ts';
import { ring } from './ring.ts';
import { spawn } from './spawn.ts';
import { fib } from './fib.ts';
import { ringShell } from './ring-shell.ts';
import { dist } from './dist.ts';
import { genserver } from './genserver.ts';
import { ets } from './ets.ts';
import { record } from './record.ts';
import { recordMemory } from './record-memory.ts';

const ALL: readonly Benchmark[] = [ring, spawn, fib, ringShell, dist, genserver, ets, record, recordMemory];

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
  const rows: ComparisonRow[] = [];
  for (const bench of chosen) {
    process.stderr.write(`running ${bench.name}...\n`);
    rows.push({ name: bench.name, unit: bench.unit, higherIsBetter: bench.higherIsBetter, result: await bench.run() });
  }
  printComparison(rows, { reference: 'BEAM', short: 'BEAM' }, json);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
