import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Tests check behaviour, not speed (benchmarks do that): a shared, loaded machine must not
    // turn a correct million-element test into a timeout.
    testTimeout: 30_000,
  },
});
