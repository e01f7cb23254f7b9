// Pre-signed-style upload URLs on the fake server itself: /__storage/{kind}/{id}?X-Amz-Expires=…&X-Amz-Signature=…,
// valid for a limited time, checked the way a storage service checks its signature and expiry.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { BundleCsvKind } from '../../../shared/balkanid/bundleCheck';

interface IssuedUrl {
  kind: BundleCsvKind;
  signature: string;
  expiresAt: number;
}

export type SignedUrlCheck =
  { ok: true; kind: BundleCsvKind } | { ok: false; reason: 'unknown' | 'bad-signature' | 'expired' };

export class SignedUrls {
  private readonly issued = new Map<string, IssuedUrl>();

  constructor(private readonly lifetimeMs: number) {}

  issue(origin: string, kind: BundleCsvKind): string {
    const id = randomBytes(12).toString('hex');
    const signature = randomBytes(24).toString('hex');
    this.issued.set(id, { kind, signature, expiresAt: Date.now() + this.lifetimeMs });
    const seconds = Math.ceil(this.lifetimeMs / 1000);
    return `${origin}/__storage/${kind}/${id}?X-Amz-Expires=${seconds}&X-Amz-Signature=${signature}`;
  }

  check(url: URL): SignedUrlCheck {
    const id = /^\/__storage\/[a-z]+\/([0-9a-f]+)$/.exec(url.pathname)?.[1];
    const issued = id === undefined ? undefined : this.issued.get(id);
    if (!issued) return { ok: false, reason: 'unknown' };
    const given = Buffer.from(url.searchParams.get('X-Amz-Signature') ?? '');
    const expected = Buffer.from(issued.signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'bad-signature' };
    if (Date.now() > issued.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, kind: issued.kind };
  }
}
