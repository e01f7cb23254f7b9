// Shared pieces of the org mutation helpers: the target (org + clock), Okta timestamps from the server clock,
// stable new ids, and sorted insertion (the model promises id-sorted lists).
import { oktaTimestamp, type FakeServerClock } from './fakeClock';
import type { FakeOrg } from './generateOrg';
import { compareIds } from './ids';
import { findByKey, idOf, type KeyOf } from './sortedLists';

/** Anything with the live org and the clock to stamp changes with: a FakeOktaServer, or a test's own pair. */
export interface OrgMutationTarget {
  org: FakeOrg;
  clock: FakeServerClock;
}

/** Okta's timestamp (whole seconds, ".000Z") for the target's "now". */
export const stampOf = (target: OrgMutationTarget): string => oktaTimestamp(target.clock.now());

const issuedIds = new WeakMap<FakeOrg, number>();

/** A new 20-character id ("00uMut00000000001" + "0m0"), unique within the org and stable across runs. */
export function newObjectId(org: FakeOrg, prefix: string): string {
  let n = issuedIds.get(org) ?? 0;
  let id: string;
  do id = `${prefix}Mut${String(++n).padStart(11, '0')}0m0`;
  while (findByKey(org.users, id, idOf) || findByKey(org.groups, id, idOf));
  issuedIds.set(org, n);
  return id;
}

/** Inserts into a key-sorted array in place, keeping it sorted. */
export function insertSorted<T>(list: T[], item: T, keyOf: KeyOf<T>): void {
  const key = keyOf(item);
  let index = list.findIndex((existing) => compareIds(keyOf(existing), key) > 0);
  if (index < 0) index = list.length;
  list.splice(index, 0, item);
}
