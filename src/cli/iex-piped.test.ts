import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run -s iex` (tsx src/cli/iex.ts) with `input` piped in; resolves with its stdout. */
function runIex(input: string): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/iex.ts'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ out, code }));
    child.stdin.end(input);
  });
}

/** Real iex does not echo piped input; ours writes each line after its prompt. Drop that echo. */
function withoutEcho(out: string, lines: readonly string[]): string {
  let k = 0;
  return out.replace(/(iex\(\d+\)> )(.*)\n/g, (m, prompt: string, typed: string) => (typed === lines[k] ? (k++, prompt) : m));
}

const mask = (s: string) => s.replace(/#PID<[\d.]+>/g, '#PID<X>').replace(/#Function<\d+\.\d+\//g, '#Function<X/');

describe('npm run iex with piped input', () => {
  it('types each line once the shell is ready, though other processes run forever, as real iex does', async () => {
    const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/piped-busy.txt'), 'utf8');
    const [head, output] = fixture.split('--- output\n') as [string, string];
    const lines = head.split('\n').slice(1, -1);
    // Real iex prints its banner when piped to; our terminal prints it only on a TTY.
    const expected = output.split('\n').slice(1).join('\n');
    const { out, code } = await runIex(lines.join('\n') + '\n');
    expect(code).toBe(0);
    expect(mask(withoutEcho(out, lines))).toBe(mask(expected));
  }, 120_000);
});
