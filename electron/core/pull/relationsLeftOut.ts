// At the end of a pull: relations whose other end was never listed (an app assigned to a user outside the user
// listing, a role holder that could not be read). BalkanID needs both ends of a relation among the entities, so the
// export leaves these out; the pull counts them per kind and says so, so nobody learns it only from manifest.json.
import { RELATION_KINDS } from '../../../shared/balkanid/columns';
import { countRelationsLeftOut, type ExportedRelationKind } from '../export/relationRecords';
import type { WarningSink } from '../okta/warningSink';
import type { Db } from '../store/openDatabase';

const KINDS: readonly ExportedRelationKind[] = [...RELATION_KINDS, 'groupAppAccessFlattened'];

const DESCRIPTIONS: Record<ExportedRelationKind, string> = {
  groupMembership: 'group memberships',
  directAppAssignment: 'direct app assignments',
  groupAppAssignment: 'app assignments to groups',
  userAdminRole: 'admin roles held by users',
  groupAdminRole: 'admin roles held by groups',
  groupAppAccessFlattened: 'app accesses through groups',
};

/** Relations left out per kind (kinds with none are omitted); each kind with some is said once as a warning. */
export function reportRelationsLeftOut(
  db: Db,
  snapshotId: number,
  warn: WarningSink,
): Partial<Record<ExportedRelationKind, number>> {
  const leftOut: Partial<Record<ExportedRelationKind, number>> = {};
  for (const kind of KINDS) {
    const count = countRelationsLeftOut(db, snapshotId, kind);
    if (count === 0) continue;
    leftOut[kind] = count;
    const [relations, point, them] = count === 1 ? ['relation', 'points', 'it'] : ['relations', 'point', 'them'];
    warn(
      'relation-end-unlisted',
      kind,
      `${kind} (${DESCRIPTIONS[kind]}): ${count} ${relations} ${point} at a user, group, app or role that was ` +
        `never listed; ` +
        `the export leaves ${them} out, because BalkanID needs both ends among the entities`,
    );
  }
  return leftOut;
}
