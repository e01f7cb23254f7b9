// Upload screen: send an export bundle to BalkanID's bulk API (for networks that allow it) — the bundle folder, the
// BalkanID address and API key, a check of the bundle against its manifest, then the upload with its progress.
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiKeyFields } from './ApiKeyFields';
import { BundleCheckView } from './BundleCheckView';
import { BundleFields } from './BundleFields';
import { UploadJobView } from './UploadJobView';
import { useUploadForm, type UploadForm } from './useUploadForm';
import { useUploadRun } from './useUploadRun';

function UploadButtons({ form, run }: { form: UploadForm; run: ReturnType<typeof useUploadRun> }) {
  const { job, check, start, cancel } = run;
  const running = job?.status === 'running';
  const ready = form.dir.trim() && form.baseUrl.trim() && form.key.keyId.trim();
  return (
    <div className="button-row">
      <button type="button" disabled={check.pending || !form.dir.trim()} onClick={() => void check.run()}>
        Check bundle
      </button>
      <button
        type="button"
        className="button-primary"
        disabled={running || start.pending || !ready}
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
  );
}

export function UploadScreen() {
  const form = useUploadForm();
  const run = useUploadRun(form);
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
          <BundleFields form={form} />
          <ApiKeyFields
            draft={form.key}
            onChange={form.setKey}
            settings={form.settings.data}
            onForget={() => void run.forget.run()}
          />
          <UploadButtons form={form} run={run} />
          <ErrorAlert error={run.error} />
        </section>
        <section className="panel stack" aria-labelledby="upload-run-heading">
          <h2 id="upload-run-heading">Upload</h2>
          {!run.job && !run.report && (
            <p className="muted">Check the bundle, or upload it (it is checked first either way).</p>
          )}
          {run.report && <BundleCheckView report={run.report} />}
          {run.job && <UploadJobView job={run.job} />}
        </section>
      </div>
    </>
  );
}
