// Upload screen: send an export bundle to BalkanID's bulk API (for networks that allow it) — the bundle folder, the
// BalkanID address and API key, a check of the bundle against its manifest, then the upload with its progress.
import { useEffect, useId, useState } from 'react';
import type { BundleCheckReport } from '../../../../shared/balkanid/bundleCheck';
import { useJob, useJobs } from '../../app/JobsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { useServiceQuery } from '../../service/useServiceQuery';
import { ApiKeyFields, type ApiKeyDraft } from './ApiKeyFields';
import { BundleCheckView } from './BundleCheckView';
import { latestExportFolder } from './uploadJobView';
import { UploadJobView } from './UploadJobView';

function useUploadForm() {
  const { jobs } = useJobs();
  const settings = useServiceQuery('upload.settings', {});
  const defaultFolder = useServiceQuery('export.defaultFolder', {});
  const [dirInput, setDir] = useState<string | null>(null);
  const [baseUrlInput, setBaseUrl] = useState<string | null>(null);
  const [keyInput, setKey] = useState<ApiKeyDraft | null>(null);
  const key = keyInput ?? { keyId: settings.data?.apiKeyId ?? '', secret: '', remember: false };
  return {
    settings,
    dir: dirInput ?? latestExportFolder(jobs) ?? defaultFolder.data?.path ?? '',
    baseUrl: baseUrlInput ?? settings.data?.baseUrl ?? settings.data?.defaultBaseUrl ?? '',
    key,
    setDir,
    setBaseUrl,
    setKey,
    loadError: settings.error ?? defaultFolder.error,
  };
}

export function UploadScreen() {
  const client = useService();
  const folderId = useId();
  const baseUrlId = useId();
  const { recordJob } = useJobs();
  const form = useUploadForm();
  const [report, setReport] = useState<BundleCheckReport | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const running = job?.status === 'running';

  const check = useAsyncAction(async () =>
    setReport(await client.call('upload.checkBundle', { dir: form.dir.trim() })),
  );
  const start = useAsyncAction(async () => {
    setReport(null);
    const secret = form.key.secret.trim();
    const started = await client.call('upload.start', {
      dir: form.dir.trim(),
      baseUrl: form.baseUrl.trim(),
      apiKeyId: form.key.keyId.trim(),
      ...(secret && { apiKeySecret: secret, remember: form.key.remember }),
    });
    recordJob(started);
    setJobId(started.id);
  });
  const cancel = useAsyncAction(async (id: string) => recordJob(await client.call('jobs.cancel', { jobId: id })));
  const forget = useAsyncAction(async () => {
    await client.call('upload.forgetKey', {});
    form.settings.reload();
  });

  // A key BalkanID accepted may now be remembered: show it; the typed secret is not kept any longer than needed.
  const { settings, setKey, key } = form;
  const reloadSettings = settings.reload;
  const finished = job?.status === 'complete';
  useEffect(() => {
    if (!finished) return;
    reloadSettings();
    setKey((draft) => (draft ? { ...draft, secret: '' } : draft));
  }, [finished, reloadSettings, setKey]);

  return (
    <>
      <h1 tabIndex={-1}>Upload to BalkanID</h1>
      <p className="lead">
        Sends an export bundle through BalkanID&apos;s bulk API: entities first, then relations. Only for networks that
        may reach BalkanID; otherwise upload the files by hand in BalkanID&apos;s integration page.
      </p>
      <ErrorAlert error={form.loadError} />
      <div className="two-columns">
        <section className="panel stack" aria-labelledby="upload-form-heading">
          <h2 id="upload-form-heading">Bundle and key</h2>
          <div className="field">
            <label htmlFor={folderId}>Bundle folder</label>
            <input
              id={folderId}
              type="text"
              spellCheck={false}
              value={form.dir}
              onChange={(event) => form.setDir(event.target.value)}
            />
            <p className="field-hint">
              The folder an export wrote: manifest.json beside entities.csv and entity-relations.csv.
            </p>
          </div>
          <div className="field">
            <label htmlFor={baseUrlId}>BalkanID address</label>
            <input
              id={baseUrlId}
              type="url"
              spellCheck={false}
              value={form.baseUrl}
              onChange={(event) => form.setBaseUrl(event.target.value)}
            />
            <p className="field-hint">https only (http only for 127.0.0.1).</p>
          </div>
          <ApiKeyFields draft={key} onChange={setKey} settings={settings.data} onForget={() => void forget.run()} />
          <div className="button-row">
            <button type="button" disabled={check.pending || !form.dir.trim()} onClick={() => void check.run()}>
              Check bundle
            </button>
            <button
              type="button"
              className="button-primary"
              disabled={running || start.pending || !form.dir.trim() || !form.baseUrl.trim() || !key.keyId.trim()}
              onClick={() => void start.run()}
            >
              {running ? 'Uploading…' : 'Upload bundle'}
            </button>
            {running && job && (
              <button type="button" disabled={cancel.pending} onClick={() => void cancel.run(job.id)}>
                Cancel upload
              </button>
            )}
          </div>
          <ErrorAlert error={start.error ?? check.error ?? cancel.error ?? forget.error} />
        </section>
        <section className="panel stack" aria-labelledby="upload-run-heading">
          <h2 id="upload-run-heading">Upload</h2>
          {!job && !report && <p className="muted">Check the bundle, or upload it (it is checked first either way).</p>}
          {report && <BundleCheckView report={report} />}
          {job && <UploadJobView job={job} />}
        </section>
      </div>
    </>
  );
}
