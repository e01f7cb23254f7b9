// The typed client surface the renderer uses: call a service method, listen to service events, hand over a file.
import type { MethodName, ParamsOf, ResultOf, ServiceEvent } from '../../../shared/service/contract';
import type { CsvFileRef } from '../../../shared/service/types';

export interface RendererServiceClient {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  onEvent(listener: (event: ServiceEvent) => void): () => void;
  /** How the service can read a file the user chose: its path (desktop app) or an upload (browser build). */
  fileRef(file: File): Promise<CsvFileRef>;
  /**
   * Downloads a call's whole answer as the CLI's CSV file (audit.findings, audit.diff); the browser build only: the
   * desktop app has none yet (absent).
   */
  downloadCsv?: (method: 'audit.findings' | 'audit.diff' | 'browse.page', params: unknown) => Promise<void>;
}
