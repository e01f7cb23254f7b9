// The app:// protocol: a request maps only to a file inside the renderer build, served with the app's CSP.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, registerAppProtocol, resolveAppFile } from '../../electron/main/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import { useTempDirs } from '../helpers/tempDir';

const ROOT = '/opt/okta-prep/app.asar/dist/renderer';
const tempDir = useTempDirs();

describe('resolveAppFile', () => {
  it('maps the entry document and assets to files inside the renderer folder', () => {
    expect(resolveAppFile(ROOT, APP_ENTRY_URL)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppFile(ROOT, 'app://okta-prep/')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppFile(ROOT, 'app://okta-prep/assets/index-abc.js?v=1#x')).toBe(
      path.join(ROOT, 'assets/index-abc.js'),
    );
    expect(resolveAppFile(ROOT, 'app://okta-prep/assets/a%20b.css')).toBe(path.join(ROOT, 'assets/a b.css'));
  });

  it('refuses traversal however written; stays inside the folder when the URL parser resolves dots', () => {
    for (const url of [
      'app://okta-prep/..%2F..%2Fetc%2Fpasswd',
      'app://okta-prep/assets/%2e%2e%2f%2e%2e%2fsecret',
      'app://okta-prep/a%5C..%5Cb',
      'app://okta-prep/.env',
      'app://okta-prep/a%00b',
    ]) {
      expect(resolveAppFile(ROOT, url), url).toBeNull();
    }
    // `app://okta-prep/../../etc/passwd` is normalised by the URL parser to /etc/passwd: a path inside the folder.
    expect(resolveAppFile(ROOT, 'app://okta-prep/../../etc/passwd')).toBe(path.join(ROOT, 'etc/passwd'));
  });

  it('refuses other hosts, other schemes and garbage', () => {
    expect(resolveAppFile(ROOT, 'app://evil/index.html')).toBeNull();
    expect(resolveAppFile(ROOT, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(ROOT, 'not a url')).toBeNull();
  });
});

describe('registerAppProtocol', () => {
  async function servedBy(root: string) {
    let handler: ((request: { url: string }) => Promise<Response>) | undefined;
    const fetched: string[] = [];
    registerAppProtocol(
      { handle: (scheme, registered) => scheme === 'app' && (handler = registered) },
      root,
      async (fileUrl) => {
        fetched.push(fileUrl);
        const file = fileURLToPath(fileUrl);
        return fs.existsSync(file) ? new Response(fs.readFileSync(file)) : new Response('', { status: 404 });
      },
    );
    return { handler: handler!, fetched };
  }

  it('serves a build file with its content type and the CSP, and 404s anything else without reading it', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Okta Prep</title>');
    fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'not for the window');
    const { handler, fetched } = await servedBy(root);
    const page = await handler({ url: APP_ENTRY_URL });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Okta Prep</title>');
    expect((await handler({ url: 'app://okta-prep/..%2Fsecret.txt' })).status).toBe(404);
    expect((await handler({ url: 'app://okta-prep/missing.js' })).status).toBe(404);
    expect(fetched.every((url) => fileURLToPath(url).startsWith(root + path.sep))).toBe(true);
  });
});
