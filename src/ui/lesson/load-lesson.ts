/**
 * Where `?lesson=` points: nothing (`?lesson`: the list of lessons), a built-in lesson's id (`03-cookies`), `paste` (a lesson pasted into
 * the page, kept in this browser so the lesson's other tabs open it too), or the URL of a lesson
 * file on this same origin. A lesson from elsewhere, too large, or slow is refused with a clear
 * message; the text is then parsed (src/lessons/format.ts) and never rendered as HTML.
 */
import { BUILTIN_LESSONS } from '../../lessons/builtin.ts';
import { LESSON_LIMITS } from '../../lessons/format.ts';

export type LessonRef = { readonly kind: 'index' } | { readonly kind: 'builtin'; readonly id: string } | { readonly kind: 'paste' } | { readonly kind: 'url'; readonly url: string };

export type Loaded = { readonly text: string } | { readonly error: string };

/** Where the pasted lesson is kept in this browser (localStorage). */
export const PASTED_KEY = 'playground.lesson.pasted';
/** How long a lesson file may take to arrive. */
const FETCH_TIMEOUT_MS = 10_000;

export function lessonRef(param: string): LessonRef {
  if (param === '') return { kind: 'index' };
  if (param === 'paste') return { kind: 'paste' };
  if (/^[a-z0-9][a-z0-9-]*$/.test(param)) return { kind: 'builtin', id: param };
  return { kind: 'url', url: param };
}

export function builtinLesson(id: string): Loaded {
  const text = BUILTIN_LESSONS.get(id);
  return text !== undefined ? { text } : { error: `There is no built-in lesson named "${id}". The built-in lessons are: ${[...BUILTIN_LESSONS.keys()].join(', ')}.` };
}

/** Fetches a lesson file from `url` (relative to `page`), only from the page's own origin, reading at most the size limit. */
export async function fetchLesson(url: string, page: URL, fetcher: typeof fetch = fetch): Promise<Loaded> {
  let target: URL;
  try {
    target = new URL(url, page);
  } catch {
    return { error: `"${url}" is not a lesson name or a URL.` };
  }
  if (target.origin !== page.origin) {
    return { error: `A lesson loads only from this site (${page.origin}); ${target.origin === 'null' ? `"${url}"` : target.origin} is elsewhere. Paste its text instead (?lesson=paste).` };
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await fetcher(target, { signal: abort.signal, credentials: 'same-origin', redirect: 'error' });
    if (!res.ok) return { error: `The lesson ${target.pathname} could not be loaded (HTTP ${res.status}).` };
    const reader = res.body?.getReader();
    if (reader === undefined) return { error: `The lesson ${target.pathname} is empty.` };
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > LESSON_LIMITS.bytes) {
        await reader.cancel();
        return { error: `The lesson ${target.pathname} is too large (more than ${LESSON_LIMITS.bytes} bytes).` };
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
    return { text: text + decoder.decode() };
  } catch (e) {
    return { error: abort.signal.aborted ? `The lesson ${target.pathname} took too long to load.` : `The lesson ${target.pathname} could not be loaded (${String(e)}).` };
  } finally {
    clearTimeout(timer);
  }
}
