// Lint: typescript-eslint's recommended rules, plus the layer rule of DESIGN.md:
// src/core and src/distribution stay pure (no DOM, React, peerjs, timers, Date.now, Math.random),
// so they run the same in Node tests as in the page. Transports are the exception.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const impure = [
  { name: 'react', message: 'core/ and distribution/ must not import React (DESIGN.md: layers).' },
  { name: 'react-dom', message: 'core/ and distribution/ must not import React.' },
  { name: 'peerjs', message: 'Only src/distribution/transports/peerjs.ts may import peerjs.' },
  { name: 'zustand', message: 'core/ and distribution/ must not import the UI store.' },
];

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
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
    files: ['src/core/**/*.ts', 'src/distribution/**/*.ts'],
    ignores: ['src/distribution/transports/peerjs.ts', '**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: impure, patterns: ['@xyflow/*', '**/ui/**'] }],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'performance'].map(
          (name) => ({ name, message: `core/ and distribution/ are pure: inject ${name} through a port (src/core/ports.ts).` }),
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
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: see DESIGN.md, execution model.' },
      ],
    },
  },
  {
    // Built-ins are runtime code and never depend on the compiler (shared helpers: lang/values.ts).
    files: ['src/core/lang/stdlib/**/*.ts', 'src/core/lang/bifs-*.ts', 'src/core/shell/helpers.ts', 'src/distribution/elixir/*-bifs.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: impure,
          patterns: [
            { group: ['@xyflow/*', '**/ui/**'], message: 'core/ and distribution/ must not import the UI.' },
            { group: ['**/compiler', '**/compiler.ts', '**/compiler-*'], message: 'Built-ins must not depend on the compiler: put shared runtime helpers in core/lang/values.ts.' },
          ],
        },
      ],
    },
  },
);
