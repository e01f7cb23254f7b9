// Caches values derived from the live org model, recomputed only when their inputs change.
// Tests may mutate the model between requests, so each cache entry remembers its inputs
// (object identities and lengths) and is rebuilt when any of them differs.

const caches = new WeakMap<object, Map<string, { deps: readonly unknown[]; value: unknown }>>();

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Returns the cached value for (owner, key) if `deps` are unchanged, else recomputes it. */
export function memoize<T>(owner: object, key: string, deps: readonly unknown[], compute: () => T): T {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  const hit = cache.get(key);
  if (hit && sameDeps(hit.deps, deps)) return hit.value as T;
  const value = compute();
  cache.set(key, { deps, value });
  return value;
}
