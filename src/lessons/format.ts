/**
 * The lesson file format: Markdown with fenced steps (README "Lessons" has the author's guide).
 *
 *   # Title                        the first line; the lesson's name
 *   Intro text.                    plain text (shown as text, never as HTML)
 *   ```tabs                        optional: the tabs (nodes) it uses, one a line, each with an
 *   one                            optional cookie; tabs named only in steps get this tab's cookie
 *   three cookie=oatmeal
 *   ```
 *   ## Step title                  each `## ` heading starts a step
 *   What to notice.
 *   ```iex one                     code typed in tab `one` (optional)
 *   Node.connect :"two@{host}"
 *   ```
 *   ```output one                  the output that shows the step is done (optional; its tab
 *   true                           defaults to the code's tab): see pattern.ts for {host}, {pid}, {*}
 *   ```
 *   ```hint                        shown after a wrong answer (optional)
 *   ```
 *
 * A lesson may come from anyone (a URL, a paste): the parser bounds what it accepts and reports
 * the first problem with its line number, and nothing of the text is ever rendered as HTML.
 */

export interface LessonTab {
  /** The short name (`one`): the tab is `one@<host>`. */
  readonly name: string;
  /** The tab's cookie, when the lesson sets one (else the opening tab's cookie). */
  readonly cookie: string | null;
}

export interface LessonStep {
  readonly title: string;
  readonly text: string;
  /** The tab the code is typed in, and the code (lines), if the step has code. */
  readonly code: { readonly tab: string; readonly source: string } | null;
  /** The tab whose output shows the step done, and the expected output pattern. */
  readonly expect: { readonly tab: string; readonly pattern: string } | null;
  readonly hint: string | null;
}

export interface Lesson {
  readonly title: string;
  readonly intro: string;
  readonly tabs: readonly LessonTab[];
  readonly steps: readonly LessonStep[];
}

export type ParseResult = { readonly ok: Lesson } | { readonly error: string };

/** Limits on what a lesson file may hold (a lesson is small; anything beyond is refused). */
export const LESSON_LIMITS = { bytes: 256 * 1024, steps: 100, tabs: 8, lineChars: 4000, placeholders: 32 } as const;

const TAB_NAME = /^[a-z][a-z0-9_]{0,31}$/;
const COOKIE = /^[A-Za-z0-9_.@-]{1,255}$/;

class LessonError extends Error {}

/** Prose as Markdown reads it: lines of a paragraph joined by a space, paragraphs apart by a blank line. */
const prose = (lines: readonly string[]): string =>
  lines
    .join('\n')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' '))
    .join('\n\n');

interface StepDraft {
  title: string;
  line: number;
  text: string[];
  code: { tab: string; source: string } | null;
  expect: { tab: string | null; pattern: string } | null;
  hint: string | null;
}

export function parseLesson(source: string): ParseResult {
  if (source.length > LESSON_LIMITS.bytes) return { error: `This lesson is too large (${source.length} characters; a lesson may have at most ${LESSON_LIMITS.bytes}).` };
  try {
    return { ok: parse(source.replace(/\r\n?/g, '\n').split('\n')) };
  } catch (e) {
    if (e instanceof LessonError) return { error: e.message };
    throw e;
  }
}

