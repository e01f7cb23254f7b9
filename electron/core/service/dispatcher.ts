// The service dispatcher: allowlists the method, validates params with ajv, calls the implementation, returns a
// ServiceResult.
import { METHOD_NAMES, type MethodName, type ServiceImplementation } from '../../../shared/service/contract';
import type { ServiceError, ServiceResult } from '../../../shared/service/errors';
import { findNonJsonValue } from './jsonResultCheck';
import { compileParamValidators, quoteForMessage, type ParamValidators } from './paramValidators';
import { isServiceFailureLike } from './serviceFailure';

/** What both transports call. Never throws; every outcome is a ServiceResult value. */
export type Dispatch = (method: unknown, params: unknown) => Promise<ServiceResult<unknown>>;

export interface DispatcherOptions {
  /** Receives full details of internal failures (stacks included). Defaults to console.error. */
  logger?: (line: string) => void;
}

export const INTERNAL_ERROR_MESSAGE = 'an internal error occurred; details were written to the log';

const ALLOWED_METHODS: ReadonlySet<string> = new Set(METHOD_NAMES);

function isMethodName(method: unknown): method is MethodName {
  return typeof method === 'string' && ALLOWED_METHODS.has(method);
}

function failure(code: ServiceError['code'], message: string): ServiceResult<never> {
  return { ok: false, error: { code, message } };
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return `non-Error value thrown: ${JSON.stringify(error)}`;
  } catch {
    return `non-Error value thrown: ${String(error)}`;
  }
}

function unknownMethod(method: unknown): ServiceResult<never> {
  if (typeof method !== 'string') return failure('UNKNOWN_METHOD', 'method must be a string naming a service method');
  return failure('UNKNOWN_METHOD', `unknown method ${quoteForMessage(method, 80)}`);
}

export function createDispatcher(implementation: ServiceImplementation, options: DispatcherOptions = {}): Dispatch {
  const log = options.logger ?? ((line: string) => console.error(line));
  const validators = compileParamValidators(log);

  function internal(method: MethodName, detail: string): ServiceResult<never> {
    log(`service method ${method} failed: ${detail}`);
    return failure('INTERNAL', INTERNAL_ERROR_MESSAGE);
  }

  async function invoke(method: MethodName, params: unknown): Promise<ServiceResult<unknown>> {
    const handler = implementation[method] as ((params: unknown) => Promise<unknown>) | undefined;
    if (typeof handler !== 'function') return internal(method, 'the implementation does not provide this method');
    try {
      const value = await handler.call(implementation, params);
      const problem = findNonJsonValue(value);
      if (problem) return internal(method, `result is not plain JSON data (${problem})`);
      return { ok: true, value };
    } catch (error) {
      if (isServiceFailureLike(error)) return failure(error.code, error.message);
      return internal(method, describeThrown(error));
    }
  }

  return async function dispatch(method, params) {
    if (!isMethodName(method)) return unknownMethod(method);
    // Methods without params may be called with nothing at all.
    const checkedParams = params === undefined ? {} : params;
    let check: ReturnType<ParamValidators[MethodName]>;
    try {
      check = validators[method](checkedParams);
    } catch (error) {
      return internal(method, `params validation failed: ${describeThrown(error)}`);
    }
    if (!check.ok) return failure('INVALID_PARAMS', check.message);
    return invoke(method, checkedParams);
  };
}
