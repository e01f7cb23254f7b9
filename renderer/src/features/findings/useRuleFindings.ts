// One rule's findings, a page at a time (audit.findings with the rule id and the keyset cursor): the first page when
// the snapshot or thresholds change, more on demand.
import type { AuditThresholds } from '../../../../shared/audit/auditTypes';
import { useKeysetList } from '../../hooks/useKeysetList';
import { useService } from '../../service/ServiceContext';

export const FINDINGS_PER_PAGE = 50;

export function useRuleFindings(snapshotId: number, ruleId: string, thresholds: AuditThresholds) {
  const client = useService();
  const list = useKeysetList(JSON.stringify([snapshotId, ruleId, thresholds]), async (after) => {
    const params = { snapshotId, ruleId, thresholds, limit: FINDINGS_PER_PAGE, ...(after && { after }) };
    const page = await client.call('audit.findings', params);
    return { items: page.findings, next: page.next };
  });
  return { ...list, findings: list.items };
}
