/** The message speed slider of a tab, for the specs of issue 11's one clock and tokens, and the waits that fit it. */
import { expect, type Page } from '@playwright/test';
import { SPEED_DURATION_MS, type Speed } from '../src/ui/store/model.ts';

/**
 * How long a loaded machine may take to show what a page did, beyond the work itself: the suite
 * runs at load up to 30 on 2 cores (its own 2 workers, several tabs each), where a page once took
 * 2.7 s to take one Enter and a classroom round trip over three tabs more than 5 s. Waits for
 * something that depends on load are this long, never Playwright's 5 s.
 */
export const LOADED_MS = 15_000;

/**
 * A wait for what follows `flights` token flights one after the other at `speed` (slow motion:
 * 2 s each): the flights themselves, then LOADED_MS.
 */
export const afterFlights = (flights: number, speed: Speed = 'slow motion'): number => flights * SPEED_DURATION_MS[speed] + LOADED_MS;

/** Moves `page`'s slider `message speed` to its minimum, the slowest speed (slow motion: 2 s a message). */
export async function slowest(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'message speed' });
  await slider.fill((await slider.getAttribute('min')) ?? '0');
  await expect(slider).toHaveAttribute('aria-valuetext', 'slow motion');
}

/** The list `messages in flight` of `page`: one item per token drawn, `from → to: term`. */
export const inFlight = (page: Page) => page.getByRole('list', { name: 'messages in flight' }).getByRole('listitem');
