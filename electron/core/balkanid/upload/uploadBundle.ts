// Uploads a checked bundle to BalkanID's bulk API: refuses a bundle whose check finds anything (validation errors,
// a missing or changed file), then sends entities first — BalkanID needs a relation's two ends among the latest
// entities — and then the relations (or, in a bundle without them, the flat entitlements file).
import path from 'node:path';
import type { BundleCheckReport, CheckedBundleFile } from '../../../../shared/balkanid/bundleCheck';
import { UPLOAD_ENDPOINTS, type UploadEvent, type UploadResult } from '../../../../shared/balkanid/bundleUpload';
import { checkBundle } from '../bundleCheck/checkBundle';
import type { BalkanIdApiKey } from './apiKey';
import { normaliseBaseUrl } from './baseUrl';
import { BalkanIdUploadError } from './uploadErrors';
import { DEFAULT_UPLOAD_LIMITS, uploadOneFile, type UploadLimits } from './uploadOneFile';

export interface UploadBundleOptions {
  dir: string;
  /** Default https://app.balkan.id. */
  baseUrl?: string;
  apiKey: BalkanIdApiKey;
  signal?: AbortSignal;
  onEvent?: (event: UploadEvent) => void;
  limits?: Partial<UploadLimits>;
}

/** The bundle failed its check: nothing was sent. `report` lists each finding with its fix. */
export class BundleRefusedError extends BalkanIdUploadError {
  override name = 'BundleRefusedError';
  constructor(readonly report: BundleCheckReport) {
    const first = report.findings[0];
    const more = report.findings.length > 1 ? ` (and ${report.findings.length - 1} more finding(s))` : '';
    super(
      'bundle-refused',
      `the bundle in ${report.dir} was not uploaded: ${first?.message ?? 'it failed its check'}${more}`,
    );
  }
}

export async function uploadBundle(options: UploadBundleOptions): Promise<UploadResult> {
  const startedAt = Date.now();
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const limits = { ...DEFAULT_UPLOAD_LIMITS, ...options.limits };
  const onEvent = options.onEvent ?? (() => {});
  const dir = path.resolve(options.dir);
  const { signal } = options;
  onEvent({ stage: 'checking', dir });
  const { report } = await checkBundle(dir, signal);
  if (!report.ok) throw new BundleRefusedError(report);
  const plan = uploadPlan(report.files);
  const files: UploadResult['files'] = [];
  try {
    for (const file of plan.send) {
      const upload = { ...file, path: path.join(dir, file.name) };
      const sent = await uploadOneFile({ baseUrl, apiKey: options.apiKey, file: upload, limits, signal, onEvent });
      const { kind, name, rows, bytes } = file;
      files.push({ kind, name, rows, bytes, endpoint: UPLOAD_ENDPOINTS[kind], ...sent });
    }
  } catch (error) {
    if (error instanceof BalkanIdUploadError) error.sentBefore = files.map((file) => file.name);
    throw error;
  }
  return { dir, baseUrl, files, skipped: plan.skipped, elapsedMs: Date.now() - startedAt };
}

/**
 * Entities, then relations; entitlements only when the bundle has no relations file (BalkanID takes one or other).
 * Each kind's parts go in the order the manifest lists them.
 */
export function uploadPlan(files: CheckedBundleFile[]): {
  send: CheckedBundleFile[];
  skipped: UploadResult['skipped'];
} {
  const ofKind = (kind: CheckedBundleFile['kind']) => files.filter((file) => file.kind === kind);
  const relations = ofKind('relations');
  const entitlements = ofKind('entitlements');
  const send = [...ofKind('entities'), ...(relations.length > 0 ? relations : entitlements)];
  const skipped =
    relations.length > 0
      ? entitlements.map((file) => ({
          name: file.name,
          reason: `the bundle has ${relations[0]!.name}, which BalkanID takes instead`,
        }))
      : [];
  return { send, skipped };
}
