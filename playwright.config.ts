// Playwright config for the browser end-to-end specs: Debian's Chromium, one worker, the real service and a fake Okta
// org.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS, TEST_VIEWPORT } from './test/e2e/chromiumLaunchOptions';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: '.tmp/test-reports/playwright.json' }]],
  globalSetup: './test/e2e/globalSetup.ts',
  globalTeardown: './test/e2e/globalTeardown.ts',
  use: {
    viewport: TEST_VIEWPORT,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
});
