// Keeps the Okta credentials encrypted with Electron safeStorage (OS keychain / DPAPI / libsecret) in one file, or,
// when the system offers no real key store, in memory for this session only (never in a file anyone could decrypt).
import fs from 'node:fs';
import path from 'node:path';
import type { SecretPersistence } from '../../shared/service/types';
import type { SecretStore } from '../core/service/secretStore';

export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /**
   * Linux only: the key store behind encryption ('gnome_libsecret', 'kwallet5', … or 'basic_text' when there is none).
   */
  getSelectedStorageBackend?(): string;
}

// On Linux without a keyring Electron "encrypts" with a key built into every copy of the app: as good as plain text.
const NO_KEYRING =
  'No system keyring (Electron safeStorage would use its basic_text backend, whose key is the same in every ' +
  'copy of the app), so the token is not saved: ' +
  'enter it each time Okta Prep starts, or give a token file on the Connect screen. Install and unlock GNOME ' +
  'Keyring or KWallet to have it saved.';
const NO_ENCRYPTION =
  'The operating system offers no encrypted storage, so the token is not saved: enter it each time Okta Prep ' +
  'starts, or give a token file on the Connect screen.';

export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string;
  /** Secrets of this session when they cannot be persisted. */
  private readonly sessionOnly = new Map<string, string>();
  private readonly notices = new Set<string>();

  constructor(
    private readonly safeStorage: SafeStoragePort,
    folder: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = path.join(folder, 'secrets.bin');
  }

  get description(): string {
    return this.persistence().persisted
      ? 'encrypted with the operating system key store'
      : 'kept in memory for this session only';
  }

  persistence(): SecretPersistence {
    // Checked first: with basic_text, isEncryptionAvailable() is true although nothing is really protected.
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text')
      return { persisted: false, reason: NO_KEYRING };
    if (!this.safeStorage.isEncryptionAvailable()) return { persisted: false, reason: NO_ENCRYPTION };
    return { persisted: true };
  }

  takeNotices(): string[] {
    const notices = [...this.notices];
    this.notices.clear();
    return notices;
  }

  async get(name: string): Promise<string | undefined> {
    if (!this.persistence().persisted) return this.sessionOnly.get(name);
    const { secrets, undecryptable } = this.readAll();
    if (undecryptable) this.notices.add(this.undecryptableNotice());
    return secrets[name];
  }

  async set(name: string, value: string): Promise<void> {
    if (!this.persistence().persisted) {
      this.sessionOnly.set(name, value);
      return;
    }
    const { secrets, undecryptable } = this.readAll();
    this.writeAll({ ...secrets, [name]: value });
    if (!undecryptable) return;
    this.notices.delete(this.undecryptableNotice()); // said and done: replaced
    this.notices.add(
      `The saved credentials file ${this.file} could not be decrypted, so it was replaced with the new credentials.`,
    );
  }

  async delete(name: string): Promise<void> {
    if (!this.persistence().persisted) {
      this.sessionOnly.delete(name);
      return;
    }
    const { [name]: _removed, ...rest } = this.readAll().secrets;
    this.writeAll(rest);
  }

  /**
   * An undecryptable file (keyring reset, another user's or computer's file) reads as empty: it never blocks a save.
   */
  private readAll(): { secrets: Record<string, string>; undecryptable: boolean } {
    if (!fs.existsSync(this.file)) return { secrets: {}, undecryptable: false };
    try {
      return {
        secrets: JSON.parse(this.safeStorage.decryptString(fs.readFileSync(this.file))) as Record<string, string>,
        undecryptable: false,
      };
    } catch {
      return { secrets: {}, undecryptable: true };
    }
  }

  private undecryptableNotice(): string {
    return (
      `The saved credentials file ${this.file} could not be decrypted (the system keyring was reset, or the ` +
      `file comes from another user or computer): enter the token again; saving replaces the file.`
    );
  }

  private writeAll(secrets: Record<string, string>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.tmp`;
    fs.rmSync(temp, { force: true }); // a leftover temp file would keep its old mode
    fs.writeFileSync(temp, this.safeStorage.encryptString(JSON.stringify(secrets)), { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }
}
