/**
 * The test kit: write multi-tab (multi-node) tests in a few lines. Each node is a page in its
 * own browser context, as if on its own machine.
 *
 *   const one = await openNode(browser, { sname: 'one', host: 'lab' });
 *   const two = await openNode(browser, { sname: 'two', host: 'lab' });
 *   expect(await one.iex('Node.connect :"two@lab"')).toBe('true');
 *   await two.waitForOutput('hello');
 *
 * Roles it relies on (documented in the README): the shell input is a textbox named `iex input`,
 * its output a `log` named `iex output`.
 */
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { recordedTrace, type TracedEvent } from './trace-kit.ts';

export interface NodeOptions {
  /** Short name: `one` → `one@<host>`. Omit for an unnamed node (nonode@nohost). */
  readonly sname?: string;
  readonly host?: string;
  /**
   * Each browser context is its own "machine" with its own random default cookie, as on BEAM,
   * so nodes of different contexts need a shared cookie to connect. The kit uses one for every
   * node it opens unless you give another (to test a refusal).
   */
  readonly cookie?: string;
  /** Start the node hidden (`iex --hidden`): `/?…&hidden`. */
  readonly hidden?: boolean;
  /** `false`: start without the transitive mesh (`iex --connect-all false`): `/?…&connect_all=false`. */
  readonly connectAll?: boolean;
  /** Another server than the one Playwright started (e.g. `http://localhost:5287`). */
  readonly baseURL?: string;
  /** Called with the node's browser context before its page opens (e.g. to route its websockets). */
  readonly onContext?: (context: BrowserContext) => Promise<void>;
  /** Open the page in this context (tabs of one browser: they share localStorage and BroadcastChannel); close() then closes the page only. */
  readonly context?: BrowserContext;
  /** Open with a lesson: `/?…&lesson=03-cookies`. */
  readonly lesson?: string;
}

/** The cookie openNode gives every node unless told otherwise. */
export const KIT_COOKIE = 'chocolate-chip-1';

export interface PlaygroundNode {
  readonly page: Page;
  /** `one@lab`, or `nonode@nohost`. */
  readonly name: string;
  readonly input: Locator;
  readonly output: Locator;
  /** Types `command` (one line, or several separated by \n) and returns what the shell printed for it. */
  iex(command: string, options?: { timeout?: number }): Promise<string>;
  /** Waits until the output contains `text` (a string or a RegExp). */
  waitForOutput(text: string | RegExp, options?: { timeout?: number }): Promise<void>;
  /** The whole transcript so far. */
  transcript(): Promise<string>;
  /** The events this tab recorded (its `export JSON`, read back): see `expectMessages` in trace-kit.ts. */
  trace(): Promise<TracedEvent[]>;
  close(): Promise<void>;
}

export async function openNode(browser: Browser, options: NodeOptions = {}): Promise<PlaygroundNode> {
  const context = options.context ?? (await browser.newContext());
  await options.onContext?.(context);
  const page = await context.newPage();
  const params = new URLSearchParams();
  if (options.sname) params.set('sname', options.sname);
  if (options.host) params.set('host', options.host);
  params.set('cookie', options.cookie ?? KIT_COOKIE);
  if (options.hidden) params.set('hidden', '');
  if (options.connectAll === false) params.set('connect_all', 'false');
  if (options.lesson !== undefined) params.set('lesson', options.lesson);
  await page.goto(`${options.baseURL ?? ''}/?${params}`);
  const input = page.getByRole('textbox', { name: 'iex input' });
  const output = page.getByRole('log', { name: 'iex output' });
  await expect(input).toBeVisible();
  // A named node is alive once the signalling server (our EPMD) has its name.
  if (options.sname) await expect(page.getByRole('status', { name: 'signalling server' })).toContainText('registered');
  const name = options.sname ? `${options.sname}@${options.host ?? (await page.getByTestId('node-name').textContent())?.split('@')[1]}` : 'nonode@nohost';
  const transcript = async () => (await output.textContent()) ?? '';
  const promptRe = /^(iex|\.\.\.)\([^)]*\)\d*> /;

  return {
    page,
    name,
    input,
    output,
    async iex(command, { timeout = 10_000 } = {}) {
      const before = (await transcript()).length;
      const lines = command.split('\n');
      if (lines.length === 1) {
        await input.fill(command);
        await input.press('Enter');
      } else {
        // Several lines go in as one paste (as a student pastes a defmodule): the panel feeds
        // them to the shell line by line, and it takes one round trip instead of one per line.
        await input.focus();
        await input.evaluate((el, text) => {
          const data = new DataTransfer();
          data.setData('text', `${text}\n`);
          el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }, command);
      }
      // Done when every line was taken (echoed after its prompt) and the shell is not busy.
      const shell = page.getByRole('region', { name: 'iex shell' });
      await expect
        .poll(async () => {
          const text = (await transcript()).slice(before);
          const echoed = text.split('\n').filter((l) => promptRe.test(l)).length >= lines.length;
          return echoed && (await shell.getAttribute('aria-busy')) === 'false';
        }, { timeout, intervals: [20, 50, 100, 200] })
        .toBe(true);
      const text = (await transcript()).slice(before);
      // Drop the echoed input lines; what is left is what the shell printed.
      return text
        .split('\n')
        .filter((l) => !promptRe.test(l))
        .join('\n')
        .trimEnd();
    },
    async waitForOutput(text, { timeout = 10_000 } = {}) {
      await expect(output).toContainText(text, { timeout });
    },
    transcript,
    trace: () => recordedTrace(page),
    // As a student closes a tab: the page closes first, so its pagehide runs (the node stops and
    // closes its links, session.ts); a bare context.close() would kill the renderer without it.
    async close() {
      await page.close();
      if (!options.context) await context.close();
    },
  };
}
