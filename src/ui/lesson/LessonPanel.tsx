/**
 * The lesson panel (`?lesson=<id|url|paste>`, or `?lesson` alone: the list of lessons): a `complementary` region named `lesson` with the
 * lesson's steps as a list; a step whose expected output appeared is `aria-checked` (✓). Each step
 * says which tab it is for, with a link that opens that tab as the lesson's node; its code goes
 * into this tab's shell input on a click and runs only on Enter (on the code, or in the shell).
 * After a wrong answer the step's hint shows. Everything from the lesson file is text, never HTML.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { BUILTIN_LESSONS } from '../../lessons/builtin.ts';
import { parseLesson, type Lesson, type LessonStep } from '../../lessons/format.ts';
import { withHost } from '../../lessons/pattern.ts';
import type { StepStatus } from '../../lessons/progress.ts';
import type { Identity } from '../identity.ts';
import { namedNodeUrl } from '../layout/url-options.ts';
import type { ShellSession } from '../session.ts';
import { builtinLesson, fetchLesson, lessonRef, PASTED_KEY, type Loaded } from './load-lesson.ts';
import type { ShellDraft } from './shell-draft.ts';
import { useLessonProgress } from './use-lesson-progress.ts';

export interface LessonPanelProps {
  /** The `?lesson=` value. */
  readonly param: string;
  readonly identity: Identity;
  readonly session: ShellSession;
  readonly draft: ShellDraft;
}

type State = { readonly lesson: Lesson } | { readonly error: string } | { readonly loading: true } | { readonly paste: true } | { readonly index: true };

const parsed = (loaded: Loaded): State => {
  if ('error' in loaded) return loaded;
  const r = parseLesson(loaded.text);
  return 'error' in r ? { error: `This lesson cannot be read. ${r.error}` } : { lesson: r.ok };
};

/** The lesson `?lesson=` names, and `paste` (text: open it; null: paste another). */
function useLesson(param: string): [State, (text: string | null) => void] {
  const ref = useMemo(() => lessonRef(param), [param]);
  const [state, setState] = useState<State>(() => {
    if (ref.kind === 'index') return { index: true };
    if (ref.kind === 'builtin') return parsed(builtinLesson(ref.id));
    if (ref.kind === 'paste') {
      const kept = localStorage.getItem(PASTED_KEY);
      return kept === null ? { paste: true } : parsed({ text: kept });
    }
    return { loading: true };
  });
  useEffect(() => {
    if (ref.kind !== 'url') return undefined;
    let live = true;
    void fetchLesson(ref.url, new URL(location.href)).then((loaded) => live && setState(parsed(loaded)));
    return () => {
      live = false;
    };
  }, [ref]);
  const paste = (text: string | null) => {
    if (text === null) return setState({ paste: true });
    const next = parsed({ text });
    if ('lesson' in next) localStorage.setItem(PASTED_KEY, text);
    setState(next);
  };
  return [state, paste];
}

export function LessonPanel({ param, identity, session, draft }: LessonPanelProps) {
  const [state, paste] = useLesson(param);
  const lesson = 'lesson' in state ? state.lesson : null;
  // An unnamed tab checks no step of its own (it is none of the lesson's nodes): it links to them.
  const [self, host] = identity.alive ? (identity.node.split('@') as [string, string]) : [null, ''];
  const statuses = useLessonProgress(session, lesson, self, host, `${param}\n${lesson?.title ?? ''}`);
  const [pasted, setPasted] = useState('');

  return (
    <aside aria-label="lesson" className="flex max-h-[45vh] min-h-0 flex-col overflow-y-auto lg:max-h-none border-slate-200 bg-white px-4 py-3 text-sm lg:w-96 lg:flex-none lg:border-l dark:border-slate-700 dark:bg-slate-950">
      {'error' in state && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      )}
      {'loading' in state && <p role="status">Loading the lesson…</p>}
      {'index' in state && <LessonIndex />}
      {('paste' in state || ('error' in state && lessonRef(param).kind === 'paste')) && (
        <form
          className="mt-2 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            paste(pasted);
          }}
        >
          <label className="font-semibold" htmlFor="lesson-text">
            Paste a lesson (README, “Lessons”)
          </label>
          <textarea id="lesson-text" aria-label="lesson text" rows={10} className="rounded border border-slate-300 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900" value={pasted} onChange={(e) => setPasted(e.target.value)} />
          <button type="submit" className="self-start rounded-lg border border-slate-300 px-3 py-1 font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            Open lesson
          </button>
        </form>
      )}
      {lesson && lessonRef(param).kind === 'paste' && (
        <button type="button" className="self-end text-xs text-sky-700 underline dark:text-sky-300" onClick={() => paste(null)}>
          paste another lesson
        </button>
      )}
      {lesson && <LessonSteps lesson={lesson} param={param} identity={identity} self={self} host={host} statuses={statuses} session={session} draft={draft} />}
    </aside>
  );
}

