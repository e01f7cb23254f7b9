// Builds the service client for this build: IPC through window.oktaPrep in the desktop app, HTTP + SSE in the browser
// build.
import { createServiceClient, unwrapServiceResult, type ServiceTransport } from '../../../shared/service/client';
import { createHttpClientTransport, type CsvDownloadFile } from './httpClientTransport';
import { saveBlob } from './saveBlob';
import { takeServiceSecret } from './browserSecret';
import type { RendererServiceClient } from './serviceClient';

export type ClientSetup = { ok: true; client: RendererServiceClient } | { ok: false; problem: string };

function createIpcClient(): ClientSetup {
  const bridge = window.oktaPrep;
  if (!bridge)
    return { ok: false, problem: 'The Okta Prep window could not reach its background service. Restart the app.' };
  const transport: ServiceTransport = {
    // The bridge hands back whatever the main process answered; the client checks its shape.
    call: (method, params) => bridge.call(method, params),
    onEvent: (listener) => bridge.onEvent(listener),
  };
  const fileRef = async (file: File) => ({ name: file.name, path: bridge.pathForFile(file) });
  return { ok: true, client: { ...createServiceClient(transport), fileRef } };
}

function createHttpClient(): ClientSetup {
  const secret = takeServiceSecret(window.location, window.history, window.sessionStorage);
  if (!secret) {
    return {
      ok: false,
      problem:
        'This page needs the address printed by "okta-prep serve" (it ends with #secret=…). Open that address again.',
    };
  }
  const transport = createHttpClientTransport({ baseUrl: window.location.origin, secret });
  const fileRef = async (file: File) => {
    const receipt = unwrapServiceResult(await transport.upload(file), 'upload') as { uploadId: string };
    return { name: file.name, uploadId: receipt.uploadId };
  };
  const downloadCsv = async (method: string, params: unknown) => {
    const file = unwrapServiceResult(await transport.downloadCsv(method, params), method) as CsvDownloadFile;
    saveBlob(file.blob, file.fileName);
  };
  return { ok: true, client: { ...createServiceClient(transport), fileRef, downloadCsv } };
}

export function createRendererClient(): ClientSetup {
  return __OKTA_PREP_TRANSPORT__ === 'ipc' ? createIpcClient() : createHttpClient();
}
