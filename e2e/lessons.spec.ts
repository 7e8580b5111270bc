// Lessons in real tabs over WebRTC: every built-in lesson run step by step (each step's code typed
// in its tab, its ✓ seen in the tab whose output it checks, and at the end every ✓ in the first
// tab, which learns the others' over the BroadcastChannel of one browser), the hint after a wrong
// answer, code that runs only on Enter, and lessons that come from a paste or a URL, hostile ones
// refused with a clear error.
import { readdirSync, readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { KIT_COOKIE, openNode, type PlaygroundNode } from './kit.ts';
import { parseLesson, type Lesson } from '../src/lessons/format.ts';
import { withHost } from '../src/lessons/pattern.ts';

const LESSONS = new URL('../lessons/', import.meta.url);
const ids = readdirSync(LESSONS)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();

function lesson(id: string): Lesson {
  const r = parseLesson(readFileSync(new URL(`${id}.md`, LESSONS), 'utf8'));
  if ('error' in r) throw new Error(r.error);
  return r.ok;
}

// Unique host per test, so parallel workers never share node names on the signalling server.
let n = 0;
const host = () => `les${process.pid}x${n++}`;

const panel = (page: Page) => page.getByRole('complementary', { name: 'lesson' });
const step = (page: Page, i: number) => panel(page).getByRole('list', { name: 'lesson steps' }).getByRole('listitem').nth(i);

/** The lesson's tabs, opened in one browser context (one browser: the panels share progress). */
async function openLesson(browser: Browser, id: string, h: string, l: Lesson): Promise<{ context: BrowserContext; tabs: Map<string, PlaygroundNode> }> {
  const context = await browser.newContext();
  const tabs = new Map<string, PlaygroundNode>();
  for (const t of l.tabs) tabs.set(t.name, await openNode(browser, { context, sname: t.name, host: h, cookie: t.cookie ?? KIT_COOKIE, lesson: id }));
  return { context, tabs };
}

/**
 * Step `i` gets its ✓ in `node`'s panel. A step typed in the tab that checks it may be answered
 * wrong once for want of time, not of code: `:global.whereis_name` typed the moment after
 * `Node.connect` can run before :global has exchanged the nodes' names (as on BEAM: names are
 * synced after the connection is up), and answers `:undefined`. A student then reads the hint and
 * types it again; so does this, at most twice, and only once the hint shows.
 */
async function expectChecked(node: PlaygroundNode, i: number, retype: string | undefined, title: string): Promise<void> {
  const item = step(node.page, i);
  const state = async () =>
    (await item.getAttribute('aria-checked')) === 'true' ? 'checked' : (await item.getByRole('note', { name: 'hint' }).count()) > 0 ? 'hint' : 'pending';
  for (let again = 0; retype !== undefined && again < 2; again++) {
    await expect.poll(state, { message: `step ${i + 1}: ${title}`, timeout: 15_000 }).not.toBe('pending');
    if ((await state()) !== 'hint') break;
    // Output that comes after the shell went idle (a process printing) may still check it.
    await node.page.waitForTimeout(500);
    if ((await state()) !== 'hint') break;
    await node.iex(retype, { timeout: 20_000 });
  }
  await expect(item, `step ${i + 1}: ${title}`).toHaveAttribute('aria-checked', 'true', { timeout: 15_000 });
}

for (const id of ids) {
  test(`lesson ${id}: each step typed in its tab gets its ✓`, async ({ browser }) => {
    test.setTimeout(120_000);
    const h = host();
    const l = lesson(id);
    const { context, tabs } = await openLesson(browser, id, h, l);
    const tab = (name: string) => tabs.get(name) as PlaygroundNode;
    for (const [i, s] of l.steps.entries()) {
      if (s.code) await tab(s.code.tab).iex(withHost(s.code.source, h), { timeout: 20_000 });
      // The one step with nothing to type or check: slow the messages down (08).
      if (!s.code && !s.expect) {
        const first = tab(l.tabs[0]?.name ?? '');
        await first.page.getByRole('slider', { name: 'message speed' }).fill('1');
        await expect(first.page.getByRole('slider', { name: 'message speed' })).toHaveAttribute('aria-valuetext', 'slow');
      }
      if (s.expect) await expectChecked(tab(s.expect.tab), i, s.code?.tab === s.expect.tab ? withHost(s.code.source, h) : undefined, s.title);
    }
    // The first tab shows every step checked, the other tabs' too.
    const first = tab(l.tabs[0]?.name ?? '').page;
    for (const [i, s] of l.steps.entries()) if (s.expect) await expect(step(first, i)).toHaveAttribute('aria-checked', 'true');
    await expect(panel(first).getByRole('note', { name: 'hint' })).toHaveCount(0);
    await context.close();
  });
}

test('a wrong answer shows the step\'s hint (the cookie refusal, from the handshake), the right one its ✓', async ({ browser }) => {
  const h = host();
  const l = lesson('03-cookies');
  const { context, tabs } = await openLesson(browser, '03-cookies', h, l);
  const three = tabs.get('three') as PlaygroundNode;
  await three.iex(`Node.connect :"one@${h}"`);
  await expect(step(three.page, 0)).toHaveAttribute('aria-checked', 'true');
  await three.iex('Node.list');
  // Step 5 wants the cookie set first; connecting again is the wrong answer.
  const setCookie = l.steps.findIndex((s) => s.code?.source.startsWith('Node.set_cookie'));
  expect(await three.iex(`Node.connect :"one@${h}"`)).toBe('false');
  const hint = step(three.page, setCookie).getByRole('note', { name: 'hint' });
  await expect(hint).toContainText('Invalid challenge reply');
  await expect(step(three.page, setCookie)).toHaveAttribute('aria-checked', 'false');
  await three.iex(`Node.set_cookie(:"one@${h}", :"chocolate-chip-1")`);
  await expect(step(three.page, setCookie)).toHaveAttribute('aria-checked', 'true');
  await expect(hint).toHaveCount(0);
  await context.close();
});

test('lesson code goes into the shell input on a click and runs only on Enter; links open the other tabs as the lesson\'s nodes', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h, lesson: '01-naming-and-connecting' });
  const code = step(one.page, 0).getByRole('button', { name: 'code for one' });
  await code.click();
  await expect(one.input).toHaveValue('Node.self');
  await one.page.waitForTimeout(300);
  expect(await one.transcript()).not.toContain('Node.self');
  await one.input.press('Enter');
  await expect(step(one.page, 0)).toHaveAttribute('aria-checked', 'true');
  // Enter on the code itself runs it.
  await step(one.page, 1).getByRole('button', { name: 'code for one' }).press('Enter');
  await expect(step(one.page, 1)).toHaveAttribute('aria-checked', 'true');
  const link = new URL((await panel(one.page).getByRole('link', { name: 'open tab two' }).getAttribute('href')) ?? '');
  expect(Object.fromEntries(link.searchParams)).toEqual({ sname: 'two', host: h, cookie: KIT_COOKIE, lesson: '01-naming-and-connecting' });
  // A multi-line lesson code (the Ticker) waits beside the input and goes in whole on Enter.
  const ticker = await openNode(browser, { sname: 'one', host: host(), lesson: '05-ticker' });
  await step(ticker.page, 1).getByRole('button', { name: 'code for one' }).click();
  await expect(ticker.input).toHaveValue('defmodule Ticker do');
  await ticker.input.press('Enter');
  await expect(step(ticker.page, 1)).toHaveAttribute('aria-checked', 'true', { timeout: 20_000 });
  await one.close();
  await ticker.close();
});

