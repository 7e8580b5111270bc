/** The message speed slider of a tab, for the specs of issue 11's one clock and tokens. */
import { expect, type Page } from '@playwright/test';

/** Moves `page`'s slider `message speed` to its minimum, the slowest speed (slow motion: 2 s a message). */
export async function slowest(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'message speed' });
  await slider.fill((await slider.getAttribute('min')) ?? '0');
  await expect(slider).toHaveAttribute('aria-valuetext', 'slow motion');
}

/** The list `messages in flight` of `page`: one item per token drawn, `from → to: term`. */
export const inFlight = (page: Page) => page.getByRole('list', { name: 'messages in flight' }).getByRole('listitem');
