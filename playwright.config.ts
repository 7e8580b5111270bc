import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// A system Chromium when there is one (Playwright's download is unreachable on some machines):
// CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own (scripts/ensure-tools.js).
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
const port = Number(process.env.E2E_PORT ?? 5199);
/**
 * The --beam server (the gateway to real BEAM nodes) for e2e/beam-*.spec.ts: its own port, so the
 * other specs' tabs stay off EPMD. Not E2E_PORT + 1000: bench-class.spec.ts runs its server there.
 */
export const beamPort = Number(process.env.E2E_BEAM_PORT ?? port + 2000);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Several browser contexts talking over WebRTC on a shared 2-core machine: be generous.
  timeout: 60_000,
  // Every look waits as long as a loaded machine needs (e2e/speed.ts LOADED_MS): the suite runs at
  // load up to 30 on 2 cores, where a page once took 2.7 s to take one Enter. Playwright's 5 s
  // failed looks that would have passed a moment later.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    // No trace by default: recording one (its screencast and DOM snapshots) took ~30 % of the
    // suite's CPU on 2 cores (shell-manners + pause-visible: 115 s → 86 s wall, 177 → 122 CPU s), and
    // a slow suite is a flaky one here. A failing test still leaves its error-context.md (the page's
    // aria snapshot). To debug one: `npx playwright test e2e/x.spec.ts --trace retain-on-failure`.
    trace: 'off',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  // The app and its embedded signalling server, as `npm start` serves them (built first), and
  // the harness pages, built apart (e2e/harness/vite.config.ts) and served by the specs themselves.
  // Started one after the other: the second serves the build the first made.
  webServer: [
    {
      command: `npx vite build --logLevel warn && npx vite build --config e2e/harness/vite.config.ts && npx tsx server/start.ts --port ${port}`,
      url: `http://localhost:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'pipe',
    },
    {
      command: `npx tsx server/start.ts --beam --port ${beamPort}`,
      url: `http://localhost:${beamPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
  ],
});
