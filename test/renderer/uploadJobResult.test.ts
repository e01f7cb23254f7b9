// What the Upload screen says about an upload job: its current step, its result read loosely, and which folder it
// offers as the bundle.
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/service/types';
import {
  describeUploadStep,
  latestExportFolder,
  readUploadJobResult,
} from '../../renderer/src/features/upload/uploadJobResult';

function job(fields: Partial<JobState>): JobState {
  return {
    id: 'j',
    kind: 'upload',
    status: 'complete',
    startedAt: '2026-01-01T00:00:00.000Z',
    progress: { phases: [], requests: 0, rateLimitWaits: [], elapsedMs: 0 },
    ...fields,
  };
}

describe('describeUploadStep', () => {
  it('says which file is sent, how far, and on which attempt', () => {
    const sending = {
      stage: 'sending',
      kind: 'entities',
      file: 'entities.csv',
      sentBytes: 1536,
      totalBytes: 6144,
    } as const;
    expect(describeUploadStep({ ...sending, attempt: 1 })).toEqual({
      text: 'entities.csv: uploading 1.5 KiB of 6.0 KiB',
      fraction: 0.25,
    });
    expect(describeUploadStep({ ...sending, attempt: 2 }).text).toMatch(/\(attempt 2\)$/);
    expect(describeUploadStep(undefined).text).toBe('Starting…');
  });
});

describe('readUploadJobResult', () => {
  it('reads a finished upload, a refused bundle’s check, and nothing from an odd result', () => {
    const files = [{ name: 'entities.csv' }];
    expect(readUploadJobResult(job({ result: { files, skipped: [] } })).upload?.files).toEqual(files);
    const check = { dir: '/b', ok: false, findings: [{ code: 'file-missing' }], files: [] };
    expect(readUploadJobResult(job({ status: 'failed', result: { check } }))).toEqual({ check });
    expect(readUploadJobResult(job({ status: 'failed', result: 'odd' }))).toEqual({});
  });
});

describe('latestExportFolder', () => {
  it('offers the newest finished export of the session, not a failed one nor another kind of job', () => {
    const jobs = [
      job({ kind: 'export', status: 'failed', result: { outDir: '/failed' } }),
      job({ kind: 'upload', result: { outDir: '/not-an-export' } }),
      job({ kind: 'export', result: { outDir: '/newest-complete' } }),
      job({ kind: 'export', result: { outDir: '/older' } }),
    ];
    expect(latestExportFolder(jobs)).toBe('/newest-complete');
    expect(latestExportFolder([])).toBeUndefined();
  });
});
