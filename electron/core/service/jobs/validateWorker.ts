// Worker thread that checks a CSV pair (`okta-prep validate`, and the app's Validate screen): streams the files,
// reports progress, stops on cancel. A cancelled or failed check sends no report, so none is ever shown as complete.
import { parentPort, workerData } from 'node:worker_threads';
import { validateCsvFiles } from '../../balkanid/validator/index';
import type { FromWorker, ToWorker, WorkerTask } from './jobMessages';

const port = parentPort!;
const task = workerData as WorkerTask & { kind: 'validateFiles' };
const controller = new AbortController();
port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') controller.abort(new Error('cancelled by the user'));
});
const send = (message: FromWorker) => port.postMessage(message);

validateCsvFiles(
  { entitiesPath: task.entitiesPath, relationsPath: task.relationsPath },
  {
    maxFindingsPerRule: task.maxFindingsPerRule,
    signal: controller.signal,
    onProgress: (progress) => send({ type: 'progress', progress: { kind: 'validate', progress } }),
  },
).then(
  (report) => send({ type: 'done', result: { kind: 'validateFiles', value: report } }),
  (error: unknown) =>
    send({
      type: 'failed',
      error: { code: controller.signal.aborted ? 'CANCELLED' : 'BAD_INPUT', message: (error as Error).message },
    }),
);
