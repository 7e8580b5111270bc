/**
 * The layer rules, checked by dependency-cruiser over src, e2e, bench and demos (`npm run lint`).
 * What it cannot see (globals such as Date.now, Math.random, setTimeout in the pure layers) the
 * ESLint rules in eslint.config.js check.
 *
 *   ui, cli ─▶ playground, host ─▶ distribution ─▶ core
 */
const TEST = '[.]test[.]tsx?$';

/** Files that recurse into each other by design (see the rules at the end). */
const RECURSIVE_UNITS = ['^src/core/lang/parser[-a-z]*[.]ts$', '^src/core/lang/compiler[-a-z]*[.]ts$', '^src/core/term/(map-order|order)[.]ts$'];

/** A rule that `from` must not import `to` (outside tests, unless `tests` is true). */
const forbid = (name, comment, from, to, tests = false) => ({
  name,
  comment,
  severity: 'error',
  from: tests ? { path: from } : { path: from, pathNot: TEST },
  to: typeof to === 'string' ? { path: to } : to,
});

module.exports = {
  forbidden: [
    forbid('core-is-the-base', 'src/core is one node: it imports no other layer.', '^src/core/', '^src/(distribution|playground|host|ui|cli)/', true),
    forbid('distribution-below-playground', 'src/distribution knows nodes and links, not how a page or terminal composes them.', '^src/distribution/', '^src/(playground|host|ui|cli)/', true),
    forbid('playground-below-ui', 'src/playground composes nodes for the page, the terminal and the tests; it knows no UI.', '^src/playground/', '^src/(ui|cli)/', true),
    forbid('lessons-below-ui', 'src/lessons is the pure part of lessons (format, patterns, progress); the page shows them.', '^src/lessons/', '^src/(ui|cli|host|distribution)/'),
    forbid('host-below-ui', 'src/host drives a node in a real host; it knows no UI and no composition.', '^src/host/', '^src/(ui|cli|playground)/', true),
    forbid('ui-and-cli-apart', 'The page and the terminal are two composition roots; neither imports the other.', '^src/ui/', '^src/cli/', true),
    forbid('cli-and-ui-apart', 'The page and the terminal are two composition roots; neither imports the other.', '^src/cli/', '^src/ui/', true),
    forbid('src-is-the-product', 'The app never imports tests, benchmarks, demos, scripts or the server.', '^src/', '^(e2e|bench|demos|scripts|server)/', true),
    {
      name: 'pure-layers',
      comment: 'core and distribution run the same in Node and the page: no React, React Flow, zustand or peerjs (but transports/peerjs.ts), no Node built-ins.',
      severity: 'error',
      from: { path: '^src/(core|distribution)/', pathNot: [TEST, '^src/distribution/transports/peerjs[.]ts$', '^src/distribution/transports/peerjs-fake[.]ts$', '^src/distribution/testing[.]ts$'] },
      to: { path: ['^node_modules/(react|react-dom|@xyflow|zustand|peerjs)/', '^(node:)?(fs|path|os|child_process|http|net|crypto|worker_threads)$'] },
    },
    forbid('builtins-without-compiler', 'Built-in functions are runtime: they never depend on the compiler (shared helpers: core/lang/values.ts).', ['^src/core/lang/(stdlib/|bifs-)', '^src/core/shell/helpers[.]ts$', '^src/distribution/elixir/[^/]*-bifs[.]ts$'], '^src/core/lang/compiler'),
    {
      name: 'beam-code-on-demand',
      comment: 'What only a real BEAM peer needs (the Erlang abstract format, BEAM funs, the gateway) stays out of a page\'s first load: the page loads it through ui/beam-links.ts, the terminal imports it.',
      severity: 'error',
      from: { path: '^src/(core|distribution|playground|host|ui)/', pathNot: [TEST, '^src/core/lang/erl-abstract/', '^src/distribution/beam-funs/', '^src/ui/beam-links[.]ts$'] },
      to: { path: ['^src/core/lang/erl-abstract/', '^src/distribution/beam-funs/', '^src/distribution/transports/(gateway|tabs-then-gateway)[.]ts$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'beam-links-on-demand',
      comment: 'ui/beam-links.ts is loaded on demand (import()), never with the page.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: '^src/ui/beam-links[.]ts$', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    forbid('e2e-not-bench', 'e2e and bench stand apart (no import cycle between them).', '^e2e/', '^bench/', true),
    forbid('bench-not-e2e', 'e2e and bench stand apart (no import cycle between them).', '^bench/', '^e2e/', true),
    forbid('no-test-imports', 'Only tests import tests.', '.', TEST),
    {
      name: 'no-circular',
      comment: 'Modules form no import cycle at run time (type-only imports may refer back).',
      severity: 'error',
      from: { pathNot: RECURSIVE_UNITS },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    // A recursive-descent parser, a compiler over a recursive AST and Erlang's term order (a map
    // compares by its sorted keys, which compare by term order) are mutually recursive by nature:
    // each is one unit spread over files of one idea each. A cycle may stay inside its unit, never
    // leave it.
    ...RECURSIVE_UNITS.map((unit, i) => ({
      name: `no-circular-out-of-unit-${i + 1}`,
      comment: `A cycle through ${unit} stays inside that unit.`,
      severity: 'error',
      from: { path: unit },
      to: { circular: true, via: { pathNot: unit }, viaOnly: { dependencyTypesNot: ['type-only'] } },
    })),
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(build|build-e2e)/' },
  },
};
