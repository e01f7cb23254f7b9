// What the detail panel shows: a user, group, app or role by id, plus a name to title it while it loads.

export type DetailKind = 'user' | 'group' | 'app' | 'role';

export interface DetailSelection {
  kind: DetailKind;
  id: string;
  name: string;
}

export type OpenDetail = (selection: DetailSelection) => void;
