/**
 * Comparing our shell with real iex transcripts (src/core/lang/golden/*.exs): reading a
 * transcript, replaying its typed lines, and masking what may differ between two runs of the
 * same session (see src/core/lang/golden/README.md). Used by golden.test.ts and
 * scripts/golden-diff.ts.
 */
import { transcriptOf } from './transcript.ts';

/** The prompt at the start of a transcript line (`iex(3)> `, `...(one@vm)2> `, or a bare `iex(4)>`). */
export function promptOf(line: string): string | undefined {
  return /^((?:iex|\.\.\.)\([^)]*\)\d*>(?: |$))/.exec(line)?.[1];
}

/** A golden file without its leading `#` description lines. */
export function goldenBody(file: string): string {
  const lines = file.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i] as string).startsWith('#')) i++;
  return lines.slice(i).join('\n');
}

/** The typed lines of a transcript: what follows each prompt. */
export function typedLines(transcript: string): string[] {
  return transcript
    .split('\n')
    .filter((l) => promptOf(l) !== undefined)
    .map((l) => l.slice((promptOf(l) as string).length));
}

/**
 * A stack-trace line iex prints under an error (our VM does not reproduce these), also when an
 * exit nests an exception deeper (`** (EXIT) an exception was raised:` indents 8 or 12 spaces),
 * and a `use GenServer` default callback's `lib/gen_server.ex:832: ...` line.
 */
const STACK_LINE = /^ {4,}(\(\w+ [\d.]+\) |:\w+\.|[A-Z]\w*(\.\w+)*\.\w+.*\(|iex:\d+: |lib\/[\w/.]+\.ex:\d+: )/;

/**
 * In a file marked `# stacks: compared`, only the stack lines that name Erlang's or Elixir's own
 * code (`(stdlib 4.2) gen_server.erl:1149: ...`): our OTP is not theirs, line for line.
 */
const INTERNAL_STACK_LINE = /^ {4,}\(\w+ [\d.]+\) /;

/** Does this golden file compare stack lines (a `# stacks: compared` description line)? */
export function comparesStacks(file: string): boolean {
  return /^# stacks: compared/m.test(file.slice(0, file.length - goldenBody(file).length));
}

/** Masks what may differ between two runs of the same session. */
export function normalize(text: string, stacks = false): string {
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
    else if (promptOf(line) !== undefined) inError = false;
    if (inError && (stacks ? INTERNAL_STACK_LINE : STACK_LINE).test(line)) continue;
    out.push(line);
  }
  return out.join('\n').trimEnd();
}

/** The transcript cut into one block per typed line (the prompt line and what followed it). */
export function blocks(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (promptOf(line) !== undefined || out.length === 0) out.push(line);
    else out[out.length - 1] += `\n${line}`;
  }
  return out;
}

export interface GoldenDiff {
  readonly index: number;
  readonly expected: string;
  readonly actual: string;
}

/**
 * Replays a golden transcript in a fresh shell and returns the blocks that differ. With
 * `ignoreCounters`, prompt numbers are masked so one early difference is reported once.
 */
export function replayGolden(file: string, ignoreCounters = false): GoldenDiff[] {
  const expected = goldenBody(file);
  // `iex(one@vm)1> ` prompts mean the session ran on a named node.
  const name = /^iex\(([^)]+@[^)]+)\)\d+> /m.exec(expected)?.[1];
  const actual = transcriptOf(typedLines(expected), name ? { name } : {});
  const mask = (b: string) => (ignoreCounters ? b.replace(/^(iex|\.\.\.)\(\d+\)/gm, '$1(N)') : b);
  const stacks = comparesStacks(file);
  const want = blocks(normalize(expected, stacks));
  const got = blocks(normalize(actual, stacks));
  const diffs: GoldenDiff[] = [];
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (mask(want[i] ?? '') !== mask(got[i] ?? '')) diffs.push({ index: i, expected: want[i] ?? '(nothing)', actual: got[i] ?? '(nothing)' });
  }
  return diffs;
}
