// Test double: a ServiceImplementation whose methods fail unless a test overrides them with canned behaviour.
import { METHOD_NAMES, type ServiceImplementation } from '../../../shared/service/contract';

export function fakeService(overrides: Partial<ServiceImplementation> = {}): ServiceImplementation {
  const base = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, () => Promise.reject(new Error(`${method} is not faked in this test`))]),
  );
  return { ...base, ...overrides } as ServiceImplementation;
}

export const APP_INFO = { version: '1.2.3', transport: 'http' as const, dataFolder: '/tmp/okta-prep' };
