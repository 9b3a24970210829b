import { defaultExclude, defineConfig } from 'vitest/config';

/**
 * Two projects. `main` runs every test on this Node (OpenSSL). `boringssl` runs the exchange and
 * evidence tests again with node:crypto made to behave as inside Electron, whose BoringSSL has no
 * chacha20-poly1305 cipher: every export, import and backup there, and every evidence file sealed
 * or streamed in and out, goes through the fallback.
 */
const ONLY_UNDER_BORINGSSL = '**/*.boringssl.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'main',
          include: [
            'shared/**/*.test.ts',
            'cli/**/*.test.ts',
            'electron/**/*.test.ts',
            'build/**/*.test.ts',
            'scripts/**/*.test.ts',
            'renderer/**/*.test.ts',
            'e2e/harness/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          exclude: [...defaultExclude, ONLY_UNDER_BORINGSSL],
          // The CLI tests run the compiled command: build it once first.
          globalSetup: ['cli/testing/buildOnce.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'boringssl',
          include: [
            'shared/exchange/*.test.ts',
            'shared/evidence/*.test.ts',
            'shared/service/exchange.test.ts',
            ONLY_UNDER_BORINGSSL,
          ],
          setupFiles: ['shared/crypto/testing/boringSslSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
