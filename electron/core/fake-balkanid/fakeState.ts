// What the fake BalkanID knows and records: the one API key it accepts, its misbehaviours, the URLs it issued, every
// request (method, path, status; never a header's value) and every file stored.
import type { ServerResponse } from 'node:http';
import type { BundleCsvKind } from '../../../shared/balkanid/bundleCheck';
import type { MisbehaviourSwitch } from './misbehaviour';
import type { SignedUrls } from './signedUrls';

export interface LoggedRequest {
  method: string;
  /** The path only: a pre-signed URL's query is left out, like a real server's access log would be. */
  path: string;
  status: number;
  /** Whether X-Api-Key-ID or X-Api-Key-Secret came with it (their values are never kept). */
  hadApiKeyHeaders: boolean;
}

export interface StoredUpload {
  kind: BundleCsvKind;
  bytes: number;
  sha256: string;
  /** The body itself, kept when it is at most MAX_KEPT_BODY_BYTES. */
  body?: Buffer;
  contentType?: string;
}

export const MAX_KEPT_BODY_BYTES = 16 * 1024 * 1024;

export interface FakeState {
  apiKeyId: string;
  apiKeySecret: string;
  misbehaviour: MisbehaviourSwitch;
  signedUrls: SignedUrls;
  log: LoggedRequest[];
  stored: StoredUpload[];
  /** Answers held open on purpose (hang-* misbehaviours), ended when the server closes. */
  hanging: Set<ServerResponse>;
}
