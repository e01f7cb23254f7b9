// The specs' `test`: adds the environment global setup recorded (service URL and secret, fake Okta URL, token file).
import { test as base } from '@playwright/test';
import { readE2eEnvironment, type E2eEnvironment } from './e2eEnvironment';

export const test = base.extend<{ environment: E2eEnvironment }>({
  // eslint-disable-next-line no-empty-pattern
  environment: async ({}, use) => {
    await use(readE2eEnvironment());
  },
});

export { expect } from '@playwright/test';
