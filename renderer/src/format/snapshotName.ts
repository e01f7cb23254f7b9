// How a snapshot is named everywhere it appears (Past pulls, pickers, the header, Export): its number, the org it
// came from (host) and the user's label, so two clients' pulls in one cache are never mistaken for each other.
import type { SnapshotSummary } from '../../../shared/service/types';

/** "acme.okta.com" from "https://acme.okta.com" (the port stays: two local orgs differ only by it). */
export function orgHost(orgUrl: string): string {
  return orgUrl.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}

/** "#3 · acme.okta.com · “Before clean-up”" */
export function snapshotName(snapshot: Pick<SnapshotSummary, 'id' | 'orgUrl' | 'label'>): string {
  return `#${snapshot.id} · ${orgHost(snapshot.orgUrl)}${snapshot.label ? ` · “${snapshot.label}”` : ''}`;
}
