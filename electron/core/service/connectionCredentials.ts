// The credentials behind the saved connection: typed on the Connect screen (kept in the SecretStore) or read from a
// token file the user named (read again each time, never stored), with messages that say what to do when missing.
import path from 'node:path';
import type { ConnectionAuthInput, SecretPersistence } from '../../../shared/service/types';
import { readTokenFile, SecretFileError } from '../files/readSecretFile';
import type { SavedConnection } from './connectionSettings';
import type { Credentials } from './jobs/jobMessages';
import type { SecretStore } from './secretStore';
import { ServiceFailure } from './serviceFailure';

/** Where a version that kept one connection stored its secret; adopted by that connection (adoptLegacySecret). */
export const LEGACY_SECRET_NAME = 'okta-credentials';

/** Each saved org's token or key under its own name, so saving or removing one never touches another's. */
export function secretNameFor(orgUrl: string): string {
  return `okta-credentials:${orgUrl}`;
}

/** Moves the secret of the one-connection days to its org's own name (once; later calls find nothing to do). */
export async function adoptLegacySecret(secrets: SecretStore, current: SavedConnection | undefined): Promise<void> {
  const legacy = await secrets.get(LEGACY_SECRET_NAME);
  if (legacy === undefined) return;
  if (current && !current.tokenFile && (await secrets.get(secretNameFor(current.orgUrl))) === undefined)
    await secrets.set(secretNameFor(current.orgUrl), legacy);
  await secrets.delete(LEGACY_SECRET_NAME);
}

/** What connection.save was given, as credentials; a token file is read now so a bad one is refused at once. */
export function credentialsFromInput(auth: ConnectionAuthInput): Credentials {
  if (auth.kind === 'oauth') return { kind: 'oauth', clientId: auth.clientId.trim(), privateKey: auth.privateKey };
  if ('token' in auth) return { kind: 'ssws', token: auth.token.trim() };
  return { kind: 'ssws', token: tokenFromFile(auth.tokenFile) };
}

export function tokenFromFile(file: string): string {
  if (!path.isAbsolute(file)) throw new ServiceFailure('BAD_INPUT', `give the token file's full path (not "${file}")`);
  try {
    return readTokenFile(file);
  } catch (error) {
    if (error instanceof SecretFileError) throw new ServiceFailure('BAD_INPUT', error.message);
    throw error;
  }
}

/** The saved connection's credentials, or undefined when none are available this session. */
export async function loadCredentials(saved: SavedConnection, secrets: SecretStore): Promise<Credentials | undefined> {
  if (saved.tokenFile) return { kind: 'ssws', token: tokenFromFile(saved.tokenFile) };
  const secret = await secrets.get(secretNameFor(saved.orgUrl));
  return secret === undefined ? undefined : (JSON.parse(secret) as Credentials);
}

export function notConnected(saved: SavedConnection | undefined, persistence: SecretPersistence): ServiceFailure {
  if (saved && !persistence.persisted) {
    const what = saved.authKind === 'ssws' ? 'API token' : 'private key';
    return new ServiceFailure(
      'NOT_CONNECTED',
      (
        `enter the ${what} for ${saved.orgUrl} on the Connect screen: it is not kept between sessions. ` +
        `${persistence.reason ?? ''}`
      ).trim(),
    );
  }
  return new ServiceFailure(
    'NOT_CONNECTED',
    'no Okta connection yet: save an org URL and token on the Connect screen, or try the sample org',
  );
}
