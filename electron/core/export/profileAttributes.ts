// The profile attributes the users of a snapshot hold, with how many users hold each: what the Export screen offers
// to write as identity metadata. It reads every user's stored JSON (seconds at 100,000 users), so the service runs it
// in a worker thread and keeps the answer of a complete snapshot, which never changes.
import type { ProfileAttributeCount } from '../../../shared/service/types';
import type { Db } from '../store/openDatabase';

// Only values an export writes (entityMetadata.ts: text, numbers, true/false, not empty); an attribute held only as
// null, a list or an object would be a choice that writes nothing. Keys are compared as stored, case and all.
const PROFILE_ATTRIBUTES_SQL = `
SELECT p.key AS name, count(*) AS users
  FROM users u, json_each(u.raw, '$.profile') p
 WHERE u.snapshot_id = ? AND json_type(u.raw, '$.profile') = 'object'
   AND p.type IN ('text', 'integer', 'real', 'true', 'false') AND NOT (p.type = 'text' AND p.atom = '')
 GROUP BY p.key
 ORDER BY p.key`;

export function listProfileAttributes(db: Db, snapshotId: number): ProfileAttributeCount[] {
  return db.prepare(PROFILE_ATTRIBUTES_SQL).all(snapshotId) as ProfileAttributeCount[];
}
