// What an upload of a bundle to BalkanID's bulk API reports as it goes and when it is done; shared by the uploader,
// the CLI and the app's Upload screen. Pure types and constants.
import type { BundleCsvKind } from './bundleCheck';

/** BalkanID's bulk endpoint for each bundle file: POST {base}/api/rest/v0/{endpoint}/upload-url. */
export const UPLOAD_ENDPOINTS: Readonly<Record<BundleCsvKind, string>> = {
  entities: 'entities',
  relations: 'entity-relations',
  entitlements: 'entitlements',
};

interface FileEvent {
  kind: BundleCsvKind;
  file: string;
}

export type UploadEvent =
  | { stage: 'checking'; dir: string }
  | ({ stage: 'requesting-url' } & FileEvent)
  | ({ stage: 'sending'; sentBytes: number; totalBytes: number; attempt: number } & FileEvent)
  | ({ stage: 'retrying'; attempt: number; attempts: number; delayMs: number; reason: string } & FileEvent)
  | ({ stage: 'fresh-url'; reason: string } & FileEvent)
  | ({ stage: 'stored'; bytes: number } & FileEvent);

export interface UploadedFile {
  kind: BundleCsvKind;
  name: string;
  rows: number;
  bytes: number;
  endpoint: string;
  /** PUT attempts it took (1 when nothing had to be retried). */
  attempts: number;
  /** Fresh upload URLs asked for because one had expired. */
  freshUrls: number;
}

export interface UploadResult {
  dir: string;
  baseUrl: string;
  /** In the order they were sent: entities first. */
  files: UploadedFile[];
  /** Files of the bundle that were not sent, and why. */
  skipped: { name: string; reason: string }[];
  elapsedMs: number;
}

/** A note worth keeping about a step (a retry, a fresh URL), in words; undefined for plain progress. */
export function describeUploadNote(event: UploadEvent): string | undefined {
  if (event.stage === 'retrying')
    return (
      `${event.reason}; trying again in ${(event.delayMs / 1000).toFixed(1)} s ` +
      `(attempt ${event.attempt} of ${event.attempts})`
    );
  if (event.stage === 'fresh-url') return `${event.file}: ${event.reason}; asking BalkanID for a fresh one`;
  return undefined;
}
