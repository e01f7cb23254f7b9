// What the service's main thread and the browse worker say to each other: one request per Browse query, one answer
// each (a value, a ServiceFailure's code and message, or an internal error's details for the log).
import type { ParamsOf, ResultOf } from '../../../../shared/service/contract';

/** The browse.* service methods, answered by the worker. */
export type BrowseMethod = 'browse.page' | 'browse.userAccess' | 'browse.group' | 'browse.app' | 'browse.role';

export interface BrowseRequest<M extends BrowseMethod = BrowseMethod> {
  id: number;
  method: M;
  params: ParamsOf<M>;
}

export type BrowseAnswer =
  | { id: number; ok: true; value: ResultOf<BrowseMethod> }
  | { id: number; ok: false; failure: { code: string; message: string } }
  | { id: number; ok: false; internal: string };

export interface BrowseWorkerData {
  dbPath: string;
}
