import { readFileSync, readdirSync } from 'node:fs';
import { transcriptOf } from '/work/main/src/core/shell/transcript.ts';
const dir = '/work/main/src/core/lang/golden';
const STACK_LINE = /^ {4}(\(\w+ [\d.]+\) |:\w+\.|[A-Z]\w*(\.\w+)*\.\w+.*\(|iex:\d+: )/;
const promptOf = (line: string) => /^((?:iex|\.\.\.)\([^)]*\)\d*>(?: |$))/.exec(line)?.[1];
function normalize(text: string): string {
  const lines = text.replace(/<<70, 79, 82, 49, [^>]*>>/g, '<<BEAM>>').replace(/^\d\d:\d\d:\d\d\.\d\d\d /gm, 'HH:MM:SS.mmm ')
    .replace(/#PID<(\d+)\.\d+\.\d+>/g, (_, n: string) => `#PID<${n === '0' ? '0' : 'N'}.x.x>`).replace(/#Reference<[\d.]+>/g, '#Reference<x>')
    .replace(/#Function<\d+\.\d+\//g, '#Function<x.x/').split('\n').map((l) => l.trimEnd());
  const out: string[] = []; let inError = false;
  for (const line of lines) { if (line.startsWith('** (')) inError = true; else if (/^(iex|\.\.\.)\(/.test(line)) inError = false; if (inError && STACK_LINE.test(line)) continue; out.push(line); }
  return out.join('\n').trimEnd();
}
function blocks(text: string): string[] { const out: string[] = []; for (const line of text.split('\n')) { if (/^(iex|\.\.\.)\([^)]*\)\d*>/.test(line) || out.length === 0) out.push(line); else out[out.length - 1] += `\n${line}`; } return out; }
const only = process.argv[2];
// Counters shift after the first difference; mask them so each difference shows once.
const mask = (b: string) => b.replace(/^(iex|\.\.\.)\(\d+\)/gm, '$1(N)');
let total = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.exs')).sort()) {
  if (only && !f.includes(only)) continue;
  const expected = readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter((l, i, all) => !(l.startsWith('#') && all.slice(0, i).every((p) => p.startsWith('#')))).join('\n');
  const typed = expected.split('\n').filter((l) => promptOf(l) !== undefined).map((l) => l.slice((promptOf(l) as string).length));
  const name = /^iex\(([^)]+@[^)]+)\)\d+> /m.exec(expected)?.[1];
  const actual = transcriptOf(typed, name ? { name } : {});
  const want = blocks(normalize(expected)); const got = blocks(normalize(actual));
  let n = 0;
  for (let i = 0; i < Math.max(want.length, got.length); i++) if (mask(want[i] ?? '') !== mask(got[i] ?? '')) { n++; console.log(`=== ${f} #${i}\n--- iex:\n${(want[i] ?? '').replace(/\n$/,'⏎')}\n+++ ours:\n${(got[i] ?? '').replace(/\n$/,'⏎')}`); }
  total += n;
  console.log(`### ${f}: ${n} differing blocks of ${want.length}`);
}
console.log(`TOTAL ${total}`);
