// The pull's request cap: one run of a pull may make at most multiplier × its estimate + 100 requests
// (requestEstimate.ts).
// A listing that never ends but always brings new items escapes loop detection; the cap stops it, and the pull pauses
// (resumably) instead of hammering the org's shared rate limits on its own. A resume gets a fresh allowance.
import type { OktaClient } from '../okta/oktaClient';
import type { Db } from '../store/openDatabase';
import { initialEstimate, readOrgUserCount } from './requestEstimate';

export const DEFAULT_REQUEST_CAP_MULTIPLIER = 3;
const HEADROOM = 100;

export class RequestCapReached extends Error {
  override name = 'RequestCapReached';
  constructor(
    readonly requests: number,
    readonly estimate: number,
    readonly multiplier: number,
  ) {
    super(
      `paused: this pull made ${requests} requests, ${multiplier}× its estimate of ${estimate} + ${HEADROOM}; ` +
        `Okta may be looping (a listing that never ends)`,
    );
  }
}

export function storedRequestEstimate(db: Db, snapshotId: number): number | undefined {
  const value = db.prepare(`SELECT request_estimate FROM snapshots WHERE id = ?`).pluck().get(snapshotId) as
    number | null | undefined;
  return value ?? undefined;
}

export class RequestCap {
  private used = 0;
  private readonly saveEstimate;

  constructor(
    db: Db,
    private readonly snapshotId: number,
    private estimate: number,
    private readonly multiplier: number,
  ) {
    if (!(multiplier > 0)) throw new RangeError(`the request cap multiplier must be above 0, got ${multiplier}`);
    this.saveEstimate = db.prepare(`UPDATE snapshots SET request_estimate = ? WHERE id = ?`);
    this.estimate = Math.ceil(estimate);
    this.saveEstimate.run(this.estimate, snapshotId);
  }

  get limit(): number {
    // the estimate as stored and said: whole requests
    return Math.ceil(this.multiplier * Math.ceil(this.estimate)) + HEADROOM;
  }

  /** More objects revealed: the estimate grows by `requests` (fractions add up; kept on the snapshot, rounded up). */
  raise(requests: number): void {
    if (!(requests > 0)) return;
    this.estimate += requests;
    this.saveEstimate.run(Math.ceil(this.estimate), this.snapshotId);
  }

  /** Called before every request of the pull (OktaClient.requestGate): throws once the allowance is used up. */
  readonly gate = (): void => {
    if (this.used >= this.limit) throw new RequestCapReached(this.used, Math.ceil(this.estimate), this.multiplier);
    this.used++;
  };
}

/** The cap for this run: a resumed pull keeps the estimate it stored, a fresh one reads Okta's counts first. */
export async function openRequestCap(
  db: Db,
  client: OktaClient,
  input: { snapshotId: number; includeFactors: boolean; multiplier?: number; signal?: AbortSignal },
): Promise<RequestCap> {
  const stored = storedRequestEstimate(db, input.snapshotId);
  const estimate = stored ?? initialEstimate(await readOrgUserCount(client, input.signal), input.includeFactors);
  const cap = new RequestCap(db, input.snapshotId, estimate, input.multiplier ?? DEFAULT_REQUEST_CAP_MULTIPLIER);
  client.requestGate = cap.gate;
  return cap;
}
