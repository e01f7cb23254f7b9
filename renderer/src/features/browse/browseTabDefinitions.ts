// The Browse tabs: which service table each shows, its filter choices, sortable columns, and which detail a row opens.
import { RELATION_KIND_WORDS, type BrowseTable } from '../../../../shared/service/types';
import type { DetailSelection } from './detailSelection';
import type { BrowseRow } from './usePagedRows';

export interface BrowseTab {
  table: BrowseTable;
  label: string;
  /** Singular noun for row buttons ("Open user …"). */
  noun: string;
  filterLabel?: string;
  filterOptions?: { value: string; label: string }[];
  /** The cell that becomes the "open" button. */
  linkColumn?: string;
  idColumnLast?: boolean;
  /** What a row opens in the detail panel, if anything. */
  openTarget?: (row: BrowseRow) => DetailSelection | null;
}

const option = (value: string, label = value.toLowerCase().replace(/_/g, ' ')) => ({ value, label });

function text(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A readable name for a row: label, name or login, else its id. */
export function rowNameOf(row: BrowseRow): string {
  const name = [row.label, row.name, row.login, row.email].find(
    (value) => value !== null && value !== undefined && value !== '',
  );
  return name === undefined ? rowIdOf(row) : String(name);
}

/** The Okta id of a row (the service names it "id"), or the first column as a fallback. */
export function rowIdOf(row: BrowseRow): string {
  return text(row.id ?? row.seq ?? Object.values(row)[0]);
}

/** A relation opens its parent end: the user or group that holds the access. */
function relationParent(row: BrowseRow): DetailSelection | null {
  const kind = row.parentType === 'user' ? 'user' : row.parentType === 'group' ? 'group' : null;
  return kind ? { kind, id: text(row.parentId), name: text(row.parentName) || text(row.parentId) } : null;
}

export const BROWSE_TABS: readonly BrowseTab[] = [
  {
    table: 'users',
    label: 'Identities',
    noun: 'user',
    filterLabel: 'Status',
    filterOptions: [
      'ACTIVE',
      'STAGED',
      'PROVISIONED',
      'RECOVERY',
      'PASSWORD_EXPIRED',
      'LOCKED_OUT',
      'SUSPENDED',
      'DEPROVISIONED',
    ].map((value) => option(value)),
    linkColumn: 'name',
    idColumnLast: true,
    openTarget: (row) => ({ kind: 'user', id: rowIdOf(row), name: rowNameOf(row) }),
  },
  {
    table: 'groups',
    label: 'Groups',
    noun: 'group',
    filterLabel: 'Type',
    filterOptions: [
      option('OKTA_GROUP', 'Okta group'),
      option('APP_GROUP', 'app group'),
      option('BUILT_IN', 'built-in'),
    ],
    linkColumn: 'name',
    idColumnLast: true,
    openTarget: (row) => ({ kind: 'group', id: rowIdOf(row), name: rowNameOf(row) }),
  },
  {
    table: 'apps',
    label: 'Apps',
    noun: 'app',
    filterLabel: 'Status',
    filterOptions: [option('ACTIVE'), option('INACTIVE')],
    linkColumn: 'label',
    idColumnLast: true,
    openTarget: (row) => ({ kind: 'app', id: rowIdOf(row), name: rowNameOf(row) }),
  },
  {
    table: 'roles',
    label: 'Roles',
    noun: 'role',
    filterLabel: 'Type',
    filterOptions: [
      'SUPER_ADMIN',
      'ORG_ADMIN',
      'APP_ADMIN',
      'USER_ADMIN',
      'GROUP_MEMBERSHIP_ADMIN',
      'HELP_DESK_ADMIN',
      'READ_ONLY_ADMIN',
      'MOBILE_ADMIN',
      'API_ACCESS_MANAGEMENT_ADMIN',
      'REPORT_ADMIN',
      'CUSTOM',
    ].map((value) => option(value)),
    linkColumn: 'label',
    idColumnLast: true,
    openTarget: (row) => ({ kind: 'role', id: rowIdOf(row), name: rowNameOf(row) }),
  },
  {
    table: 'relations',
    label: 'Relations',
    noun: 'relation',
    filterLabel: 'Kind',
    // The kinds the service stores in its relations list (not the export's relation kinds).
    filterOptions: Object.entries(RELATION_KIND_WORDS).map(([kind, words]) => option(kind, words)),
    linkColumn: 'parentName',
    openTarget: relationParent,
  },
];
