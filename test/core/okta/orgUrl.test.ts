// Org URL normalisation: what people paste becomes the API origin, and what cannot work is refused clearly.
import { describe, expect, it } from 'vitest';
import { normaliseOrgUrl, OrgUrlError } from '../../../electron/core/okta/orgUrl';

describe('normaliseOrgUrl', () => {
  it.each([
    ['acme.okta.com', 'https://acme.okta.com'],
    ['https://acme.okta.com/', 'https://acme.okta.com'],
    ['  HTTPS://ACME.OKTA.COM//  ', 'https://acme.okta.com'],
    ['https://acme-admin.okta.com/admin/dashboard', 'https://acme.okta.com'],
    ['acme-admin.oktapreview.com', 'https://acme.oktapreview.com'],
    ['https://acme-admin.okta-emea.com?x=1#y', 'https://acme.okta-emea.com'],
    ['https://login.example.com/app/', 'https://login.example.com'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseOrgUrl(input).url).toBe(expected);
  });

  it('explains the -admin host and a dropped path', () => {
    const { notes } = normaliseOrgUrl('https://acme-admin.okta.com/admin/dashboard');
    expect(notes.join(' ')).toMatch(/Admin Console/);
    expect(notes.join(' ')).toMatch(/path/);
  });

  it('warns (does not fail) for a custom domain', () => {
    expect(normaliseOrgUrl('login.example.com').notes.join(' ')).toMatch(/not an Okta domain/);
  });

  it.each([
    ['', /empty/],
    ['http://acme.okta.com', /https/],
    ['https://{yourOktaDomain}', /placeholder/],
    ['ftp://acme.okta.com', /ftp/],
    ['https://acme.okta.com.com', /typo/],
    ['https://user:pw@acme.okta.com', /password/],
    ['https://exa mple.com', /not a URL/],
  ])('refuses %j', (input, message) => {
    expect(() => normaliseOrgUrl(input)).toThrow(OrgUrlError);
    expect(() => normaliseOrgUrl(input)).toThrow(message);
  });
});
