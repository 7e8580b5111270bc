// Build of the e2e harness pages (pages that run a suite in the browser), apart from the app:
// `npm run build` outputs only the app. Playwright's webServer runs this build, and the specs
// serve its output themselves (pages.ts), so no server ever serves a test page.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const HARNESS_OUT = fileURLToPath(new URL('../../build-e2e', import.meta.url));
/** Where the pages appear, on the app's origin (the signalling server is the page's own host). */
export const HARNESS_BASE = '/e2e/harness/';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: HARNESS_BASE,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: HARNESS_OUT,
    emptyOutDir: true,
    rollupOptions: { input: { contract: fileURLToPath(new URL('./transport-contract.html', import.meta.url)) } },
  },
});
