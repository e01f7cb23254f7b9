// Where the service keeps credentials: an interface with an in-memory store for the browser build and tests.
// The desktop app supplies one backed by Electron safeStorage (electron/main/safeStorageSecretStore.ts).

export interface SecretStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Says where secrets live, for the UI (never the secrets themselves). */
  readonly description: string;
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

  toJSON(): object {
    return { description: this.description };
  }
}
