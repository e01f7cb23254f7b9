// How each finding severity is named and coloured on the Findings screen, most severe first.
import type { FindingSeverity } from '../../../../shared/audit/auditTypes';

export const SEVERITIES: readonly FindingSeverity[] = ['high', 'medium', 'low', 'info'];

export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Information',
};

/** The badge colours the app already uses: error red, warning amber, running blue, plain. */
export const SEVERITY_BADGE: Record<FindingSeverity, string> = {
  high: 'badge badge-error',
  medium: 'badge badge-warning',
  low: 'badge badge-running',
  info: 'badge',
};
