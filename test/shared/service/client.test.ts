// Tests for the typed service client over a bridge-like transport: unwrapping, ServiceCallError, malformed values,
// events.
import { describe, expect, it, vi } from 'vitest';
import { createServiceClient, ServiceCallError, type ServiceTransport } from '../../../shared/service/client';

function bridge(result: unknown) {
  const listeners = new Set<(event: unknown) => void>();
  const transport = {
    call: vi.fn(async () => result),
    onEvent: vi.fn((received: (event: unknown) => void) => {
      listeners.add(received);
      return () => listeners.delete(received);
    }),
  } satisfies ServiceTransport;
  return { transport, listeners, emit: (event: unknown) => listeners.forEach((listener) => listener(event)) };
}

async function failureOf(promise: Promise<unknown>): Promise<ServiceCallError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ServiceCallError);
  return error as ServiceCallError;
}

describe('createServiceClient', () => {
  it('passes method and params through and resolves with the value', async () => {
    const { transport } = bridge({ ok: true, value: { path: '/home/me/exports' } });
    const client = createServiceClient(transport);
    expect(await client.call('export.defaultFolder', {})).toEqual({ path: '/home/me/exports' });
    expect(transport.call).toHaveBeenCalledExactlyOnceWith('export.defaultFolder', {});
  });

  it('throws ServiceCallError with the code, message and method of an error value', async () => {
    const { transport } = bridge({ ok: false, error: { code: 'CONFLICT', message: 'a pull is already running' } });
    const error = await failureOf(createServiceClient(transport).call('pull.start', { includeFactors: false }));
    expect(error).toMatchObject({
      name: 'ServiceCallError',
      code: 'CONFLICT',
      message: 'a pull is already running',
      method: 'pull.start',
    });
  });

  it('reports malformed results and unknown codes as INTERNAL', async () => {
    for (const result of [undefined, null, 'ok', { ok: true }, { ok: false }, { ok: 'yes', value: 1 }]) {
      const error = await failureOf(createServiceClient(bridge(result).transport).call('app.info', {}));
      expect(error.code).toBe('INTERNAL');
    }
    const odd = bridge({ ok: false, error: { code: 'EXPLODED', message: 'boom' } });
    expect(await failureOf(createServiceClient(odd.transport).call('app.info', {}))).toMatchObject({
      code: 'INTERNAL',
      message: 'boom',
    });
  });

  it('delivers well-formed events, filters by name with on(), and ignores junk', () => {
    const { transport, listeners, emit } = bridge(null);
    const client = createServiceClient(transport);
    const all = vi.fn();
    const jobs = vi.fn();
    client.onEvent(all);
    const stop = client.on('job.updated', jobs);
    emit({ name: 'job.updated', payload: { id: 'j1' } });
    emit({ name: 'other', payload: 1 });
    emit('not an event');
    emit({ payload: 1 });
    expect(all).toHaveBeenCalledTimes(2);
    expect(jobs).toHaveBeenCalledExactlyOnceWith({ id: 'j1' });
    stop();
    expect(listeners.size).toBe(1);
  });
});
