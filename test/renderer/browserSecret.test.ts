// Unit tests for taking the service secret from #secret=…, keeping it for the tab and hiding it from the address bar.
import { describe, expect, it } from 'vitest';
import { SECRET_STORAGE_KEY, takeServiceSecret } from '../../renderer/src/service/browserSecret';

function fakes(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [[SECRET_STORAGE_KEY, stored]]);
  const replaced: string[] = [];
  return {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_state: unknown, _unused: string, url: string) => void replaced.push(url) },
    storage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
    stored: () => storage.get(SECRET_STORAGE_KEY),
    replaced,
  };
}

describe('takeServiceSecret', () => {
  it('takes the secret from the fragment, stores it and removes it from the URL', () => {
    const page = fakes('#secret=abc123');
    expect(takeServiceSecret(page.location, page.history, page.storage)).toBe('abc123');
    expect(page.stored()).toBe('abc123');
    expect(page.replaced).toEqual(['/']);
  });

  it('falls back to the stored secret after a reload', () => {
    const page = fakes('', 'kept');
    expect(takeServiceSecret(page.location, page.history, page.storage)).toBe('kept');
    expect(page.replaced).toEqual([]);
  });

  it('returns null when there is no secret at all', () => {
    const page = fakes('#main');
    expect(takeServiceSecret(page.location, page.history, page.storage)).toBeNull();
  });
});
