// Migration 1: snapshots, one table per Okta object kind (typed columns + raw JSON), resumable pull cursors.
// Every object row belongs to a snapshot, so a new pull never touches the rows of a previous one.

export const migration001Initial = `
CREATE TABLE snapshots (
  id              INTEGER PRIMARY KEY,
  org_url         TEXT    NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('running', 'complete', 'failed', 'cancelled')),
  started_at      TEXT    NOT NULL,
  finished_at     TEXT,
  include_factors INTEGER NOT NULL DEFAULT 0,
  error_message   TEXT,
  app_version     TEXT    NOT NULL
);

-- One row per paged listing of a pull (e.g. 'users', 'group-members:00g…'): the cursor to continue from.
CREATE TABLE pull_tasks (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  task_key    TEXT    NOT NULL,
  next_url    TEXT,
  done        INTEGER NOT NULL DEFAULT 0,
  rows        INTEGER NOT NULL DEFAULT 0,
  requests    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (snapshot_id, task_key)
) WITHOUT ROWID;

-- What a snapshot lacks and why (missing permission, suspicious empty list): never silently empty.
CREATE TABLE snapshot_gaps (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  object_kind TEXT    NOT NULL,
  reason      TEXT    NOT NULL,
  message     TEXT    NOT NULL,
  PRIMARY KEY (snapshot_id, object_kind, reason)
) WITHOUT ROWID;

CREATE TABLE users (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  id           TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  login        TEXT    NOT NULL,
  email        TEXT,
  name         TEXT    NOT NULL,
  first_name   TEXT,
  last_name    TEXT,
  created      TEXT,
  last_updated TEXT,
  last_login   TEXT,
  raw          TEXT    NOT NULL,
  UNIQUE (snapshot_id, id)
);
CREATE INDEX users_by_name ON users (snapshot_id, name);
CREATE INDEX users_by_status ON users (snapshot_id, status);

CREATE TABLE groups (
  snapshot_id             INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  id                      TEXT    NOT NULL,
  type                    TEXT    NOT NULL,
  name                    TEXT    NOT NULL,
  description             TEXT,
  created                 TEXT,
  last_updated            TEXT,
  last_membership_updated TEXT,
  users_count             INTEGER,
  apps_count              INTEGER,
  has_admin_privilege     INTEGER NOT NULL DEFAULT 0,
  raw                     TEXT    NOT NULL,
  UNIQUE (snapshot_id, id)
);
CREATE INDEX groups_by_name ON groups (snapshot_id, name);

CREATE TABLE group_members (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  group_id    TEXT    NOT NULL,
  user_id     TEXT    NOT NULL,
  PRIMARY KEY (snapshot_id, group_id, user_id)
) WITHOUT ROWID;
CREATE INDEX group_members_by_user ON group_members (snapshot_id, user_id, group_id);

CREATE TABLE apps (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  id           TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  label        TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  sign_on_mode TEXT,
  created      TEXT,
  last_updated TEXT,
  raw          TEXT    NOT NULL,
  UNIQUE (snapshot_id, id)
);
CREATE INDEX apps_by_label ON apps (snapshot_id, label);

-- AppUser rows exactly as Okta reports them: scope USER (direct) or GROUP (through a group).
CREATE TABLE app_users (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  app_id      TEXT    NOT NULL,
  user_id     TEXT    NOT NULL,
  scope       TEXT    NOT NULL,
  status      TEXT,
  user_name   TEXT,
  raw         TEXT    NOT NULL,
  PRIMARY KEY (snapshot_id, app_id, user_id)
);
CREATE INDEX app_users_by_user ON app_users (snapshot_id, user_id);

CREATE TABLE app_groups (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  app_id      TEXT    NOT NULL,
  group_id    TEXT    NOT NULL,
  priority    INTEGER,
  raw         TEXT    NOT NULL,
  PRIMARY KEY (snapshot_id, app_id, group_id)
);
CREATE INDEX app_groups_by_group ON app_groups (snapshot_id, group_id);

-- Roles as BalkanID entities: role_key is the role type for standard roles, the custom role id for custom ones.
CREATE TABLE roles (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  role_key    TEXT    NOT NULL,
  label       TEXT    NOT NULL,
  role_type   TEXT    NOT NULL,
  is_custom   INTEGER NOT NULL,
  description TEXT,
  raw         TEXT,
  PRIMARY KEY (snapshot_id, role_key)
);

CREATE TABLE role_assignments (
  snapshot_id     INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  principal_type  TEXT    NOT NULL CHECK (principal_type IN ('user', 'group')),
  principal_id    TEXT    NOT NULL,
  assignment_id   TEXT    NOT NULL,
  role_key        TEXT    NOT NULL,
  status          TEXT,
  raw             TEXT    NOT NULL,
  PRIMARY KEY (snapshot_id, principal_type, principal_id, assignment_id)
);
CREATE INDEX role_assignments_by_role ON role_assignments (snapshot_id, role_key);

CREATE TABLE factors (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  user_id     TEXT    NOT NULL,
  id          TEXT    NOT NULL,
  factor_type TEXT    NOT NULL,
  provider    TEXT,
  status      TEXT,
  raw         TEXT    NOT NULL,
  PRIMARY KEY (snapshot_id, user_id, id)
);
`;
