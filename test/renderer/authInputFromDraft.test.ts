// What the Connect form sends: a typed token wins; otherwise a token file path; nothing when neither is given.
import { describe, expect, it } from 'vitest';
import { authInputFromDraft, EMPTY_AUTH_DRAFT } from '../../renderer/src/features/connect/AuthFields';

describe('authInputFromDraft', () => {
  it('sends a typed token, else the token file path, else nothing', () => {
    expect(authInputFromDraft({ ...EMPTY_AUTH_DRAFT, token: ' tok ', tokenFile: '/home/me/t' })).toEqual({
      kind: 'ssws',
      token: 'tok',
    });
    expect(authInputFromDraft({ ...EMPTY_AUTH_DRAFT, tokenFile: ' /home/me/.okta-token ' })).toEqual({
      kind: 'ssws',
      tokenFile: '/home/me/.okta-token',
    });
    expect(authInputFromDraft({ ...EMPTY_AUTH_DRAFT, tokenFile: '  ' })).toBeNull();
  });

  it('ignores a token file path when signing in with an OAuth service app', () => {
    const draft = {
      ...EMPTY_AUTH_DRAFT,
      kind: 'oauth' as const,
      tokenFile: '/home/me/t',
      clientId: '0oa1',
      privateKey: '{"kty":"RSA"}',
    };
    expect(authInputFromDraft(draft)).toEqual({ kind: 'oauth', clientId: '0oa1', privateKey: '{"kty":"RSA"}' });
  });
});
