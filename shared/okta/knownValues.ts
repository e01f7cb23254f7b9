// The values Okta documents for its enumerated fields (the OpenAPI enums in okta-openapi/management-minimal.yaml).
// A value outside these lists is not an error: Okta adds values over time. It is stored and exported as it came,
// and the pull warns once per field and value so people know the tool met something it has not been taught.
import { GROUP_TYPES, USER_STATUSES } from './types';

export const KNOWN_VALUES = {
  'user status': USER_STATUSES,
  'app status': ['ACTIVE', 'DELETED', 'INACTIVE'],
  'app signOnMode': [
    'AUTO_LOGIN',
    'BASIC_AUTH',
    'BOOKMARK',
    'BROWSER_PLUGIN',
    'OPENID_CONNECT',
    'SAML_1_1',
    'SAML_2_0',
    'SECURE_PASSWORD_STORE',
    'WS_FEDERATION',
  ],
  'group type': GROUP_TYPES,
  'app user scope': ['USER', 'GROUP'],
  'role type': [
    'ACCESS_CERTIFICATIONS_ADMIN',
    'ACCESS_REQUESTS_ADMIN',
    'API_ACCESS_MANAGEMENT_ADMIN',
    'APP_ADMIN',
    'CUSTOM',
    'GROUP_MEMBERSHIP_ADMIN',
    'HELP_DESK_ADMIN',
    'ORG_ADMIN',
    'READ_ONLY_ADMIN',
    'REPORT_ADMIN',
    'SUPER_ADMIN',
    'USER_ADMIN',
    'WORKFLOWS_ADMIN',
  ],
  'role assignmentType': ['CLIENT', 'GROUP', 'USER'],
  'factor type': [
    'call',
    'email',
    'push',
    'question',
    'signed_nonce',
    'sms',
    'token',
    'token:hardware',
    'token:hotp',
    'token:software:totp',
    'u2f',
    'web',
    'webauthn',
  ],
  'factor provider': ['CUSTOM', 'DUO', 'FIDO', 'GOOGLE', 'OKTA', 'RSA', 'SYMANTEC', 'YUBICO'],
  'factor status': ['ACTIVE', 'DISABLED', 'ENROLLED', 'EXPIRED', 'INACTIVE', 'NOT_SETUP', 'PENDING_ACTIVATION'],
} as const satisfies Record<string, readonly string[]>;

export type EnumeratedField = keyof typeof KNOWN_VALUES;

const KNOWN_SETS = new Map<EnumeratedField, ReadonlySet<string>>(
  Object.entries(KNOWN_VALUES).map(([field, values]) => [field as EnumeratedField, new Set<string>(values)]),
);

export function isKnownValue(field: EnumeratedField, value: string): boolean {
  return KNOWN_SETS.get(field)!.has(value);
}
