// A file over the service's upload limit, dropped on the Validate screen of the browser build: the window shows the
// service's own explanation (the limit, and what to do) instead of a network error.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { dropFiles, openApp } from './helpers/appPage';
import { BROKEN_ENTITIES_CSV } from './helpers/brokenCsvFiles';
import { E2E_DIR, REPO_ROOT } from './helpers/e2eEnvironment';
import { startOktaPrep, stopProcess } from './helpers/oktaPrepProcess';

test('a dropped file over --max-upload-bytes is refused with the limit named', async ({ page }) => {
  const dir = path.join(E2E_DIR, 'upload-limit');
  fs.mkdirSync(dir, { recursive: true });
  const serve = await startOktaPrep<{ url: string }>(
    [
      'serve',
      '--db',
      path.join(dir, 'cache.sqlite'),
      '--port',
      '0',
      '--static',
      path.join(REPO_ROOT, 'dist', 'renderer'),
      '--max-upload-bytes',
      '4KiB',
      '--json',
    ],
    'upload-limit-serve',
  );
  try {
    await openApp(page, { appUrl: serve.info.url }, 'Validate');
    const header = BROKEN_ENTITIES_CSV.slice(0, BROKEN_ENTITIES_CSV.indexOf('\r\n') + 2);
    await dropFiles(page, [
      { name: 'entities.csv', content: header + 'okta,Ada,identity,okta,00u1,user,v1,\r\n'.repeat(200) },
    ]);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText("The file is larger than this service's upload limit of 4 KiB");
    await expect(alert).toContainText('okta-prep validate FILE');
  } finally {
    await stopProcess(serve.child);
  }
});
