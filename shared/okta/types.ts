// Okta Management API JSON shapes (the subset Okta Prep reads), as in okta-api.md §6 and the OpenAPI spec.
// Shared by the Okta client, the puller and the fake Okta server; no runtime code here.
// They state what Okta documents, not what a real org always sends: the snapshot writer reads received JSON as unknown
// (electron/core/store/fallbackRules.ts) and shared/okta/knownValues.ts lists the documented enum values.

export const USER_STATUSES = [
  'ACTIVE',
  'DEPROVISIONED',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'PROVISIONED',
  'RECOVERY',
  'STAGED',
  'SUSPENDED',
] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const GROUP_TYPES = ['OKTA_GROUP', 'APP_GROUP', 'BUILT_IN'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export type OktaLink = { href: string };

export interface OktaUserProfile {
  login: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  displayName?: string | null;
  title?: string | null;
  department?: string | null;
  employeeNumber?: string | null;
  managerId?: string | null;
  userType?: string | null;
  [attribute: string]: unknown;
}

export interface OktaUser {
  id: string;
  status: UserStatus;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  type: { id: string };
  profile: OktaUserProfile;
  credentials?: Record<string, unknown>;
  _links?: Record<string, unknown>;
}

export interface OktaGroupStats {
  usersCount: number;
  appsCount: number;
  groupPushMappingsCount: number;
  hasAdminPrivlege: boolean; // sic: Okta's spelling
}

export interface OktaGroup {
  id: string;
  type: GroupType;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  objectClass: string[];
  profile: { name: string; description?: string | null; [attribute: string]: unknown };
  _links?: Record<string, unknown>;
  _embedded?: { stats?: OktaGroupStats; [key: string]: unknown };
}

export type AppStatus = 'ACTIVE' | 'INACTIVE' | 'DELETED';

export interface OktaApp {
  id: string;
  name: string;
  label: string;
  status: AppStatus;
  signOnMode: string;
  created: string;
  lastUpdated: string;
  [field: string]: unknown;
}

export interface OktaAppUser {
  id: string;
  scope: 'USER' | 'GROUP';
  status: string;
  created: string;
  lastUpdated: string;
  credentials?: { userName?: string | null };
  externalId?: string | null;
  syncState?: string;
  profile?: Record<string, unknown>;
  _links?: Record<string, unknown>;
  _embedded?: { user?: OktaUser };
  [field: string]: unknown;
}

/** A role assignment as returned by /users/{id}/roles and /groups/{id}/roles. */
export interface OktaRoleAssignment {
  id: string;
  type: string;
  label: string;
  status: 'ACTIVE' | 'INACTIVE';
  assignmentType: 'USER' | 'GROUP' | 'CLIENT';
  created: string;
  lastUpdated: string;
  /** Custom roles only: the custom role id. */
  role?: string;
  /** Custom roles only: the resource set id. */
  'resource-set'?: string;
  _links?: { assignee?: OktaLink; [key: string]: unknown };
}

/** A custom role definition from /api/v1/iam/roles. */
export interface OktaIamRole {
  id: string;
  label: string;
  description?: string;
  created: string;
  lastUpdated: string;
  _links?: Record<string, unknown>;
}

export interface OktaFactor {
  id: string;
  factorType: string;
  provider: string;
  vendorName?: string;
  status: string;
  created: string;
  lastUpdated: string;
  profile?: Record<string, unknown>;
  _links?: Record<string, unknown>;
}

/** Okta's error body (okta-api.md §5). */
export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}
