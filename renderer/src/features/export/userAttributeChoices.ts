// The user attributes an export can write as identity metadata (the BalkanID default list), with plain descriptions.

import { DEFAULT_USER_ATTRIBUTES } from '../../../../shared/balkanid/userAttributes';

export { DEFAULT_USER_ATTRIBUTES };

export const USER_ATTRIBUTE_HINTS: Record<(typeof DEFAULT_USER_ATTRIBUTES)[number], string> = {
  username: 'Okta login',
  email: 'primary email',
  status: 'ACTIVE, SUSPENDED, …',
  firstName: 'given name',
  lastName: 'family name',
  jobTitle: 'title',
  department: 'department',
  employeeNumber: 'HR number',
  managerId: 'manager reference',
  userType: 'user type',
  userCreatedDateTime: 'when the account was created',
  lastLogin: 'last sign-in',
  lastPasswordChange: 'last password change',
  statusChanged: 'last status change',
  mfaEnabled: 'has an active factor (needs factors pulled)',
  mfaFactors: 'factor types (needs factors pulled)',
};
