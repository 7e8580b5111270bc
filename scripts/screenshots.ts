/**
 * `npm run screenshots`: pictures of the playground for the README, made from the real app.
 * Builds the app, serves it with its signalling server (server/start.ts, as `npm start`), opens
 * three nodes in headless Chromium (each in its own browser context, as three machines), runs
 * the Ticker scenario (Ticker on one, a client on each of the others) and writes PNGs of the
 * projector tab and of the start panel, in the light and the dark theme, to docs/screenshots/.
 * Then a lesson (03-cookies: its hint after a wrong answer) in two tabs of one browser.
 * `npm run screenshots -- --lesson-only` makes the lesson's alone, `--recording-only` the
 * timeline's (the canvas at a past step) and sequence diagram's.
 *
 * Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own.
 */
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { TICKER as CHAPTER_TICKER } from '../src/playground/ticker-source.ts';

/** The chapter's Ticker, ticking every second so the run stays short. */
const TICKER = CHAPTER_TICKER.replace('@interval 2000', '@interval 1000');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshots');
const port = Number(process.env.SCREENSHOTS_PORT ?? 5288);
const base = `http://localhost:${port}`;
const host = 'lab';
const cookie = 'chocolate-chip-1';
const viewport = { width: 1600, height: 900 };


async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer at ${url}`);
}

async function openNode(browser: Browser, sname: string | null): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(sname ? `${base}/?sname=${sname}&host=${host}&cookie=${cookie}&cluster` : `${base}/?host=${host}`);
  if (sname) await page.getByRole('status', { name: 'signalling server' }).filter({ hasText: 'registered' }).waitFor();
  return page;
}

/** Types into the shell and waits until it is idle again. */
async function iex(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'iex input' });
  for (const line of text.split('\n')) {
    await input.fill(line);
    await input.press('Enter');
  }
  await page.waitForFunction(() => document.querySelector('[aria-label="iex shell"]')?.getAttribute('aria-busy') === 'false');
}

/** Polls `:global.whereis_name(name)` in the shell until it answers a pid. */
async function waitForGlobal(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await iex(page, `is_pid(:global.whereis_name(:${name}))`);
    const text = (await page.getByRole('log', { name: 'iex output' }).textContent()) ?? '';
    if (text.trimEnd().endsWith('true')) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`:global name ${name} never reached the node`);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300);
    const file = path.join(out, `${name}-${scheme}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(root, file)}`);
  }
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  console.log('building the app…');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
  // Its own process group, so the server (tsx runs it in a child process) stops with it.
  const server = spawn('npx', ['tsx', 'server/start.ts', '--port', String(port)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  let browser: Browser | null = null;
  try {
    await waitForServer(`${base}/`, 30_000);
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    if (process.argv.includes('--lesson-only')) return await shootLesson(browser);
    if (process.argv.includes('--recording-only')) return await shootRecording(browser);
    const one = await openNode(browser, 'one');
    const two = await openNode(browser, 'two');
    const three = await openNode(browser, 'three');
    for (const page of [two, three]) await iex(page, `Node.connect :"one@${host}"`);
    // Defined on every node (as the chapter does), then cleared: the pictures show the run.
    for (const page of [one, two, three]) await iex(page, `${TICKER}\nclear()`);
    await iex(one, 'Ticker.start');
    for (const page of [two, three]) await waitForGlobal(page, 'ticker');
    for (const page of [two, three]) await iex(page, 'Client.start');
    // Slow motion, so tokens are caught mid-flight; wait for a tick to be under way.
    await one.getByRole('slider', { name: 'message speed' }).fill('0');
    await one.getByText(/^tick$/m).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await one.waitForTimeout(2600);
    await shoot(one, 'classroom');
    await shoot(two, 'client');

    // The class paused from the Ticker's tab (its cluster view is on: the pause holds every
    // node), on a projector: the held ticks, one Step's release, a client's banner.
    await one.getByRole('slider', { name: 'message speed' }).fill('3');
    await one.setViewportSize({ width: 1920, height: 1080 });
    await one.getByRole('button', { name: 'pause delivery' }).click();
    const held = one.getByRole('list', { name: 'messages held' }).getByRole('listitem');
    await held.nth(2).waitFor({ timeout: 15_000 });
    await one.getByRole('button', { name: 'step delivery' }).click();
    await one.getByRole('list', { name: 'step releases' }).getByRole('listitem').first().waitFor({ timeout: 10_000 });
    await two.getByRole('status', { name: 'delivery paused' }).waitFor();
    await one.getByRole('button', { name: 'projector mode' }).click();
    await shoot(one, 'paused');
    await shoot(two, 'paused-client');
    await one.getByRole('button', { name: 'projector mode' }).click();
    await one.getByRole('button', { name: 'pause delivery' }).click();

    const start = await openNode(browser, null);
    await start.getByRole('button', { name: `connect one@${host}` }).waitFor();
    await shoot(start, 'start');
    await shootLesson(browser);
    await shootRecording(browser);
  } finally {
    await browser?.close();
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  }
}

/** Lesson 03 in tabs one and three of one browser (they share the panel's ✓), three after a wrong answer. */
async function shootLesson(browser: Browser): Promise<void> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const tab = async (sname: string, tabCookie: string) => {
    const page = await context.newPage();
    await page.goto(`${base}/?sname=${sname}&host=class&cookie=${tabCookie}&lesson=03-cookies`);
    await page.getByRole('status', { name: 'signalling server' }).filter({ hasText: 'registered' }).waitFor();
    return page;
  };
  const one = await tab('one', cookie);
  const three = await tab('three', 'oatmeal');
  await iex(three, 'Node.connect :"one@class"');
  await iex(three, 'Node.list');
  await iex(one, 'Node.get_cookie');
  await iex(three, 'Node.connect :"one@class"');
  await three.getByRole('note', { name: 'hint' }).scrollIntoViewIfNeeded();
  await three.bringToFront();
  await shoot(three, 'lesson');
  await context.close();
}

/** A ping/pong between two tabs, seen from the first: the sequence diagram open, the timeline stepped back. */
async function shootRecording(browser: Browser): Promise<void> {
  const h = 'rec';
  const tab = async (sname: string) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${base}/?sname=${sname}&host=${h}&cookie=${cookie}`);
    await page.getByRole('status', { name: 'signalling server' }).filter({ hasText: 'registered' }).waitFor();
    return page;
  };
  const one = await tab('one');
  const two = await tab('two');
  await one.getByRole('button', { name: 'cluster view' }).click();
  await iex(one, `Node.connect :"two@${h}"`);
  // The cluster view follows two (its processes are on one's canvas): two's sends are recorded from here on.
  await one.getByRole('group', { name: `node two@${h}` }).getByRole('button').first().waitFor({ timeout: 15_000 });
  await iex(two, 'Process.register(spawn(fn -> receive do {from, :ping} -> send(from, :pong) end end), :ponger)');
  await one.waitForTimeout(1500);
  await iex(one, `send({:ponger, :"two@${h}"}, {self(), :ping})`);
  await iex(one, 'receive do m -> m after 5000 -> :timeout end');
  await one.waitForTimeout(1500);
  // Back to the moment the pong was in flight: the canvas draws the cluster then (its token half-way).
  const flying = one.getByRole('list', { name: 'messages in flight then' }).getByRole('listitem').filter({ hasText: ':pong' });
  for (let i = 0; i < 60; i++) {
    await one.getByRole('button', { name: 'step back' }).click();
    if ((await flying.count()) > 0) break;
  }
  await flying.first().waitFor({ timeout: 2000 });
  await shoot(one, 'timeline');
  await one.getByRole('button', { name: 'sequence diagram' }).click();
  await one.getByRole('region', { name: 'sequence diagram' }).getByRole('img', { name: /: :pong$/ }).waitFor({ timeout: 10_000 });
  await shoot(one, 'recording');
  await one.context().close();
  await two.context().close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
