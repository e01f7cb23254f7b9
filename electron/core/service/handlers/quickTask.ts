// A short task (a preview, a snapshot's validation) run in a worker thread, so the service's loop stays free; its
// failure becomes the service's BAD_INPUT or INTERNAL.
import { runWorkerTask } from '../jobs/runWorkerTask';
import { ServiceFailure } from '../serviceFailure';

export async function runQuickTask<T>(task: Parameters<typeof runWorkerTask>[0]): Promise<T> {
  const outcome = await runWorkerTask(task, () => {}).outcome;
  if (!outcome.ok)
    throw new ServiceFailure(outcome.error.code === 'BAD_INPUT' ? 'BAD_INPUT' : 'INTERNAL', outcome.error.message);
  return outcome.result.value as T;
}
