// The Browse screen's tables other than relations: their columns (name → SQL expression), what the search box
// looks in, the toolbar filter's column and the default order.
import type { BrowseTable } from '../../../../shared/service/types';

export interface TableSpec {
  from: string;
  /** Output columns: name → SQL expression. The first is the row's id. */
  columns: Record<string, string>;
  searchable: string[];
  filterColumn?: string;
  defaultSort: string;
}

export type SmallTable = Exclude<BrowseTable, 'relations'>;

export const TABLE_SPECS: Record<SmallTable, TableSpec> = {
  users: {
    from: 'users',
    columns: {
      id: 'id',
      name: 'name',
      login: 'login',
      email: 'email',
      status: 'status',
      created: 'created',
      lastLogin: 'last_login',
    },
    searchable: ['name', 'login', 'email', 'id'],
    filterColumn: 'status',
    defaultSort: 'name',
  },
  groups: {
    from: 'groups',
    columns: {
      id: 'id',
      name: 'name',
      type: 'type',
      usersCount: 'users_count',
      appsCount: 'apps_count',
      description: 'substr(description, 1, 200)',
    },
    searchable: ['name', 'id', 'description'],
    filterColumn: 'type',
    defaultSort: 'name',
  },
  apps: {
    from: 'apps',
    columns: {
      id: 'id',
      label: 'label',
      name: 'name',
      status: 'status',
      signOnMode: 'sign_on_mode',
      created: 'created',
    },
    searchable: ['label', 'name', 'id'],
    filterColumn: 'status',
    defaultSort: 'label',
  },
  roles: {
    from: 'roles',
    columns: {
      id: 'role_key',
      label: 'label',
      roleType: 'role_type',
      custom: 'is_custom',
      holders:
        `(SELECT count(*) FROM role_assignments ra WHERE ra.snapshot_id = roles.snapshot_id AND ra.role_key = ` +
        `roles.role_key)`,
    },
    searchable: ['label', 'role_key'],
    filterColumn: 'role_type',
    defaultSort: 'label',
  },
};
