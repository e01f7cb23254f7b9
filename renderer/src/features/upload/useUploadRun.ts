// The Upload screen's actions: check the bundle, start the upload job (with the secret only when one was typed),
// cancel it, forget a remembered key — and, once an upload succeeded, drop the typed secret and show what is
// remembered now.
import { useEffect, useState } from 'react';
import type { BundleCheckReport } from '../../../../shared/balkanid/bundleCheck';
import type { UploadStartParams } from '../../../../shared/service/types';
import { useJob, useJobs } from '../../app/JobsContext';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import type { UploadForm } from './useUploadForm';

/** The secret (and "remember") only when one was typed: otherwise the service uses the remembered one, if any. */
function uploadParams(form: UploadForm): UploadStartParams {
  const secret = form.key.secret.trim();
  return {
    dir: form.dir.trim(),
    baseUrl: form.baseUrl.trim(),
    apiKeyId: form.key.keyId.trim(),
    ...(secret && { apiKeySecret: secret, remember: form.key.remember }),
  };
}

export function useUploadRun(form: UploadForm) {
  const client = useService();
  const { recordJob } = useJobs();
  const [report, setReport] = useState<BundleCheckReport | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);

  const check = useAsyncAction(async () =>
    setReport(await client.call('upload.checkBundle', { dir: form.dir.trim() })),
  );
  const start = useAsyncAction(async () => {
    setReport(null);
    const started = await client.call('upload.start', uploadParams(form));
    recordJob(started);
    setJobId(started.id);
  });
  const cancel = useAsyncAction(async (id: string) => recordJob(await client.call('jobs.cancel', { jobId: id })));
  const reloadSettings = form.settings.reload;
  const forget = useAsyncAction(async () => {
    await client.call('upload.forgetKey', {});
    reloadSettings();
  });

  useForgetTypedSecretOnSuccess(form, job?.status === 'complete');

  return {
    report,
    job,
    check,
    start,
    cancel,
    forget,
    error: start.error ?? check.error ?? cancel.error ?? forget.error,
  };
}

/** Once an upload succeeded the typed secret is dropped from the form, and what is remembered now is shown. */
function useForgetTypedSecretOnSuccess(form: UploadForm, succeeded: boolean): void {
  const { setKey } = form;
  const reloadSettings = form.settings.reload;
  useEffect(() => {
    if (!succeeded) return;
    reloadSettings();
    setKey((draft) => (draft ? { ...draft, secret: '' } : draft));
  }, [succeeded, reloadSettings, setKey]);
}
