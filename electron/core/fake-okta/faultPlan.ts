// Injected faults (5xx, dropped sockets, stalls, cut-off bodies), decided deterministically from a seed so that a
// flaky-network test fails the same way on every run. The stage sits after auth: a request that would 401 never faults.
import { errorBody, internalError, serviceUnavailable } from './errors';
import type { Stage } from './pipeline';
import { hashToUnit } from './random';
import type { StatsRecorder } from './serverStats';

export const FAULT_KINDS = ['500', '503', 'reset', 'stall', 'truncate'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  seed: string | number;
  /** Probability in [0, 1] that a request faults, e.g. 0.03. */
  rate: number;
  /** Default: all five kinds, picked with equal odds. */
  kinds?: FaultKind[];
  /** How long a `stall` holds the request; default 10000. */
  stallMs?: number;
  /** What a `stall` does after stallMs: answer normally (default) or drop the socket without an answer. */
  stallThen?: 'answer' | 'drop';
  /**
   * What a decision is keyed on. `url` (default): method + path + query + how many times that URL was asked
   * before, so a retry gets a fresh draw and concurrent clients still see the same faults. `ordinal`: the
   * request's arrival number (deterministic only for a sequential client).
   */
  keyBy?: 'url' | 'ordinal';
}

export class FaultPlan {
  private readonly kinds: readonly FaultKind[];
  private readonly attempts = new Map<string, number>();
  private ordinal = 0;
  readonly stallMs: number;
  readonly stallThen: 'answer' | 'drop';

  constructor(private readonly options: FaultOptions) {
    if (!(options.rate >= 0 && options.rate <= 1))
      throw new RangeError(`faults.rate must be in [0, 1], got ${options.rate}`);
    this.kinds = options.kinds && options.kinds.length > 0 ? [...options.kinds] : FAULT_KINDS;
    for (const kind of this.kinds)
      if (!FAULT_KINDS.includes(kind)) throw new RangeError(`unknown fault kind ${String(kind)}`);
    this.stallMs = options.stallMs ?? 10_000;
    this.stallThen = options.stallThen ?? 'answer';
  }

  /** The fault for this request, or null. Each call counts as one attempt of `method pathAndQuery`. */
  decide(method: string, pathAndQuery: string): FaultKind | null {
    let key: string;
    if (this.options.keyBy === 'ordinal') key = `#${this.ordinal++}`;
    else {
      const url = `${method.toUpperCase()} ${pathAndQuery}`;
      const attempt = this.attempts.get(url) ?? 0;
      this.attempts.set(url, attempt + 1);
      key = `${url} #${attempt}`;
    }
    const seed = String(this.options.seed);
    if (hashToUnit(`fault:${seed}:${key}`) >= this.options.rate) return null;
    const pick = Math.floor(hashToUnit(`kind:${seed}:${key}`) * this.kinds.length);
    return this.kinds[Math.min(pick, this.kinds.length - 1)] as FaultKind;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function injectFaults(plan: FaultPlan, stats: StatsRecorder): Stage {
  return async (request, next) => {
    const fault = plan.decide(request.method, `${request.url.pathname}${request.url.search}`);
    if (!fault) return next();
    stats.fault(fault);
    switch (fault) {
      case '500':
        return { status: 500, body: errorBody(internalError()), headers: {} };
      case '503':
        return { status: 503, body: errorBody(serviceUnavailable()), headers: {} };
      case 'reset':
        return { status: 0, body: null, headers: {}, transportFault: 'reset' };
      case 'stall':
        await sleep(plan.stallMs);
        return plan.stallThen === 'drop' ? { status: 0, body: null, headers: {}, transportFault: 'reset' } : next();
      case 'truncate':
        return { ...(await next()), transportFault: 'truncate' };
    }
  };
}
