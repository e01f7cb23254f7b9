// Draws distinct positions from a pool without replacement in O(k) per draw (partial Fisher–Yates).
import type { SeededRandom } from './random';

export class PositionSampler {
  private readonly pool: Int32Array;

  /** `positions` is the pool to draw from, e.g. indices of eligible users in the id-sorted user list. */
  constructor(
    positions: readonly number[],
    private readonly random: SeededRandom,
  ) {
    this.pool = Int32Array.from(positions);
  }

  get size(): number {
    return this.pool.length;
  }

  /**
   * `count` distinct positions, ascending. The pool stays a permutation between draws, so each
   * draw costs O(count) rather than O(pool) — needed for ~1M memberships at 100k users.
   */
  sample(count: number): Int32Array {
    const n = this.pool.length;
    const k = Math.max(0, Math.min(Math.floor(count), n));
    for (let j = 0; j < k; j++) {
      const r = j + this.random.int(n - j);
      const tmp = this.pool[j] as number;
      this.pool[j] = this.pool[r] as number;
      this.pool[r] = tmp;
    }
    return this.pool.slice(0, k).sort();
  }
}
