// Where the service keeps credentials: an interface with an in-memory store for the browser build and tests.
// The desktop app supplies one backed by Electron safeStorage (electron/main/safeStorageSecretStore.ts).
import type { SecretPersistence } from '../../../shared/service/types';

export interface SecretStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Says where secrets live, for the UI (never the secrets themselves). */
  readonly description: string;
  /** Whether a saved secret outlives this session, and if not, why (so the UI can say it and ask again). */
  persistence(): SecretPersistence;
  /**
   * Problems met with stored secrets since the last call (e.g. an undecryptable file that was replaced), each said
   * once.
   */
  takeNotices(): string[];
}

export class MemorySecretStore implements SecretStore {
  readonly #secrets = new Map<string, string>();
  readonly description = 'kept in memory for this session only';

  async get(name: string): Promise<string | undefined> {
    return this.#secrets.get(name);
  }

  async set(name: string, value: string): Promise<void> {
    this.#secrets.set(name, value);
  }

  async delete(name: string): Promise<void> {
    this.#secrets.delete(name);
  }

  persistence(): SecretPersistence {
    return {
      persisted: false,
      reason:
        'The browser build keeps the token in memory only: enter it again after Okta Prep restarts, or give a ' +
        'token file on the Connect screen.',
    };
  }

  takeNotices(): string[] {
    return [];
  }

  toJSON(): object {
    return { description: this.description };
  }
}
