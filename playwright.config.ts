import { defineConfig } from '@playwright/test';

/**
 * The same specs run twice: in Debian's Chromium against the test harness (works here), and in the
 * real Electron app wherever its binary is installed (skipped otherwise). Playwright never
 * downloads a browser: Chromium is the system one.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/globalSetup.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    // The app is Russian by default; specs find elements by test id and role, never by wording.
    locale: 'en-US',
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.CROSSING_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
      },
      metadata: { target: 'harness' },
    },
    {
      name: 'electron',
      metadata: { target: 'electron' },
    },
  ],
});
