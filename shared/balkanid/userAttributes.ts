// The user attributes an export writes as identity metadata by default, in their fixed order (balkanid-format.md B.1).

export const DEFAULT_USER_ATTRIBUTES = [
  'username',
  'email',
  'status',
  'firstName',
  'lastName',
  'jobTitle',
  'department',
  'employeeNumber',
  'managerId',
  'userType',
  'userCreatedDateTime',
  'lastLogin',
  'lastPasswordChange',
  'statusChanged',
  'mfaEnabled',
  'mfaFactors',
] as const;
