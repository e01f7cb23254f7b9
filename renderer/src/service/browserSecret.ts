// Browser build: takes the per-run service secret from the #secret=… fragment, keeps it for the tab and hides it from
// the address bar.
import { parseSecretFromHash } from './httpClientTransport';

export const SECRET_STORAGE_KEY = 'okta-prep.service-secret';

interface LocationLike {
  hash: string;
  pathname: string;
  search: string;
}
interface HistoryLike {
  state: unknown;
  replaceState(state: unknown, unused: string, url: string): void;
}
interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads the secret from the fragment (first load) or sessionStorage (reloads); returns null when there is none. */
export function takeServiceSecret(location: LocationLike, history: HistoryLike, storage: StorageLike): string | null {
  const fromFragment = parseSecretFromHash(location.hash);
  if (fromFragment) {
    storage.setItem(SECRET_STORAGE_KEY, fromFragment);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fromFragment;
  }
  return storage.getItem(SECRET_STORAGE_KEY);
}