/** `?lesson` alone: the built-in lessons, each a link that opens it in this tab. */
function LessonIndex() {
  const href = (id: string) => {
    const url = new URL(location.href);
    url.searchParams.set('lesson', id);
    return url.toString();
  };
  return (
    <nav aria-label="lessons">
      <h2 className="text-lg font-bold">Lessons</h2>
      <ul className="mt-2 flex flex-col gap-1">
        {[...BUILTIN_LESSONS].map(([id, text]) => (
          <li key={id}>
            <a href={href(id)} className="text-sky-700 underline dark:text-sky-300">
              {text.match(/^# (.*)$/m)?.[1] ?? id}
            </a>{' '}
            <span className="text-xs text-slate-500">{id}</span>
          </li>
        ))}
        <li>
          <a href={href('paste')} className="text-sky-700 underline dark:text-sky-300">
            Paste a lesson
          </a>
        </li>
      </ul>
    </nav>
  );
}

interface StepsProps {
  readonly lesson: Lesson;
  readonly param: string;
  readonly identity: Identity;
  readonly self: string | null;
  readonly host: string;
  readonly statuses: ReadonlyMap<number, StepStatus>;
  readonly session: ShellSession;
  readonly draft: ShellDraft;
}

function LessonSteps({ lesson, param, identity, self, host, statuses, session, draft }: StepsProps) {
  const tabUrl = (tab: string) => {
    const url = new URL(namedNodeUrl(new URL(location.href), tab, lesson.tabs.find((t) => t.name === tab)?.cookie ?? identity.cookie));
    url.searchParams.set('lesson', param);
    return url.toString();
  };
  const done = lesson.steps.filter((_, i) => statuses.get(i)?.checked).length;
  const checkable = lesson.steps.filter((s) => s.expect !== null).length;
  return (
    <>
      <h2 className="text-lg font-bold">{lesson.title}</h2>
      <p className="text-slate-500 dark:text-slate-400">
        {done} of {checkable} steps checked{self !== null && ` · this tab is ${self}`}
      </p>
      {lesson.intro && <Prose text={lesson.intro} />}
      <p className="mt-2 flex flex-wrap gap-2">
        {lesson.tabs.map((t) =>
          t.name === self ? (
            <span key={t.name} className="rounded bg-sky-100 px-2 py-0.5 font-semibold text-sky-900 dark:bg-sky-900 dark:text-sky-100">
              {t.name} (this tab)
            </span>
          ) : (
            <a key={t.name} href={tabUrl(t.name)} target="_blank" rel="noopener" className="rounded border border-slate-300 px-2 py-0.5 font-semibold text-sky-700 hover:bg-slate-100 dark:border-slate-600 dark:text-sky-300">
              open tab {t.name}
            </a>
          ),
        )}
      </p>
      <ol aria-label="lesson steps" className="mt-3 flex flex-col gap-3">
        {lesson.steps.map((step, i) => (
          <Step key={i} n={i + 1} step={step} status={statuses.get(i)} self={self} host={host} tabUrl={tabUrl} session={session} draft={draft} />
        ))}
      </ol>
    </>
  );
}

/** A lesson's prose: paragraphs, with `code` spans. Text nodes only: nothing of the file becomes HTML. */
function Prose({ text }: { text: string }) {
  return text.split('\n\n').map((p, i) => (
    <p key={i} className="mt-1">
      <Inline text={p} />
    </p>
  ));
}

function Inline({ text }: { text: string }) {
  return text.split('`').map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

interface StepProps {
  readonly n: number;
  readonly step: LessonStep;
  readonly status: StepStatus | undefined;
  readonly self: string | null;
  readonly host: string;
  readonly tabUrl: (tab: string) => string;
  readonly session: ShellSession;
  readonly draft: ShellDraft;
}

function Step({ n, step, status, self, host, tabUrl, session, draft }: StepProps) {
  const checked = status?.checked ?? false;
  const code = step.code === null ? null : { tab: step.code.tab, text: withHost(step.code.source, host) };
  const here = code !== null && code.tab === self;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || code === null || !here) return;
    e.preventDefault();
    for (const line of code.text.split('\n')) session.input(line);
  };
  const tabLink = (tab: string) =>
    tab === self ? (
      <span className="font-semibold">this tab</span>
    ) : (
      <a href={tabUrl(tab)} target="_blank" rel="noopener" className="font-semibold text-sky-700 underline dark:text-sky-300">
        tab {tab}
      </a>
    );
  return (
    <li aria-checked={step.expect === null ? undefined : checked} className={`rounded border p-2 ${checked ? 'border-emerald-400 bg-emerald-50 dark:border-emerald-600 dark:bg-emerald-950' : 'border-slate-200 dark:border-slate-700'}`}>
      <h3 className="font-semibold">
        <span aria-hidden="true" className={checked ? 'text-emerald-600 dark:text-emerald-400' : 'text-slate-400'}>
          {checked ? '✓' : `${n}.`}
        </span>{' '}
        {step.title}
      </h3>
      {step.text && <Prose text={step.text} />}
      {code && (
        <div className="mt-1">
          <p className="text-xs text-slate-500 dark:text-slate-400">Type in {tabLink(code.tab)}{here ? ': click to put it in the shell, Enter to run it' : ''}</p>
          <pre
            role="button"
            tabIndex={0}
            aria-label={`code for ${code.tab}`}
            title={here ? 'Click: into the shell input. Enter: run it.' : `Type it in tab ${code.tab}`}
            onClick={() => here && draft.put(code.text)}
            onKeyDown={onKeyDown}
            className="mt-1 cursor-pointer overflow-x-auto rounded bg-slate-950 p-2 font-mono text-xs text-slate-100"
          >
            {code.text}
          </pre>
        </div>
      )}
      {step.expect && step.expect.tab !== code?.tab && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Watch {tabLink(step.expect.tab)}.</p>}
      {status?.wrong && !checked && step.hint && (
        <p role="note" aria-label="hint" className="mt-1 rounded bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <Inline text={step.hint} />
        </p>
      )}
    </li>
  );
}
