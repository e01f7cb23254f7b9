// The objects a pull could not read one by one (a 403 on one group's members, one app's users ...): kept in the
// snapshot's log as "object-denied" warnings (subject: the task key), and described for a snapshot gap by name.
import type { Db } from '../store/openDatabase';

export const OBJECT_DENIED = 'object-denied';
/** A gap reason: some objects of the kind could not be read, the others were. */
export const SOME_DENIED = 'permission-denied-some';
/** How many refused objects a gap message names before it says "and N more". */
const NAMED_IN_MESSAGE = 5;

interface PerObjectListing {
  /** What the objects are, plural ("groups") and singular ("group"). */
  objects: string;
  object: string;
  /** What is listed under one object. */
  listing: string;
  /** The object's name in the snapshot, when it is there. */
  nameSql: string;
}

const GROUP_NAME = `SELECT name FROM groups WHERE snapshot_id = ? AND id = ?`;
const APP_NAME = `SELECT label FROM apps WHERE snapshot_id = ? AND id = ?`;
const USER_NAME = `SELECT login FROM users WHERE snapshot_id = ? AND id = ?`;

/** The task kinds that list something under one object (the object id is in the task key). */
export const PER_OBJECT_LISTINGS: Readonly<Record<string, PerObjectListing>> = {
  'group-members': { objects: 'groups', object: 'group', listing: 'members', nameSql: GROUP_NAME },
  'group-roles': { objects: 'groups', object: 'group', listing: 'admin roles', nameSql: GROUP_NAME },
  'app-users': { objects: 'apps', object: 'app', listing: 'user assignments', nameSql: APP_NAME },
  'app-groups': { objects: 'apps', object: 'app', listing: 'group assignments', nameSql: APP_NAME },
  'user-roles': { objects: 'users', object: 'user', listing: 'admin roles', nameSql: USER_NAME },
  factors: { objects: 'users', object: 'user', listing: 'MFA factors', nameSql: USER_NAME },
};

export const isPerObjectListing = (kindName: string): boolean => kindName in PER_OBJECT_LISTINGS;

/** `"Finance" (00g1)` (JSON-quoted) when the snapshot has the object's name, else the id alone. */
export function objectLabel(db: Db, snapshotId: number, kindName: string, objectId: string): string {
  const listing = PER_OBJECT_LISTINGS[kindName];
  const name = listing
    ? (db.prepare(listing.nameSql).pluck().get(snapshotId, objectId) as string | undefined)
    : undefined;
  // Quoted as JSON: a name may hold quotes or line breaks (a gap message stays one line).
  return name ? `${JSON.stringify(name)} (${objectId})` : objectId;
}

/** Ids of the objects whose `kindName` listing was refused, in the order they were refused. */
export function deniedObjectIds(db: Db, snapshotId: number, kindName: string): string[] {
  const prefix = `${kindName}:`;
  return (
    db
      .prepare(`SELECT subject FROM snapshot_log WHERE snapshot_id = ? AND code = ? ORDER BY seq`)
      .pluck()
      .all(snapshotId, OBJECT_DENIED) as string[]
  )
    .filter((subject) => subject.startsWith(prefix))
    .map((subject) => subject.slice(prefix.length));
}

/** How many listings of this kind the snapshot has scheduled. */
export function scheduledListings(db: Db, snapshotId: number, kindName: string): number {
  return db
    .prepare(`SELECT count(*) FROM pull_tasks WHERE snapshot_id = ? AND task_key >= ? AND task_key < ?`)
    .pluck()
    .get(snapshotId, `${kindName}:`, `${kindName}:\uffff`) as number;
}

/** e.g. `the members of 2 of 50 groups: "Finance" (00g1), "HR" (00g2)`; undefined when none was refused. */
export function describeDenied(db: Db, snapshotId: number, kindName: string): string | undefined {
  const listing = PER_OBJECT_LISTINGS[kindName];
  const ids = deniedObjectIds(db, snapshotId, kindName);
  if (!listing || ids.length === 0) return undefined;
  const named = ids.slice(0, NAMED_IN_MESSAGE).map((id) => objectLabel(db, snapshotId, kindName, id));
  const more = ids.length > NAMED_IN_MESSAGE ? ` and ${ids.length - NAMED_IN_MESSAGE} more` : '';
  const total = Math.max(ids.length, scheduledListings(db, snapshotId, kindName));
  const objects = total === 1 ? listing.object : listing.objects;
  return `the ${listing.listing} of ${ids.length} of ${total} ${objects}: ${named.join(', ')}${more}`;
}
