// Lint: typescript-eslint's recommended rules, plus what the layer rules need beyond imports:
// src/core and src/distribution stay pure (no DOM, timers, Date.now, Math.random: they are injected
// through src/core/ports.ts), so they run the same in Node tests as in the page. Which layer may
// import which (and React, peerjs, zustand only above them) is dependency-cruiser's job:
// .dependency-cruiser.cjs, run by `npm run lint` too. Transports are the exception.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['build/', 'build-e2e/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The playground composes nodes on effects it is given (the composition roots, src/ui/main.tsx
    // and src/cli/iex.ts, make the real ones with src/host/real-effects.ts), so it is pure too.
    files: ['src/core/**/*.ts', 'src/distribution/**/*.ts', 'src/playground/**/*.ts', 'src/lessons/**/*.ts'],
    ignores: ['src/distribution/transports/peerjs.ts', '**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'performance'].map(
          (name) => ({ name, message: `core/, distribution/ and playground/ are pure: inject ${name} through a port (src/core/ports.ts).` }),
        ),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the injected Clock (src/core/ports.ts).' },
        { object: 'Math', property: 'random', message: 'Use the injected Random (src/core/ports.ts).' },
        { object: 'globalThis', property: 'setTimeout', message: 'The runtime never sets its own timers.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'Use the injected Clock.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the page runs under a CSP that forbids it.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: funs are data, compiled again by the receiving node (ARCHITECTURE.md).' },
      ],
    },
  },
  {
    // A spec's `test` closes the contexts the kit opened (e2e/fixtures.ts); Playwright's own leaves
    // them running through the rest of the worker's tests.
    files: ['e2e/**/*.ts'],
    ignores: ['e2e/fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@playwright/test', importNames: ['test'], message: "Take test from './fixtures.ts': it closes the contexts a test opened." }] },
      ],
    },
  },
);
