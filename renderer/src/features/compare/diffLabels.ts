// How a kind's change is named on the Compare screen ("group memberships gained", "users changed status").
import { DIFF_KIND_LABELS, type DiffChange, type DiffKind } from '../../../../shared/audit/snapshotDiff';

export interface DiffSelection {
  kind: DiffKind;
  change: DiffChange;
}

export function changeLabel({ kind, change }: DiffSelection): string {
  const labels = DIFF_KIND_LABELS[kind];
  return `${labels.label} ${change === 'changed' ? 'changed status' : labels[change]}`;
}

export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
