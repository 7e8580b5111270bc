/**
 * Recorders of what a page showed, for things that show only for a moment: a token's line in
 * `messages in flight` (2 s at the slowest speed), a killed tile fading (2.5 s).
 *
 * Why not look with a locator: on a loaded machine (the suite runs at load up to 30 on 2 cores)
 * a page may take seconds to take an Enter, and the shell's answer may come after the token it
 * sent has landed. A locator that looks after that finds nothing, though the page showed it. A
 * recorder installed before the action sees every item the page added, whenever the test reads
 * it: the same proof (the page listed it), without the race.
 *
 * Both are MutationObservers in the page; what they saw is read back with `seen()`.
 */
import type { Page } from '@playwright/test';

/** Each recorder's own global in the page. */
let recorders = 0;

/** A line of `messages in flight` as the page added it. */
export interface SeenFlight {
  /** `from → to: term`. */
  readonly text: string;
  readonly kind: string;
  /** The overlay's `data-tokens` right after the frame that listed it. */
  readonly tokens: string;
  /** How many lines the list had then. */
  readonly listed: number;
}

/** A tile of a process that exited, as the page showed it. */
export interface SeenExit {
  /** Its accessible name (a dead process's tile is its pid alone). */
  readonly name: string;
  /** Its text: pid and `exit <reason>`. */
  readonly text: string;
}

export interface Recorder<T> {
  /** Everything seen since the recorder was installed, in order. */
  seen(): Promise<T[]>;
}

/** From now on, records every line added to `page`'s `messages in flight`. */
export async function watchFlights(page: Page): Promise<Recorder<SeenFlight>> {
  const key = `__flights${recorders++}`;
  await page.waitForFunction(() => document.querySelector('ul[aria-label="messages in flight"]') !== null);
  await page.evaluate((key) => {
    const ul = document.querySelector('ul[aria-label="messages in flight"]') as HTMLUListElement;
    const overlay = document.querySelector('[data-testid="message-overlay"]') as HTMLElement | null;
    const seen: SeenFlight[] = [];
    (window as unknown as Record<string, unknown>)[key] = seen;
    // Called at the end of the frame that listed the items: data-tokens is written by then.
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (!(n instanceof HTMLLIElement)) continue;
          seen.push({ text: n.textContent ?? '', kind: n.dataset.kind ?? '', tokens: overlay?.dataset.tokens ?? '', listed: ul.children.length });
        }
      }
    }).observe(ul, { childList: true });
  }, key);
  return { seen: () => page.evaluate((key) => (window as unknown as Record<string, SeenFlight[]>)[key] ?? [], key) };
}

/** From now on, records every process tile of `page` that shows its process exited (`data-exited`). */
export async function watchExits(page: Page): Promise<Recorder<SeenExit>> {
  const key = `__exits${recorders++}`;
  await page.evaluate((key) => {
    const seen: SeenExit[] = [];
    (window as unknown as Record<string, unknown>)[key] = seen;
    const look = (el: Element) => {
      const text = el.textContent ?? '';
      const name = el.getAttribute('aria-label') ?? '';
      // Once per name and text: its status line is written after the attribute, or in the same go.
      if (!seen.some((s) => s.name === name && s.text === text)) seen.push({ name, text });
    };
    new MutationObserver((records) => {
      for (const r of records) {
        const t = r.target instanceof Element ? r.target : r.target.parentElement;
        const tile = t?.closest('[data-exited]');
        if (tile) look(tile);
        for (const n of r.addedNodes) if (n instanceof Element) for (const el of [n, ...n.querySelectorAll('[data-exited]')]) if (el.hasAttribute('data-exited')) look(el);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-exited', 'aria-label'] });
  }, key);
  return { seen: () => page.evaluate((key) => (window as unknown as Record<string, SeenExit[]>)[key] ?? [], key) };
}
