/**
 * The specs' `test` and `expect`: Playwright's, with one addition. The kit opens each node in a
 * browser context of its own (`browser.newContext()`, each tab its own "machine"), and Playwright
 * closes only the contexts it made itself. Without this, every node a test left open kept running
 * in its worker's browser through the tests after it: still registered, ticking its peers,
 * redrawing its canvas. A whole run here had 20-25 live pages per worker by its 68th test and a
 * load of 30 on 2 cores; the clean-clone CI timed six tests out.
 */
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

export const test = base.extend<{ closeContextsAfter: void }>({
  closeContextsAfter: [
    async ({ browser }, use) => {
      await use();
      await Promise.all(browser.contexts().map((context) => context.close()));
    },
    { auto: true },
  ],
});
