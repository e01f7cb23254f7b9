// A 403 on one object's listing (one group's members, one app's users) stops only that object: the pull goes on
// with the others, warns once per object and keeps one gap row per object kind ("permission-denied-some") that
// counts and names them. A token that lacks the permission outright would be refused once per object (1,000 groups,
// 1,000 refusals), so a kind none of whose listings was allowed is concluded denied after a run of refusals
// (at least 20, or a tenth of its listings): then the kind gap is recorded as for a refused whole listing, and the
// rest is not asked. A scaled run keeps a scoped admin that can read a few objects from being misjudged.
import type { OktaError } from '../okta/oktaErrors';
import type { Db } from '../store/openDatabase';
import { recordSnapshotGap } from '../store/snapshots';
import {
  deniedObjectIds,
  describeDenied,
  isPerObjectListing,
  objectLabel,
  OBJECT_DENIED,
  PER_OBJECT_LISTINGS,
  scheduledListings,
  SOME_DENIED,
} from './deniedObjects';
import { TASK_KINDS, type ObjectKind } from './pullTaskKinds';
import type { PullWarnings } from './pullWarnings';

/** The run of refusals (with no listing of the kind allowed) that concludes a kind is denied outright. */
export const KIND_DENIED_AFTER = { atLeast: 20, fractionOfListings: 0.1 };
export const WHOLE_KIND_DENIED = 'permission-denied';

export interface RefusedTask {
  key: string;
  kindName: string;
  objectKind: ObjectKind;
  objectId: string;
}

export class ObjectDenials {
  private readonly granted = new Set<string>();
  private readonly firstError = new Map<string, OktaError>();

  constructor(
    private readonly db: Db,
    private readonly snapshotId: number,
    private readonly warnings: PullWarnings,
  ) {}

  readonly isPerObject = isPerObjectListing;

  /** A page of this listing kind was answered: the token can read at least some of these objects. */
  grant(kindName: string): void {
    this.granted.add(kindName);
  }

  /**
   * Records one refused object. 'kind' when the refusals conclude the whole kind is denied (its gap is then recorded).
   */
  refused(task: RefusedTask, error: OktaError): 'object' | 'kind' {
    const listing = PER_OBJECT_LISTINGS[task.kindName]!;
    if (!this.firstError.has(task.kindName)) this.firstError.set(task.kindName, error);
    const code = error.errorCode ? ` (${error.errorCode})` : '';
    const label = objectLabel(this.db, this.snapshotId, task.kindName, task.objectId);
    this.warnings.warn(
      OBJECT_DENIED,
      task.key,
      `Okta refused to list the ${listing.listing} of ${listing.object} ${label}${code}: they are missing ` +
        `from this snapshot`,
    );
    const refusals = deniedObjectIds(this.db, this.snapshotId, task.kindName).length;
    const scheduled = scheduledListings(this.db, this.snapshotId, task.kindName);
    const runNeeded = Math.max(KIND_DENIED_AFTER.atLeast, Math.ceil(scheduled * KIND_DENIED_AFTER.fractionOfListings));
    if (refusals >= runNeeded && !this.wasGranted(task.kindName)) {
      this.concludeKindDenied(task.kindName);
      return 'kind';
    }
    this.recordSomeDenied(task.objectKind);
    return 'object';
  }

  /**
   * After the last listing: a kind whose every asked listing was refused is denied outright (the kind gap); the
   * others' gap messages are written again, now that the names of users listed in parallel are in the snapshot.
   */
  finish(): void {
    const kinds = new Set<ObjectKind>();
    for (const kindName of Object.keys(PER_OBJECT_LISTINGS)) {
      if (deniedObjectIds(this.db, this.snapshotId, kindName).length === 0) continue;
      const objectKind = TASK_KINDS[kindName]!.objectKind;
      if (this.kindDenied(objectKind)) continue;
      if (this.wasGranted(kindName)) kinds.add(objectKind);
      else this.concludeKindDenied(kindName);
    }
    for (const objectKind of kinds) if (!this.kindDenied(objectKind)) this.recordSomeDenied(objectKind);
  }

  private kindDenied(objectKind: ObjectKind): boolean {
    return (
      this.db
        .prepare(`SELECT 1 FROM snapshot_gaps WHERE snapshot_id = ? AND object_kind = ? AND reason = ?`)
        .get(this.snapshotId, objectKind, WHOLE_KIND_DENIED) !== undefined
    );
  }

  /**
   * Whether a per-object listing of the same object kind was allowed, in this run or the run it resumes (a listing
   * that committed a page). Group roles and user roles are both "admin roles": one allowed shows the permission.
   */
  private wasGranted(kindName: string): boolean {
    const objectKind = TASK_KINDS[kindName]!.objectKind;
    return Object.keys(PER_OBJECT_LISTINGS).some(
      (other) => TASK_KINDS[other]!.objectKind === objectKind && this.listingAnswered(other),
    );
  }

  private listingAnswered(kindName: string): boolean {
    if (this.granted.has(kindName)) return true;
    const answered = this.db
      .prepare(
        `SELECT 1 FROM pull_tasks WHERE snapshot_id = ? AND task_key >= ? AND task_key < ? AND requests > 0 LIMIT 1`,
      )
      .get(this.snapshotId, `${kindName}:`, `${kindName}:\uffff`);
    if (answered) this.granted.add(kindName);
    return answered !== undefined;
  }

  private recordSomeDenied(objectKind: ObjectKind): void {
    const parts = Object.keys(PER_OBJECT_LISTINGS)
      .filter((kindName) => TASK_KINDS[kindName]!.objectKind === objectKind)
      .map((kindName) => describeDenied(this.db, this.snapshotId, kindName))
      .filter((part): part is string => part !== undefined);
    if (parts.length === 0) return;
    const message =
      `Okta refused (403) ${parts.join('; ')}; what they hold is missing from this snapshot and its export. The ` +
      `token's admin role covers only some objects: widen it to all of them, or accept the gap.`;
    recordSnapshotGap(this.db, this.snapshotId, { objectKind, reason: SOME_DENIED, message });
  }

  private concludeKindDenied(kindName: string): void {
    const listing = PER_OBJECT_LISTINGS[kindName]!;
    const objectKind = TASK_KINDS[kindName]!.objectKind;
    const refusals = deniedObjectIds(this.db, this.snapshotId, kindName).length;
    const rest = Math.max(0, scheduledListings(this.db, this.snapshotId, kindName) - refusals);
    const first =
      this.firstError.get(kindName)?.message ??
      `Okta refused to list ${objectKind} (403): the token's admin lacks that permission.`;
    const objects = refusals === 1 ? listing.object : listing.objects;
    const extent =
      rest > 0
        ? `the first ${refusals} ${objects} asked and allowed none, so the other ${rest} were not asked`
        : `all ${refusals} ${objects} asked and allowed none`;
    const message = `${first} Okta refused the ${listing.listing} of ${extent}.`;
    this.db.transaction(() => {
      this.db
        .prepare(`DELETE FROM snapshot_gaps WHERE snapshot_id = ? AND object_kind = ? AND reason = ?`)
        .run(this.snapshotId, objectKind, SOME_DENIED);
      recordSnapshotGap(this.db, this.snapshotId, { objectKind, reason: WHOLE_KIND_DENIED, message });
    })();
  }
}
