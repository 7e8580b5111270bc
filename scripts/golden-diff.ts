/**
 * Shows where our shell differs from the real iex transcripts, block by block, with prompt
 * counters masked so each difference shows once: `npx tsx scripts/golden-diff.ts [file-part]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replayGolden } from '../src/playground/golden.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'lang', 'golden');
const only = process.argv[2];
let total = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.exs')).sort()) {
  if (only && !file.includes(only)) continue;
  const diffs = replayGolden(readFileSync(path.join(dir, file), 'utf8'), true);
  for (const d of diffs) {
    // ⏎ marks a trailing blank line, which is easy to miss.
    console.log(`=== ${file} #${d.index}\n--- iex:\n${d.expected.replace(/\n$/, '⏎')}\n+++ ours:\n${d.actual.replace(/\n$/, '⏎')}`);
  }
  total += diffs.length;
  console.log(`### ${file}: ${diffs.length} differing blocks`);
}
console.log(`TOTAL ${total}`);