function parse(lines: string[]): Lesson {
  let i = 0;
  function fail(message: string, at = i): never {
    throw new LessonError(`Line ${at + 1}: ${message}`);
  }
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  const first = lines[i] ?? '';
  if (!first.startsWith('# ')) fail('a lesson starts with its title, as `# Title`.');
  const title = first.slice(2).trim();
  i++;
  const intro: string[] = [];
  const tabs = new Map<string, string | null>();
  const steps: StepDraft[] = [];
  let step: StepDraft | null = null;

  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > LESSON_LIMITS.lineChars) fail(`a line may have at most ${LESSON_LIMITS.lineChars} characters.`);
    const fence = /^```\s*([a-z]*)\s*([^\s`]*)\s*$/.exec(line);
    if (fence) {
      const start = i;
      const kind = fence[1] ?? '';
      const tab = fence[2] || null;
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i++) {
        if ((lines[i] ?? '').length > LESSON_LIMITS.lineChars) fail(`a line may have at most ${LESSON_LIMITS.lineChars} characters.`);
        body.push(lines[i] ?? '');
      }
      if (i >= lines.length) fail('this fenced block is never closed (a line with ``` ends it).', start);
      const content = body.join('\n');
      if (tab !== null && !TAB_NAME.test(tab)) fail(`\`${tab}\` is not a tab name (lowercase letters, digits, _).`, start);
      if (kind === 'tabs') {
        if (step !== null) fail('the `tabs` block goes before the first step.', start);
        for (const [k, decl] of body.entries()) {
          const m = /^\s*([a-z][a-z0-9_]*)\s*(?:cookie=(\S+))?\s*$/.exec(decl);
          if (!m || !TAB_NAME.test(m[1] ?? '')) fail('a tab is declared as `name` or `name cookie=secret`.', start + 1 + k);
          if (m[2] !== undefined && !COOKIE.test(m[2])) fail(`\`${m[2]}\` is not a cookie this lesson may set.`, start + 1 + k);
          tabs.set(m[1] as string, m[2] ?? null);
        }
        continue;
      }
      if (step === null) fail(`a \`${kind || '```'}\` block belongs to a step: start one with \`## Step title\` first.`, start);
      if (kind === 'iex') {
        if (tab === null) fail('say which tab the code is typed in: ```iex one.', start);
        if (step.code !== null) fail('a step has one `iex` block.', start);
        if (content.trim() === '') fail('this `iex` block is empty.', start);
        step.code = { tab, source: content };
      } else if (kind === 'output') {
        if (step.expect !== null) fail('a step has one `output` block.', start);
        if (content.trim() === '') fail('this `output` block is empty.', start);
        if ((content.match(/\{(\*|pid|ref|fun)\}/g)?.length ?? 0) > LESSON_LIMITS.placeholders) fail(`an \`output\` block may have at most ${LESSON_LIMITS.placeholders} placeholders.`, start);
        step.expect = { tab, pattern: content };
      } else if (kind === 'hint') {
        step.hint = content.trim();
      } else {
        fail(`unknown block \`${kind}\`: a step has \`iex <tab>\`, \`output [tab]\` and \`hint\` blocks.`, start);
      }
      continue;
    }
    if (line.startsWith('## ')) {
      if (steps.length >= LESSON_LIMITS.steps) fail(`a lesson may have at most ${LESSON_LIMITS.steps} steps.`);
      step = { title: line.slice(3).trim(), line: i, text: [], code: null, expect: null, hint: null };
      steps.push(step);
      continue;
    }
    if (line.startsWith('# ')) fail('a lesson has one title (`# `); steps are `## ` headings.');
    (step === null ? intro : step.text).push(line);
  }

  if (steps.length === 0) fail('this lesson has no steps (`## Step title`).', lines.length - 1);
  const done = steps.map((s): LessonStep => {
    const expectTab = s.expect?.tab ?? s.code?.tab ?? null;
    if (s.expect !== null && expectTab === null) fail('say which tab shows this output: ```output one.', s.line);
    for (const t of [s.code?.tab, expectTab]) if (t != null && !tabs.has(t)) tabs.set(t, null);
    return {
      title: s.title,
      text: prose(s.text),
      code: s.code,
      expect: s.expect === null ? null : { tab: expectTab as string, pattern: s.expect.pattern },
      hint: s.hint,
    };
  });
  if (tabs.size > LESSON_LIMITS.tabs) fail(`a lesson may use at most ${LESSON_LIMITS.tabs} tabs.`, 0);
  return { title, intro: prose(intro), tabs: [...tabs].map(([name, cookie]) => ({ name, cookie })), steps: done };
}
