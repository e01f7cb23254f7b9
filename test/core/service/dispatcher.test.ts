// Tests for the service dispatcher: allowlist, ajv param validation, error passthrough and stack-free INTERNAL errors.
import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../shared/service/contract';
import { createDispatcher, INTERNAL_ERROR_MESSAGE } from '../../../electron/core/service/dispatcher';
import { ServiceFailure } from '../../../electron/core/service/serviceFailure';
import { APP_INFO, fakeService } from './fakeService';

const pageParams = { snapshotId: 1, table: 'users', offset: 0, limit: 50 };

function errorOf(result: Awaited<ReturnType<ReturnType<typeof createDispatcher>>>) {
  if (result.ok) throw new Error(`expected an error value, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('createDispatcher', () => {
  it('returns the value on the ok path and passes validated params through', async () => {
    const page = { rows: [], total: 0 };
    const browsePage = vi.fn(async () => page as never);
    const dispatch = createDispatcher(fakeService({ 'app.info': async () => APP_INFO, 'browse.page': browsePage }));
    expect(await dispatch('app.info', {})).toEqual({ ok: true, value: APP_INFO });
    expect(await dispatch('app.info', undefined)).toEqual({ ok: true, value: APP_INFO });
    expect(await dispatch('browse.page', pageParams)).toEqual({ ok: true, value: page });
    expect(browsePage).toHaveBeenCalledExactlyOnceWith(pageParams);
  });

  it('refuses unknown methods with UNKNOWN_METHOD, naming the method (truncated)', async () => {
    const service = fakeService();
    const dispatch = createDispatcher(service);
    const error = errorOf(await dispatch('secrets.dump', {}));
    expect(error.code).toBe('UNKNOWN_METHOD');
    expect(error.message).toContain('secrets.dump');

    const long = errorOf(await dispatch(`x${'y'.repeat(5000)}`, {}));
    expect(long.code).toBe('UNKNOWN_METHOD');
    expect(long.message.length).toBeLessThan(200);

    for (const method of ['constructor', '__proto__', 'toString', 42, null, undefined, { name: 'app.info' }]) {
      expect(errorOf(await dispatch(method, {})).code).toBe('UNKNOWN_METHOD');
    }
  });

  it('compiles every method schema and never throws, whatever the params', async () => {
    const dispatch = createDispatcher(fakeService(), { logger: () => undefined });
    for (const method of METHOD_NAMES) {
      for (const params of [{}, null, 'text', { unexpected: true }]) {
        const result = await dispatch(method, params);
        expect(result).toHaveProperty('ok');
      }
    }
  });

  it('rejects a missing required field', async () => {
    const dispatch = createDispatcher(fakeService());
    const error = errorOf(await dispatch('browse.page', { snapshotId: 1, table: 'users', offset: 0 }));
    expect(error).toEqual({ code: 'INVALID_PARAMS', message: 'params is missing the required property "limit"' });
  });

  it('rejects an extra field', async () => {
    const dispatch = createDispatcher(fakeService());
    const error = errorOf(await dispatch('jobs.cancel', { jobId: 'j1', force: true }));
    expect(error).toEqual({ code: 'INVALID_PARAMS', message: 'params has an unknown property "force"' });
    expect(errorOf(await dispatch('app.info', { extra: 1 })).code).toBe('INVALID_PARAMS');
  });

  it('rejects a wrong type, naming the field', async () => {
    const dispatch = createDispatcher(fakeService());
    const error = errorOf(await dispatch('browse.page', { ...pageParams, snapshotId: '1' }));
    expect(error).toEqual({ code: 'INVALID_PARAMS', message: 'params.snapshotId must be integer' });
    const notObject = errorOf(await dispatch('browse.page', [1, 2]));
    expect(notObject).toEqual({ code: 'INVALID_PARAMS', message: 'params must be object' });
  });

  it('rejects a limit that is too large', async () => {
    const dispatch = createDispatcher(fakeService());
    const error = errorOf(await dispatch('browse.page', { ...pageParams, limit: 5000 }));
    expect(error).toEqual({ code: 'INVALID_PARAMS', message: 'params.limit must be <= 1000' });
  });

  it('lists enum choices and reports several problems at once', async () => {
    const dispatch = createDispatcher(fakeService());
    const error = errorOf(await dispatch('browse.page', { ...pageParams, table: 'tokens', limit: 0 }));
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.message).toContain('params.table must be one of: "users", "groups", "apps", "roles", "relations"');
    expect(error.message).toContain('params.limit must be >= 1');
    const nested = errorOf(await dispatch('browse.page', { ...pageParams, sort: { column: 'name', direction: 'up' } }));
    expect(nested.message).toBe('params.sort.direction must be one of: "asc", "desc"');
  });

  it('passes ServiceFailure code and message through', async () => {
    const dispatch = createDispatcher(
      fakeService({
        'browse.userAccess': async () => {
          throw new ServiceFailure('NOT_FOUND', 'no user 00u1 in snapshot 3');
        },
      }),
    );
    const result = await dispatch('browse.userAccess', { snapshotId: 3, userId: '00u1' });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no user 00u1 in snapshot 3' } });
  });

  it('turns any other error into INTERNAL with a generic message and logs the details', async () => {
    const logger = vi.fn();
    const dispatch = createDispatcher(
      fakeService({
        'connection.test': async () => {
          throw new Error('SSWS 00abcSECRETtoken rejected by https://acme.okta.com');
        },
        'jobs.list': async () => {
          throw Object.assign(new Error('ENOENT: /home/me/secret.db'), { code: 'ENOENT' });
        },
      }),
      { logger },
    );
    const error = errorOf(await dispatch('connection.test', {}));
    expect(error).toEqual({ code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE });
    expect(error.message).not.toContain('at ');
    expect(error.message).not.toContain('SECRET');
    expect(JSON.stringify(error)).not.toContain('dispatcher');

    const logged = logger.mock.calls.map(([line]) => line).join('\n');
    expect(logged).toContain('00abcSECRETtoken');
    expect(logged).toContain('    at ');

    expect(errorOf(await dispatch('jobs.list', {}))).toEqual({ code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE });
  });

  it('treats non-Error throws as INTERNAL', async () => {
    const logger = vi.fn();
    const dispatch = createDispatcher(
      fakeService({
        // A rejection that is not an Error, on purpose: the dispatcher must still answer without echoing it.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        'jobs.list': () => Promise.reject('raw string with password=hunter2'),
      }),
      { logger },
    );
    const error = errorOf(await dispatch('jobs.list', {}));
    expect(error).toEqual({ code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE });
    expect(logger).toHaveBeenCalledOnce();
  });

  it('refuses results that are not plain JSON data', async () => {
    const logger = vi.fn();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const results: unknown[] = [
      { when: new Date() },
      { size: 10n },
      { fn: () => 1 },
      { n: Number.NaN },
      circular,
      new Map(),
    ];
    for (const value of results) {
      const dispatch = createDispatcher(fakeService({ 'jobs.list': async () => value as never }), { logger });
      expect(errorOf(await dispatch('jobs.list', {}))).toEqual({ code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE });
    }
    expect(logger).toHaveBeenCalledTimes(results.length);
    expect(logger.mock.calls[0]?.[0]).toContain('value.when: Date');

    const fine = { a: [1, 'two', null, { b: true, c: undefined }] };
    const dispatch = createDispatcher(fakeService({ 'jobs.list': async () => fine as never }));
    expect(await dispatch('jobs.list', {})).toEqual({ ok: true, value: fine });
  });

  it('takes files to validate only as upload ids or paths, never as CSV text in the call', async () => {
    const dispatch = createDispatcher(fakeService({ 'validate.upload': async (params) => ({ got: params }) as never }));
    const inline = await dispatch('validate.upload', { entities: { name: 'e.csv', content: 'id,name\n' } });
    expect(inline).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
    const byId = { name: 'e.csv', uploadId: 'u_0123456789abcdef' };
    const byPath = { name: 'r.csv', path: '/home/ada/r.csv' };
    expect(await dispatch('validate.upload', { entities: byId, relations: byPath })).toEqual({
      ok: true,
      value: { got: { entities: byId, relations: byPath } },
    });
    expect(
      await dispatch('validate.upload', { entities: { name: 'e.csv', uploadId: '../../etc/passwd' } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
  });
});
