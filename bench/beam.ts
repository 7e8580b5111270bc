/**
 * Running a reference measurement on real BEAM: the Elixir source is compiled with `elixirc`
 * into a temporary directory and run with `elixir -pa`, so the reference is compiled code, not
 * an interpreted script. The program prints one line of `key=value` figures that we parse.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let available: boolean | undefined;

export function elixirAvailable(): boolean {
  if (available === undefined) {
    try {
      execFileSync('elixir', ['--version'], { stdio: 'ignore', timeout: 30_000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/**
 * Compiles `source` (defining `module`) and evaluates `call`; returns the figures from the
 * last output line that looks like `a=1 b=2`. Null when Elixir is not installed.
 */
export function runElixir(source: string, call: string, erlFlags: string[] = []): Record<string, number> | null {
  if (!elixirAvailable()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'bench-beam-'));
  try {
    const file = join(dir, 'bench.ex');
    writeFileSync(file, source);
    execFileSync('elixirc', ['-o', dir, file], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
    const args = [...erlFlags.flatMap((f) => ['--erl', f]), '-pa', dir, '-e', call];
    const out = execFileSync('elixir', args, { encoding: 'utf8', timeout: 600_000 });
    const line = out.trim().split('\n').filter((l) => l.includes('=')).pop() ?? '';
    const figures: Record<string, number> = {};
    for (const kv of line.split(/\s+/)) {
      const [k, v] = kv.split('=');
      if (k !== undefined && v !== undefined) figures[k] = Number(v);
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
