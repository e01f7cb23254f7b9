// The flat entitlements format (balkanid-format.md Part A.3): one row per access path of a user, and the export
// formats an export may write. Pure constants and types.

export const ENTITLEMENT_COLUMNS = [
  'Project',
  'Privilege Name',
  'Privilege Value',
  'Email',
  'User ID',
  'Username',
  'Name',
  'Connection',
  'Connection Type',
  'Resource',
  'Resource Type',
] as const;

export type EntitlementColumn = (typeof ENTITLEMENT_COLUMNS)[number];

/** Part A.3: required cells. */
export const REQUIRED_ENTITLEMENT_COLUMNS: readonly EntitlementColumn[] = ['Privilege Name', 'Privilege Value'];
/** Part A.3: at least one of these names the user. */
export const USER_REFERENCE_COLUMNS: readonly EntitlementColumn[] = ['Email', 'User ID', 'Username'];
/** Part A.3: each pair is given together or not at all. */
export const PAIRED_ENTITLEMENT_COLUMNS: readonly (readonly [EntitlementColumn, EntitlementColumn])[] = [
  ['Connection', 'Connection Type'],
  ['Resource', 'Resource Type'],
];

/** What an export writes: the entities + entity-relations pair (Part A.1, A.2) or the flat entitlements file (A.3). */
export const EXPORT_FORMATS = ['entities-relations', 'entitlements'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One row of entitlements.csv, cells already as strings. */
export interface EntitlementRecord {
  project: string;
  privilegeName: string;
  privilegeValue: string;
  email: string;
  userId: string;
  username: string;
  name: string;
  connection: string;
  connectionType: string;
  resource: string;
  resourceType: string;
}

export function entitlementCells(row: EntitlementRecord): string[] {
  return [
    row.project,
    row.privilegeName,
    row.privilegeValue,
    row.email,
    row.userId,
    row.username,
    row.name,
    row.connection,
    row.connectionType,
    row.resource,
    row.resourceType,
  ];
}
