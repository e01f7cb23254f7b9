// The ordered, forward-only list of schema migrations; PRAGMA user_version records how many ran.
import { migration001Initial } from './001_initial';
import { migration004SnapshotRunner } from './004_snapshot_runner';
import { migration002RelationRows } from './002_relation_rows';
import { migration003QuickRefresh } from './003_quick_refresh';
import { migration005SnapshotLog } from './005_snapshot_log';
import { migration006ListingPages } from './006_listing_pages';
import { migration007ReadEveryGroup } from './007_read_every_group';
import { migration008AuditIndexes } from './008_audit_indexes';
import { migration009SnapshotLabel } from './009_snapshot_label';
import { migration010BrowseIndexes } from './010_browse_indexes';
import { migration011NameSearch } from './011_name_search';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: migration001Initial },
  { version: 2, name: 'numbered relation rows for browsing', sql: migration002RelationRows },
  { version: 3, name: 'quick refresh base snapshot', sql: migration003QuickRefresh },
  { version: 4, name: 'snapshot runner (host:pid)', sql: migration004SnapshotRunner },
  { version: 5, name: 'snapshot log', sql: migration005SnapshotLog },
  { version: 6, name: 'listing pages followed and request estimate', sql: migration006ListingPages },
  { version: 7, name: 'read every group option', sql: migration007ReadEveryGroup },
  { version: 8, name: 'audit indexes', sql: migration008AuditIndexes },
  { version: 9, name: 'snapshot label', sql: migration009SnapshotLabel },
  { version: 10, name: 'browse indexes and relation counts', sql: migration010BrowseIndexes },
  { version: 11, name: 'name search index', sql: migration011NameSearch },
];
