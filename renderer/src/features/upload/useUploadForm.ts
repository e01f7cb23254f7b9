// The Upload screen's form: what was typed, else what to offer — the latest export of the session (or the default
// export folder), the remembered base URL and key id (or BalkanID's address).
import { useState } from 'react';
import { useJobs } from '../../app/JobsContext';
import { useServiceQuery } from '../../service/useServiceQuery';
import type { ApiKeyDraft } from './ApiKeyFields';
import { latestExportFolder } from './uploadJobResult';

export function useUploadForm() {
  const { jobs } = useJobs();
  const settings = useServiceQuery('upload.settings', {});
  const defaultFolder = useServiceQuery('export.defaultFolder', {});
  const [dirInput, setDir] = useState<string | null>(null);
  const [baseUrlInput, setBaseUrl] = useState<string | null>(null);
  const [keyInput, setKey] = useState<ApiKeyDraft | null>(null);
  return {
    settings,
    dir: dirInput ?? latestExportFolder(jobs) ?? defaultFolder.data?.path ?? '',
    baseUrl: baseUrlInput ?? settings.data?.baseUrl ?? settings.data?.defaultBaseUrl ?? '',
    key: keyInput ?? { keyId: settings.data?.apiKeyId ?? '', secret: '', remember: false },
    setDir,
    setBaseUrl,
    setKey,
    loadError: settings.error ?? defaultFolder.error,
  };
}

export type UploadForm = ReturnType<typeof useUploadForm>;
