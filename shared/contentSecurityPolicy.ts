// The one Content-Security-Policy of every surface: the Electron session header, the local HTTP transport's
// header, and the meta tag in built pages (which omits frame-ancestors: browsers ignore it in a meta tag).

export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(
  (directive) => !directive.startsWith('frame-ancestors'),
).join('; ');
