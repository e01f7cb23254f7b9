// Finds the rel="next" URL in Okta's RFC 8288 Link headers (one header per relation, or comma-joined).

export function findNextLink(linkHeader: string | null): string | undefined {
  if (!linkHeader) return undefined;
  for (const match of linkHeader.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const params = match[2] ?? '';
    if (/;\s*rel\s*=\s*"?next"?(?=\s*(?:;|$))/i.test(params)) return match[1];
  }
  return undefined;
}
