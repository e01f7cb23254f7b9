// How an upload's failure reaches the app: a service error code for its title and the plain message (never the
// secret), plus the bundle check's findings when the bundle was refused.
import type { ServiceError } from '../../../../shared/service/errors';
import { BundleRefusedError } from '../../balkanid/upload/uploadBundle';
import { BalkanIdUploadError, describeUploadFailure, type UploadFailureKind } from '../../balkanid/upload/uploadErrors';

const CODES: Record<UploadFailureKind, ServiceError['code']> = {
  'bundle-refused': 'BUNDLE_REFUSED',
  'file-changed': 'BUNDLE_REFUSED',
  auth: 'BALKANID_AUTH',
  permission: 'BALKANID_AUTH',
  server: 'BALKANID_UNAVAILABLE',
  network: 'BALKANID_UNAVAILABLE',
  'expired-url': 'BALKANID_UNAVAILABLE',
  'too-large': 'BALKANID_REFUSED',
  'storage-refused': 'BALKANID_REFUSED',
  'odd-answer': 'BALKANID_REFUSED',
  cancelled: 'CONFLICT',
};

export function uploadFailure(error: unknown): { error: ServiceError; cancelled: boolean; result?: unknown } {
  if (!(error instanceof BalkanIdUploadError))
    return { error: { code: 'INTERNAL', message: `the upload failed: ${(error as Error).message}` }, cancelled: false };
  const failure = { code: CODES[error.kind], message: describeUploadFailure(error) };
  if (error instanceof BundleRefusedError) return { error: failure, cancelled: false, result: { check: error.report } };
  return { error: failure, cancelled: error.kind === 'cancelled', result: { sentBefore: error.sentBefore } };
}
