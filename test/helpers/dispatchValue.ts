// A service call through the dispatcher (ajv-checked params, typed errors) that gives its value or throws with the
// error's code and message, for tests that expect the call to succeed.
import type { createDispatcher } from '../../electron/core/service/dispatcher';

export async function dispatchValue<T>(
  dispatch: ReturnType<typeof createDispatcher>,
  method: string,
  params: unknown,
): Promise<T> {
  const result = await dispatch(method, params);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
