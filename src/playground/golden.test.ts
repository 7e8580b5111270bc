// Golden tests: transcripts of real iex (Elixir 1.14) sessions, in src/core/lang/golden/*.exs.
// Each file's typed lines are typed into our shell and the whole transcript must match, except
// what may differ between runs (golden.ts: timestamps, numbers inside PIDs, references, funs).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replayGolden } from './golden.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'core', 'lang', 'golden');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.exs'))
  .sort();

describe('golden iex transcripts', () => {
  it('has golden files', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    it(file, () => {
      const diffs = replayGolden(readFileSync(path.join(dir, file), 'utf8'));
      // Every differing block, with what iex printed and what we printed.
      const report = diffs.map((d) => `--- iex:\n${d.expected}\n+++ ours:\n${d.actual}`).join('\n\n');
      expect(report).toBe('');
    });
  }
});
