// Keeps the Okta credentials encrypted with Electron safeStorage (OS keychain / DPAPI / libsecret) in one file.
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../core/service/secretStore';

export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export class SafeStorageSecretStore implements SecretStore {
  readonly description = 'encrypted with the operating system key store';
  private readonly file: string;

  constructor(
    private readonly safeStorage: SafeStoragePort,
    folder: string,
  ) {
    this.file = path.join(folder, 'secrets.bin');
  }

  private readAll(): Record<string, string> {
    if (!fs.existsSync(this.file)) return {};
    return JSON.parse(this.safeStorage.decryptString(fs.readFileSync(this.file))) as Record<string, string>;
  }

  private writeAll(secrets: Record<string, string>): void {
    if (!this.safeStorage.isEncryptionAvailable()) {
      // Never fall back to plain text: the user is told and keeps using the token for this session only.
      throw new Error('the operating system offers no encrypted storage, so the token cannot be saved; it is kept for this session only');
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    fs.writeFileSync(temp, this.safeStorage.encryptString(JSON.stringify(secrets)), { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }

  async get(name: string): Promise<string | undefined> {
    return this.readAll()[name];
  }

  async set(name: string, value: string): Promise<void> {
    this.writeAll({ ...this.readAll(), [name]: value });
  }

  async delete(name: string): Promise<void> {
    const { [name]: _removed, ...rest } = this.readAll();
    this.writeAll(rest);
  }
}
