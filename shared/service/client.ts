// Typed service client over any transport (IPC bridge or HTTP): call() resolves with the value or throws
// ServiceCallError.
import type { EventName, MethodName, ParamsOf, ResultOf, ServiceEvent, ServiceEvents } from './contract';
import { SERVICE_ERROR_CODES, type ServiceErrorCode } from './errors';

/**
 * What a transport must provide. Deliberately loose (`unknown`) so the preload bridge (window.oktaPrep) fits as is:
 * the client checks every result and event at runtime. The HTTP transport returns ServiceResult / ServiceEvent.
 */
export interface ServiceTransport {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

export interface ServiceClient {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  /** Every service event; returns an unsubscribe function. */
  onEvent(listener: (event: ServiceEvent) => void): () => void;
  /** Events of one name, payload typed; returns an unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: ServiceEvents[E]) => void): () => void;
}

/** An error value from the service (or a transport failure reported as INTERNAL). */
export class ServiceCallError extends Error {
  override readonly name = 'ServiceCallError';

  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly method?: string,
  ) {
    super(message);
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(SERVICE_ERROR_CODES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Turns whatever the transport handed back into the value, or throws ServiceCallError. */
export function unwrapServiceResult(result: unknown, method: string): unknown {
  if (isRecord(result) && result.ok === true && 'value' in result) return result.value;
  if (isRecord(result) && result.ok === false && isRecord(result.error)) {
    const { code, message } = result.error;
    const knownCode = typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ServiceErrorCode) : 'INTERNAL';
    throw new ServiceCallError(
      knownCode,
      typeof message === 'string' ? message : 'the service reported an error',
      method,
    );
  }
  throw new ServiceCallError('INTERNAL', 'the service returned a malformed response', method);
}

/** True for `{ name: string, payload }`: what both transports deliver as an event. */
export function isServiceEvent(value: unknown): value is ServiceEvent {
  return isRecord(value) && typeof value.name === 'string' && 'payload' in value;
}

export function createServiceClient(transport: ServiceTransport): ServiceClient {
  return {
    async call(method, params) {
      const result = await transport.call(method, params);
      return unwrapServiceResult(result, method) as ResultOf<typeof method>;
    },
    onEvent(listener) {
      return transport.onEvent((event) => {
        if (isServiceEvent(event)) listener(event);
      });
    },
    on(name, listener) {
      return transport.onEvent((event) => {
        if (isServiceEvent(event) && event.name === name) listener(event.payload);
      });
    },
  };
}
