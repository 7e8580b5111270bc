/**
 * Which files `npm start` serves from the build: the app's own (its page, Vite's `assets/`, and
 * the files of `public/` beside the page), nothing else. Other pages a build may hold, such as
 * test harnesses, answer 404.
 */
import path from 'node:path';

export function isAppFile(urlPath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  const normal = path.posix.normalize(decoded);
  if (normal !== decoded || !normal.startsWith('/')) return false;
  const segments = normal.slice(1).split('/');
  const [first = ''] = segments;
  if (segments.length === 1) return first === '' || first === 'index.html' || !first.endsWith('.html');
  return first === 'assets';
}
