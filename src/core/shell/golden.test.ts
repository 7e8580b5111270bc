// Golden tests: transcripts of real iex (Elixir 1.14) sessions, in src/core/lang/golden/*.exs.
// Each file's typed lines (after `iex(N)> ` / `...(N)> ` prompts) are typed into our shell and
// the whole transcript must match, except what may differ between runs (see ../lang/golden/README.md):
// timestamps, the numbers inside PIDs, references and #Function<...>.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transcriptOf } from './transcript.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lang', 'golden');
export const promptOf = (line: string) => /^((?:iex|\.\.\.)\([^)]*\)\d*>(?: |$))/.exec(line)?.[1];

/** The typed lines of a transcript: what follows each prompt. */
export function typedLines(transcript: string): string[] {
  return transcript
    .split('\n')
    .filter((l) => promptOf(l) !== undefined)
    .map((l) => l.slice((promptOf(l) as string).length));
}

/** A stack-trace line iex prints under an error (our VM does not reproduce these). */
const STACK_LINE = /^ {4}(\(\w+ [\d.]+\) |:\w+\.|[A-Z]\w*(\.\w+)*\.\w+.*\(|iex:\d+: )/;

/** Masks what may differ between two runs of the same session (see ../lang/golden/README.md). */
export function normalize(text: string): string {
  const lines = text
    .replace(/<<70, 79, 82, 49, [^>]*>>/g, '<<BEAM>>')
    .replace(/^\d\d:\d\d:\d\d\.\d\d\d /gm, 'HH:MM:SS.mmm ')
    .replace(/#PID<(\d+)\.\d+\.\d+>/g, (_, n: string) => `#PID<${n === '0' ? '0' : 'N'}.x.x>`)
    .replace(/#Reference<[\d.]+>/g, '#Reference<x>')
    .replace(/#Function<\d+\.\d+\//g, '#Function<x.x/')
    .split('\n')
    .map((l) => l.trimEnd());
  const out: string[] = [];
  let inError = false;
  for (const line of lines) {
    if (line.startsWith('** (')) inError = true;
    else if (promptOf(line) !== undefined || line === 'iex(1)>' || /^(iex|\.\.\.)\(/.test(line)) inError = false;
    if (inError && STACK_LINE.test(line)) continue;
    out.push(line);
  }
  return out.join('\n').trimEnd();
}

/** The transcript cut into one block per typed line (the prompt line and what followed it). */
function blocks(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/^(iex|\.\.\.)\([^)]*\)\d*>/.test(line) || out.length === 0) out.push(line);
    else out[out.length - 1] += `\n${line}`;
  }
  return out;
}

const files = readdirSync(dir).filter((f) => f.endsWith('.exs')).sort();

describe('golden iex transcripts', () => {
  it('has golden files', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    it(file, () => {
      const expected = readFileSync(path.join(dir, file), 'utf8')
        .split('\n')
        .filter((l, i, all) => !(l.startsWith('#') && all.slice(0, i).every((p) => p.startsWith('#'))))
        .join('\n');
      // `iex(one@vm)1> ` prompts mean the session ran on a named node.
      const name = /^iex\(([^)]+@[^)]+)\)\d+> /m.exec(expected)?.[1];
      const actual = transcriptOf(typedLines(expected), name ? { name } : {});
      const want = blocks(normalize(expected));
      const got = blocks(normalize(actual));
      // Report every differing block, each with what iex printed and what we printed.
      const diffs: string[] = [];
      for (let i = 0; i < Math.max(want.length, got.length); i++) {
        if (want[i] !== got[i]) diffs.push(`--- iex:\n${want[i] ?? '(nothing)'}\n+++ ours:\n${got[i] ?? '(nothing)'}`);
      }
      expect(diffs.join('\n\n')).toBe('');
    });
  }
});
