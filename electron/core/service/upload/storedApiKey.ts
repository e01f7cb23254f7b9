// The BalkanID API key the user asked the app to remember: kept only in the SecretStore (Electron safeStorage in the
// desktop app, memory in the browser build), never in settings files or SQLite, and never sent back to the renderer.
import type { SecretStore } from '../secretStore';

export const UPLOAD_SECRET_NAME = 'balkanid-api-key';

export interface StoredApiKey {
  baseUrl: string;
  apiKeyId: string;
  secret: string;
}

export async function readStoredApiKey(secrets: SecretStore): Promise<StoredApiKey | undefined> {
  const text = await secrets.get(UPLOAD_SECRET_NAME);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<StoredApiKey>;
    if (typeof value.baseUrl === 'string' && typeof value.apiKeyId === 'string' && typeof value.secret === 'string')
      return value as StoredApiKey;
  } catch {
    // unreadable: as if nothing were stored (saving a key again replaces it)
  }
  return undefined;
}

export async function storeApiKey(secrets: SecretStore, key: StoredApiKey): Promise<void> {
  await secrets.set(UPLOAD_SECRET_NAME, JSON.stringify(key));
}
