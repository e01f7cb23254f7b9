// Runs the pull's listings: one listing page by page from its saved cursor (the loop guard, the request cap, Okta's
// refusals, each page committed with what it schedules), and the pending listings of a kind with a few workers at once.
import type { OktaPage } from '../okta/oktaClient';
import { OktaError } from '../okta/oktaErrors';
import { hasUsableId } from '../store/fallbackRules';
import { followedPages } from '../store/listingPages';
import { getPullTask, markPullTaskDone, pendingPullTasks } from '../store/pullTaskStore';
import { recordSnapshotGap } from '../store/snapshots';
import { ListingLoopGuard, type FollowedPage } from './listingLoopGuard';
import { WHOLE_KIND_DENIED } from './objectDenials';
import type { PullRun } from './pullRun';
import { parseTaskKey, type TaskKind } from './pullTaskKinds';
import { reportRepeatingListing } from './repeatingListing';
import type { RequestCap } from './requestCap';
import { estimateRaise } from './requestEstimate';

/** One listing: its key, and what the key says (kind, and the object it lists for, if any). */
interface Task {
  key: string;
  kind: TaskKind;
  kindName: string;
  objectId: string;
}
type Page = OktaPage<unknown>;

export class ListingRunner {
  private readonly sharedListings = new Map<string, Promise<void>>();

  constructor(
    private readonly run: PullRun,
    private readonly requestCap: RequestCap,
    /** Listings run at once per family (the governor still caps requests in flight). */
    private readonly workers: number,
  ) {}

  /** Lists `key` to its end, from its saved cursor (or `firstUrl`); a listing already done is not asked again. */
  async runTask(key: string, firstUrl: string): Promise<void> {
    const { db, snapshotId, client, signal } = this.run;
    const state = getPullTask(db, snapshotId, key);
    if (state?.done) return;
    const task: Task = { key, ...parseTaskKey(key) };
    if (this.run.deniedKinds.has(task.kind.objectKind)) return this.markDone(key);
    let url: string | undefined = state?.nextUrl ?? firstUrl;
    // Pages this listing already followed (also in an earlier run): a `next` back into them is a loop, not more data.
    const guard = new ListingLoopGuard(followedPages(db, snapshotId, key));
    while (url) {
      signal.throwIfAborted();
      const repeatedLink = guard.repeatedLink(url);
      if (repeatedLink) return this.stopRepeating(task, url, repeatedLink);
      let page: Page;
      try {
        page = await client.getPage<unknown>(url, task.kind.objectKind, task.kind.shape, signal);
      } catch (error) {
        return this.endRefused(task, error);
      }
      signal.throwIfAborted();
      const accepted = guard.acceptPage(url, page.items);
      if (accepted.repeat) return this.stopRepeating(task, url, accepted.repeat);
      this.commitPage(task, page, page.nextUrl ? accepted.followed : undefined);
      url = page.nextUrl;
    }
  }

  /** A listing more than one family waits for (the groups): run once, however many ask. */
  runShared(key: string, firstUrl: string): Promise<void> {
    let listing = this.sharedListings.get(key);
    if (!listing) this.sharedListings.set(key, (listing = this.runTask(key, firstUrl)));
    return listing;
  }

  /** Runs every pending listing whose key starts with `prefix`, `workers` at a time. */
  async runPending(prefix: string): Promise<void> {
    this.run.writer.flush(); // follow-up listings scheduled by queued pages must be visible
    const queue = pendingPullTasks(this.run.db, this.run.snapshotId, prefix);
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const task = queue[next++]!;
        await this.runTask(task.key, task.nextUrl ?? '');
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.workers, queue.length) }, worker));
  }

  private markDone(key: string): void {
    this.run.writer.flush();
    markPullTaskDone(this.run.db, this.run.snapshotId, key);
  }

  private stopRepeating(task: Task, url: string, why: string): void {
    const { db, snapshotId, writer, warnings } = this.run;
    writer.flush();
    reportRepeatingListing(db, snapshotId, warnings, { taskKey: task.key, objectKind: task.kind.objectKind, url, why });
    this.markDone(task.key);
  }

  /** Writes one page's rows and the listings it schedules (a quick refresh drops those it copies instead). */
  private commitPage(task: Task, page: Page, followed: FollowedPage | undefined): void {
    const { writer, quick, denials, groupPolicy, progress } = this.run;
    if (task.objectId !== '') denials.grant(task.kindName);
    const rows = task.kind.toRows(page.items, task.objectId);
    const listed = page.items.filter(hasUsableId); // a null or id-less item is skipped by the writer, with a warning
    const allFollowUps = task.kind.followUps?.(listed, groupPolicy) ?? [];
    const followUps = quick ? quick.keepFollowUps(task.kindName, listed, allFollowUps) : allFollowUps;
    this.requestCap.raise(estimateRaise(task.kindName, { items: listed, nextUrl: page.nextUrl }, followUps));
    writer.commitPage(task.key, rows, page.nextUrl, followUps, followed);
    progress.pageReceived();
  }

  /**
   * Ends a listing Okta would not give: an object deleted while the pull ran has nothing left to list; a refusal (403)
   * stops that object only, or the whole kind when the listing is not per object or the refusals show the kind is
   * denied. Anything else fails the pull.
   */
  private endRefused(task: Task, error: unknown): void {
    if (!(error instanceof OktaError)) throw error;
    if (error.kind === 'not-found' && task.objectId !== '') return this.markDone(task.key);
    if (error.kind !== 'permission') throw error;
    const { db, snapshotId, writer, deniedKinds, denials } = this.run;
    const { objectKind } = task.kind;
    writer.flush();
    if (deniedKinds.has(objectKind)) return this.markDone(task.key);
    const perObject = task.objectId !== '' && denials.isPerObject(task.kindName);
    const refused = { key: task.key, kindName: task.kindName, objectKind, objectId: task.objectId };
    if (!perObject || denials.refused(refused, error) === 'kind') deniedKinds.add(objectKind);
    if (!perObject) {
      recordSnapshotGap(db, snapshotId, { objectKind, reason: WHOLE_KIND_DENIED, message: error.message });
    }
    this.markDone(task.key);
  }
}
