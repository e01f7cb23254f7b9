// Vite build of the React renderer: root renderer/, output dist/renderer, relative base (Electron loads it from
// app://okta-prep/), transport per build mode.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './shared/contentSecurityPolicy';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

/** Same policy the Electron session sends as a header; as a meta tag it also guards the browser build. */
const CONTENT_SECURITY_POLICY = META_CONTENT_SECURITY_POLICY;

/** Adds the CSP meta tag to built pages only (the dev server injects an inline React Refresh preamble). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'okta-prep-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * `vite build` → browser build over HTTP (served by `okta-prep serve`);
 * `vite build --mode electron` → desktop build over the preload's IPC bridge.
 * VITE_TRANSPORT=http|ipc overrides either.
 */
function transportFor(mode: string): 'http' | 'ipc' {
  const transport = process.env.VITE_TRANSPORT ?? (mode === 'electron' ? 'ipc' : 'http');
  if (transport !== 'http' && transport !== 'ipc')
    throw new Error(`VITE_TRANSPORT must be http or ipc, not "${transport}"`);
  return transport;
}

/**
 * Dev server only: OKTA_PREP_SERVICE=http://127.0.0.1:PORT (the origin `okta-prep serve` printed) proxies /api there,
 * rewriting Origin so the service's same-origin check passes. Open http://localhost:5173/#secret=<its secret>.
 */
function serviceProxy(): Record<string, ProxyOptions> | undefined {
  const target = process.env.OKTA_PREP_SERVICE;
  if (!target) return undefined;
  return {
    '/api': {
      target,
      changeOrigin: true,
      configure: (proxy) => proxy.on('proxyReq', (request) => request.setHeader('origin', new URL(target).origin)),
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: path.join(repoRoot, 'renderer'),
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  define: { __OKTA_PREP_TRANSPORT__: JSON.stringify(transportFor(mode)) },
  server: { proxy: serviceProxy() },
  build: {
    outDir: path.join(repoRoot, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
  },
}));