const PASTED = `# Pasted <img src=x onerror="document.title='pwned'">

\`\`\`tabs
one
\`\`\`

## Add <b>two</b> numbers
\`\`\`iex one
1 + 2
\`\`\`
\`\`\`output
3
\`\`\`
`;

test('a pasted lesson opens (its markup shown as text); a malformed one is refused with the line of the problem', async ({ browser }) => {
  const one = await openNode(browser, { sname: 'one', host: host(), lesson: 'paste' });
  const text = panel(one.page).getByRole('textbox', { name: 'lesson text' });
  await text.fill('# Broken\n## s\n```iex one\n1 + 2\n');
  await panel(one.page).getByRole('button', { name: 'Open lesson' }).click();
  await expect(panel(one.page).getByRole('alert')).toHaveText('This lesson cannot be read. Line 3: this fenced block is never closed (a line with ``` ends it).');
  await text.fill(PASTED);
  await panel(one.page).getByRole('button', { name: 'Open lesson' }).click();
  await expect(panel(one.page).getByRole('heading', { level: 2 })).toHaveText(`Pasted <img src=x onerror="document.title='pwned'">`);
  await expect(panel(one.page).locator('img, b')).toHaveCount(0);
  await one.iex('1 + 2');
  await expect(step(one.page, 0)).toHaveAttribute('aria-checked', 'true');
  expect(await one.page.title()).not.toBe('pwned');
  await panel(one.page).getByRole('button', { name: 'paste another lesson' }).click();
  await expect(text).toBeVisible();
  await one.close();
});

test('?lesson lists the lessons; ?lesson=<url> loads a lesson file of this origin; another origin, a huge file or a missing one get a clear error', async ({ browser }) => {
  const context = await browser.newContext();
  await context.route('**/my-lessons/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('hello.md')) return route.fulfill({ body: PASTED.replace('# Pasted', '# Served'), contentType: 'text/markdown' });
    if (path.endsWith('huge.md')) return route.fulfill({ body: `# Huge\n## s\n${'x'.repeat(300_000)}`, contentType: 'text/markdown' });
    return route.fulfill({ status: 404, body: 'not found' });
  });
  const open = (lessonParam: string) => openNode(browser, { context, lesson: lessonParam });
  const served = await open('/my-lessons/hello.md');
  await expect(panel(served.page).getByRole('heading', { level: 2 })).toContainText('Served');
  const elsewhere = await open('https://example.com/lesson.md');
  await expect(panel(elsewhere.page).getByRole('alert')).toContainText('A lesson loads only from this site');
  const huge = await open('/my-lessons/huge.md');
  await expect(panel(huge.page).getByRole('alert')).toContainText('too large');
  const missing = await open('/my-lessons/missing.md');
  await expect(panel(missing.page).getByRole('alert')).toContainText('HTTP 404');
  const index = await open('');
  const links = panel(index.page).getByRole('navigation', { name: 'lessons' }).getByRole('link');
  await expect(links).toHaveCount(ids.length + 1);
  await links.filter({ hasText: 'Cookies' }).click();
  await expect(panel(index.page).getByRole('heading', { level: 2 })).toHaveText('Cookies');
  const unknown = await open('99-nothing');
  await expect(panel(unknown.page).getByRole('alert')).toContainText('There is no built-in lesson named "99-nothing"');
  // The tab is not frozen: its shell answers.
  expect(await huge.iex('1 + 1')).toBe('2');
  await context.close();
});
