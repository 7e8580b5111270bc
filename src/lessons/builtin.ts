/**
 * The built-in lessons: the files of lessons/ (the chapter's five scenarios, then three more),
 * bundled with the page. A lesson's id is its file name without `.md`.
 */
const files = import.meta.glob<string>('../../lessons/*.md', { query: '?raw', import: 'default', eager: true });

export const BUILTIN_LESSONS: ReadonlyMap<string, string> = new Map(
  Object.entries(files)
    .map(([path, text]): [string, string] => [path.replace(/^.*\/|\.md$/g, ''), text])
    .sort(([a], [b]) => a.localeCompare(b)),
);
