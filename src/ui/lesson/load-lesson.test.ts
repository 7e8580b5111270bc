import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinLesson, fetchLesson, lessonRef } from './load-lesson.ts';

const PAGE = new URL('http://localhost:5173/?sname=one&lesson=x');

/** A fetch answering `body` in chunks of `chunk` bytes, recording whether the reader was cancelled. */
function fakeFetch(body: Uint8Array, { status = 200, chunk = 64 * 1024 } = {}) {
  const seen = { urls: [] as string[], cancelled: false, pulled: 0 };
  const fetcher = (async (input: URL | RequestInfo) => {
    seen.urls.push(String(input));
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        seen.pulled += 1;
        if (at >= body.length) return c.close();
        c.enqueue(body.slice(at, at + chunk));
        at += chunk;
      },
      cancel() {
        seen.cancelled = true;
      },
    });
    return new Response(stream, { status });
  }) as typeof fetch;
  return { fetcher, seen };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('where ?lesson= points', () => {
  it('a name is a built-in lesson, `paste` the pasted one, anything else a URL', () => {
    expect(lessonRef('03-cookies')).toEqual({ kind: 'builtin', id: '03-cookies' });
    expect(lessonRef('paste')).toEqual({ kind: 'paste' });
    expect(lessonRef('/lessons/mine.md')).toEqual({ kind: 'url', url: '/lessons/mine.md' });
    expect(builtinLesson('03-cookies')).toMatchObject({ text: expect.stringMatching(/^# Cookies/) });
    expect(builtinLesson('99-nothing')).toEqual({ error: expect.stringMatching(/^There is no built-in lesson named "99-nothing". The built-in lessons are: 01-naming-and-connecting, /) });
  });
});

describe('fetchLesson', () => {
  it('reads a lesson of the same origin', async () => {
    const { fetcher, seen } = fakeFetch(new TextEncoder().encode('# Hi\n## s\n'));
    expect(await fetchLesson('/my/hi.md', PAGE, fetcher)).toEqual({ text: '# Hi\n## s\n' });
    expect(seen.urls).toEqual(['http://localhost:5173/my/hi.md']);
  });

  it('never asks another origin, nor a javascript: or data: URL', async () => {
    const { fetcher, seen } = fakeFetch(new Uint8Array());
    expect(await fetchLesson('https://evil.example/l.md', PAGE, fetcher)).toEqual({ error: expect.stringMatching(/^A lesson loads only from this site \(http:\/\/localhost:5173\); https:\/\/evil.example is elsewhere/) });
    expect(await fetchLesson('//evil.example/l.md', PAGE, fetcher)).toMatchObject({ error: expect.stringContaining('elsewhere') });
    expect(await fetchLesson('javascript:alert(1)', PAGE, fetcher)).toMatchObject({ error: expect.stringContaining('"javascript:alert(1)" is elsewhere') });
    expect(await fetchLesson('data:text/plain,# x', PAGE, fetcher)).toMatchObject({ error: expect.stringContaining('elsewhere') });
    expect(seen.urls).toEqual([]);
  });

  it('stops reading a file larger than a lesson may be, and says so', async () => {
    const { fetcher, seen } = fakeFetch(new Uint8Array(10 * 1024 * 1024).fill(120));
    expect(await fetchLesson('/huge.md', PAGE, fetcher)).toEqual({ error: 'The lesson /huge.md is too large (more than 262144 bytes).' });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(10);
  });

  it('reports an HTTP error, and a file that never comes', async () => {
    expect(await fetchLesson('/gone.md', PAGE, fakeFetch(new Uint8Array(), { status: 404 }).fetcher)).toEqual({ error: 'The lesson /gone.md could not be loaded (HTTP 404).' });
    vi.useFakeTimers();
    const never = ((_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const loading = fetchLesson('/slow.md', PAGE, never);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await loading).toEqual({ error: 'The lesson /slow.md took too long to load.' });
  });
});
