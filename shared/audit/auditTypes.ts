// What the offline audit answers: effective access with the path of each grant, and findings from the rule table.
// Shared so the service contract (and later the app's screens) can type them.

/** What a user holds: an app, an admin role, a group membership, an enrolled factor. */
export type AccessKind = 'app' | 'role' | 'group' | 'factor';

/**
 * How the user holds it: assigned to the user (`direct`), through membership of `viaGroupId` (`group`), or Okta lists
 * the app assignment as group-scoped but no pulled group membership explains it (`group-unresolved`: e.g. the group's
 * members were not read).
 */
export type AccessPathKind = 'direct' | 'group' | 'group-unresolved';

/** One path by which one user holds one thing; a thing held three ways is three rows. */
export interface AccessPathRow {
  userId: string;
  userLogin: string;
  userStatus: string;
  kind: AccessKind;
  objectId: string;
  objectName: string;
  path: AccessPathKind;
  viaGroupId: string | null;
  viaGroupName: string | null;
  /** The app's or factor's status, a role's targets (custom role resource set) where Okta gives them. */
  detail: string | null;
}

/** Whose access a page lists: every user (or one), or the users reaching one app, or the members of one group. */
export type AccessSubject = { kind: 'user'; id?: string } | { kind: 'app'; id: string } | { kind: 'group'; id: string };

export interface AccessPage {
  rows: AccessPathRow[];
  /** Pass back as `after` for the next page; null on the last page. */
  next: string | null;
}

export type FindingSeverity = 'high' | 'medium' | 'low' | 'info';
export type AuditObjectType = 'user' | 'group' | 'app' | 'role' | 'factor';

export interface AuditThresholds {
  /** Active users whose last login is older than this many days before the snapshot count as dormant. */
  dormantDays: number;
  /** Factor types that count as strong for admins (an ACTIVE one of these is needed). */
  strongFactorTypes: readonly string[];
}

export const DEFAULT_AUDIT_THRESHOLDS: AuditThresholds = {
  dormantDays: 90,
  // Okta factor types that resist phishing or at least need a device the user holds; SMS, voice, email and security
  // questions do not count.
  strongFactorTypes: [
    'push',
    'signed_nonce',
    'token',
    'token:hardware',
    'token:hotp',
    'token:software:totp',
    'u2f',
    'webauthn',
  ],
};

export interface FindingRuleInfo {
  id: string;
  severity: FindingSeverity;
  title: string;
  explanation: string;
  /** The thresholds this rule reads, by name (AuditThresholds keys). */
  thresholds: readonly (keyof AuditThresholds)[];
}

export interface AuditObjectRef {
  type: AuditObjectType;
  id: string;
  name: string;
}

export interface Finding {
  ruleId: string;
  severity: FindingSeverity;
  /** The object the finding is about (a user, group or app). */
  subject: AuditObjectRef;
  /** One line: what is wrong with this subject. */
  message: string;
  /** The other objects involved (the apps and roles a deprovisioned user still holds …). */
  related: AuditObjectRef[];
}

export interface FindingRuleSummary extends FindingRuleInfo {
  /** False when the snapshot lacks what the rule needs (factors not pulled); its findings are then empty. */
  applicable: boolean;
  note?: string;
}

export interface FindingsPage {
  rules: FindingRuleSummary[];
  findings: Finding[];
  next: string | null;
}
