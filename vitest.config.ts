import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'cli/**/*.test.ts',
      'electron/**/*.test.ts',
      'build/**/*.test.ts',
      'scripts/**/*.test.ts',
      'renderer/**/*.test.ts',
      'e2e/harness/**/*.test.ts',
    ],
    // The CLI tests run the compiled command: build it once first.
    globalSetup: ['cli/testing/buildOnce.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
