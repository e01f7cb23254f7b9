// Ordered views for the Browse screen: the keys of one query's rows (filtered and sorted) written once into a temp
// table numbered 1..n, so any page of it, row 10 or row 900,000, is one primary-key seek. Views of complete
// snapshots are kept (a few, least recently used first out); those of a running pull are dropped after one read,
// since its rows still change.
import type { Db } from '../../store/openDatabase';

/** A view holds at most this many rows; beyond it the page says the view was cut and how to narrow it. */
export const MAX_VIEW_ROWS = 1_000_000;
const MAX_KEPT_VIEWS = 6;

export interface OrderedView {
  /** The temp table: ord (1..total) → k (the row's key in its table). */
  table: string;
  total: number;
  /** More rows matched than MAX_VIEW_ROWS; the view holds the first of them. */
  cut: boolean;
}

/** Whether a snapshot's views may be kept, and what tells this snapshot from another with the same id. */
export interface ViewScope {
  keep: boolean;
  stamp: string;
}

export interface ViewRequest {
  /** Everything that decides the view's rows and order (snapshot, table, filters, sort). */
  key: string;
  /** A SELECT of one column, the row keys, ending in its ORDER BY (no LIMIT); its parameters are `values`. */
  selectKeys: string;
  values: Record<string, unknown>;
  /** False for a snapshot still being written: the view is dropped after this read. */
  keep: boolean;
}

export class ViewCache {
  private readonly views = new Map<string, OrderedView>();
  private created = 0;

  constructor(private readonly db: Db) {
    db.pragma('temp_store = MEMORY');
  }

  /** Runs `read` on the view of `request`, building it first unless a kept one matches. */
  withView<T>(request: ViewRequest, read: (view: OrderedView) => T): T {
    const kept = this.views.get(request.key);
    if (kept) {
      this.views.delete(request.key); // re-inserted below: most recently used last
      this.views.set(request.key, kept);
      return read(kept);
    }
    const view = this.build(request);
    try {
      return read(view);
    } finally {
      if (request.keep) this.keep(request.key, view);
      else this.drop(view);
    }
  }

  private build(request: ViewRequest): OrderedView {
    const table = `temp.browse_view_${++this.created}`;
    this.db.exec(`CREATE TABLE ${table} (ord INTEGER PRIMARY KEY, k NOT NULL)`);
    try {
      const { changes } = this.db
        .prepare(`INSERT INTO ${table} (k) ${request.selectKeys} LIMIT ${MAX_VIEW_ROWS + 1}`)
        .run(request.values);
      if (changes > MAX_VIEW_ROWS) this.db.prepare(`DELETE FROM ${table} WHERE ord > ${MAX_VIEW_ROWS}`).run();
      return { table, total: Math.min(changes, MAX_VIEW_ROWS), cut: changes > MAX_VIEW_ROWS };
    } catch (error) {
      this.db.exec(`DROP TABLE IF EXISTS ${table}`);
      throw error;
    }
  }

  private keep(key: string, view: OrderedView): void {
    this.views.set(key, view);
    for (const [oldKey, oldView] of this.views) {
      if (this.views.size <= MAX_KEPT_VIEWS) break;
      this.views.delete(oldKey);
      this.drop(oldView);
    }
  }

  private drop(view: OrderedView): void {
    this.db.exec(`DROP TABLE IF EXISTS ${view.table}`);
  }

  /** Forgets every view (the snapshot list changed: a snapshot id may now hold other rows). */
  clear(): void {
    for (const view of this.views.values()) this.drop(view);
    this.views.clear();
  }
}

const cachesByDb = new WeakMap<Db, ViewCache>();

/** The view cache of a connection (temp tables belong to the connection that made them). */
export function viewCacheOf(db: Db): ViewCache {
  let cache = cachesByDb.get(db);
  if (!cache) cachesByDb.set(db, (cache = new ViewCache(db)));
  return cache;
}
