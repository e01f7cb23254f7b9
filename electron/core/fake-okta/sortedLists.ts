// Keeps the model's lists sorted by key and finds items by binary search, so a page costs O(limit + log n).
// The model promises sorted lists, but tests may append to them between requests: a list whose
// length changed is checked again (and sorted in place if needed) before it is searched.
import { compareIds } from './ids';

const verifiedLengths = new WeakMap<object, number>();

export type KeyOf<T> = (item: T) => string;
export const idOf = <T extends { id: string }>(item: T): string => item.id;
export const itself = (item: string): string => item;

export function ensureSorted<T>(list: T[], keyOf: KeyOf<T>): T[] {
  if (verifiedLengths.get(list) === list.length) return list;
  for (let i = 1; i < list.length; i++) {
    if (compareIds(keyOf(list[i - 1] as T), keyOf(list[i] as T)) > 0) {
      list.sort((a, b) => compareIds(keyOf(a), keyOf(b)));
      break;
    }
  }
  verifiedLengths.set(list, list.length);
  return list;
}

/** Index of the first item whose key is greater than `key` (or the first item when `key` is null). */
export function indexAfter<T>(list: readonly T[], key: string | null, keyOf: KeyOf<T>): number {
  if (key === null) return 0;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareIds(keyOf(list[mid] as T), key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function binarySearch<T>(list: readonly T[], key: string, keyOf: KeyOf<T>): T | undefined {
  const index = indexAfter(list, key, keyOf) - 1;
  const item = list[index];
  return item !== undefined && keyOf(item) === key ? item : undefined;
}

/** Finds by key; on a miss the list is re-verified once, in case it was edited in place. */
export function findByKey<T>(list: T[], key: string, keyOf: KeyOf<T>): T | undefined {
  const found = binarySearch(ensureSorted(list, keyOf), key, keyOf);
  if (found !== undefined) return found;
  verifiedLengths.delete(list);
  return binarySearch(ensureSorted(list, keyOf), key, keyOf);
}

export function containsId(sortedIds: string[], id: string): boolean {
  return findByKey(sortedIds, id, itself) !== undefined;
}
