// Pipeline stage: accepts only "Authorization: SSWS <the configured API token>", as an Okta org does for API tokens.
import { timingSafeEqual } from 'node:crypto';
import { invalidToken } from './errors';
import type { Stage } from './pipeline';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `apiToken` is read per request so a test (or a later token-rotation feature) can change it. */
export function requireSswsToken(apiToken: () => string): Stage {
  return async (request, next) => {
    const header = request.headers.authorization ?? '';
    const match = /^SSWS\s+(.+)$/i.exec(header.trim());
    if (!match || !sameSecret(match[1] as string, apiToken())) throw invalidToken();
    return next();
  };
}
