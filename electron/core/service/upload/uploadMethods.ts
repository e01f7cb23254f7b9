// The service's upload methods: the Upload screen's settings, a bundle check, starting an upload job and forgetting
// a remembered key. The secret goes in with upload.start and never comes back out; it is remembered (in the
// SecretStore only) when the user asks and BalkanID has accepted it.
import path from 'node:path';
import type { ServiceImplementation } from '../../../../shared/service/contract';
import type { UploadSettings, UploadStartParams } from '../../../../shared/service/types';
import { checkBundle } from '../../balkanid/bundleCheck/checkBundle';
import { ApiKeyError, checkApiKey } from '../../balkanid/upload/apiKey';
import { BaseUrlError, DEFAULT_BALKANID_BASE_URL, normaliseBaseUrl } from '../../balkanid/upload/baseUrl';
import type { JobRegistry } from '../jobs/jobRegistry';
import type { SecretStore } from '../secretStore';
import { ServiceFailure } from '../serviceFailure';
import { readStoredApiKey, storeApiKey, UPLOAD_SECRET_NAME, type StoredApiKey } from './storedApiKey';
import { startUploadJob } from './uploadJob';

type UploadMethods = Pick<
  ServiceImplementation,
  'upload.settings' | 'upload.checkBundle' | 'upload.start' | 'upload.forgetKey'
>;

export function createUploadMethods(deps: { jobs: JobRegistry; secrets: SecretStore }): UploadMethods {
  const { secrets } = deps;

  async function settings(): Promise<UploadSettings> {
    const stored = await readStoredApiKey(secrets);
    return {
      defaultBaseUrl: DEFAULT_BALKANID_BASE_URL,
      ...(stored && { baseUrl: stored.baseUrl, apiKeyId: stored.apiKeyId }),
      hasStoredSecret: stored !== undefined,
      secretPersistence: secrets.persistence(),
    };
  }

  return {
    'upload.settings': settings,
    'upload.checkBundle': async ({ dir }) => (await checkBundle(fullPath(dir))).report,
    'upload.start': async (params) => startUpload(deps, params),
    'upload.forgetKey': async () => {
      await secrets.delete(UPLOAD_SECRET_NAME);
      return settings();
    },
  };
}

async function startUpload(deps: { jobs: JobRegistry; secrets: SecretStore }, params: UploadStartParams) {
  const { jobs, secrets } = deps;
  const dir = fullPath(params.dir);
  if (jobs.running('upload'))
    throw new ServiceFailure('CONFLICT', 'an upload is already running: wait for it or cancel it first');
  const baseUrl = asBadInput(() => normaliseBaseUrl(params.baseUrl));
  const stored = await readStoredApiKey(secrets);
  const secret = params.apiKeySecret ?? rememberedSecret(stored, params.apiKeyId, baseUrl);
  const apiKey = asBadInput(() => checkApiKey(params.apiKeyId, secret));
  const remember = params.remember === true && params.apiKeySecret !== undefined;
  const onSuccess = async () => {
    if (!remember) return undefined;
    try {
      await storeApiKey(secrets, { baseUrl, apiKeyId: apiKey.id, secret: apiKey.secret });
      return undefined;
    } catch (error) {
      return `the API key could not be remembered: ${(error as Error).message}`;
    }
  };
  return startUploadJob(jobs, { dir, baseUrl, apiKey, onSuccess });
}

/** The remembered secret, only for the key id and base URL it was remembered with (it goes nowhere else). */
function rememberedSecret(stored: StoredApiKey | undefined, apiKeyId: string, baseUrl: string): string {
  if (stored?.apiKeyId !== apiKeyId.trim())
    throw new ServiceFailure('BAD_INPUT', 'enter the BalkanID API key secret (none is remembered for this key id)');
  if (stored.baseUrl !== baseUrl)
    throw new ServiceFailure(
      'BAD_INPUT',
      `the remembered API key is for ${stored.baseUrl}: enter its secret again to use it with ${baseUrl}`,
    );
  return stored.secret;
}

function fullPath(dir: string): string {
  if (!path.isAbsolute(dir.trim()))
    throw new ServiceFailure('BAD_INPUT', `choose the bundle folder by its full path (not "${dir}")`);
  return dir.trim();
}

function asBadInput<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof BaseUrlError || error instanceof ApiKeyError)
      throw new ServiceFailure('BAD_INPUT', error.message);
    throw error;
  }
}
