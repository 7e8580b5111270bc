/**
 * Opens a harness page (built by e2e/harness/vite.config.ts into build-e2e/) on the app's
 * origin: the browser asks the server for it, and Playwright answers from the build, so the
 * page talks to the real signalling server while the server itself never serves test pages.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { HARNESS_BASE, HARNESS_OUT } from './vite.config.ts';

export async function openHarnessPage(page: Page, file: string): Promise<void> {
  // A page Playwright answers has no server address, so Chromium counts it as public and would
  // block its WebSocket to the local signalling server (Local Network Access) unless allowed.
  await page.context().grantPermissions(['local-network-access']);
  await page.route(`**${HARNESS_BASE}**`, (route) => {
    const rest = new URL(route.request().url()).pathname.slice(HARNESS_BASE.length);
    const target = path.resolve(HARNESS_OUT, rest);
    if (!target.startsWith(HARNESS_OUT + path.sep)) return route.fulfill({ status: 404 });
    return route.fulfill({ path: target });
  });
  await page.goto(`${HARNESS_BASE}${file}`);
}
