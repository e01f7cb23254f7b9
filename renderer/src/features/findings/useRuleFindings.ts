// One rule's findings, a page at a time (audit.findings with the rule id and the keyset cursor): the first page when
// the snapshot or thresholds change, more on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditThresholds, Finding } from '../../../../shared/audit/auditTypes';
import { describeError, type ErrorDescription } from '../../service/describeError';
import { useService } from '../../service/ServiceContext';

export const FINDINGS_PER_PAGE = 50;

interface RuleFindingsState {
  findings: Finding[];
  next: string | null;
  loading: boolean;
  error: ErrorDescription | null;
}

export function useRuleFindings(snapshotId: number, ruleId: string, thresholds: AuditThresholds) {
  const client = useService();
  const [state, setState] = useState<RuleFindingsState>({ findings: [], next: null, loading: true, error: null });
  // Answers to an older snapshot or thresholds are dropped.
  const generation = useRef(0);
  const key = JSON.stringify([snapshotId, ruleId, thresholds]);

  const load = useCallback(
    (after: string | null, ticket: number) => {
      const params = { snapshotId, ruleId, thresholds, limit: FINDINGS_PER_PAGE, ...(after && { after }) };
      setState((current) => ({ ...current, loading: true }));
      client.call('audit.findings', params).then(
        (page) => {
          if (ticket !== generation.current) return;
          setState((current) => ({
            findings: after ? [...current.findings, ...page.findings] : page.findings,
            next: page.next,
            loading: false,
            error: null,
          }));
        },
        (caught: unknown) => {
          if (ticket === generation.current)
            setState((current) => ({ ...current, loading: false, error: describeError(caught) }));
        },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for snapshotId, ruleId and thresholds
    [client, key],
  );

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- marks the first page loading as it is asked for
    load(null, ++generation.current);
  }, [load]);

  const loadMore = useCallback(() => {
    if (state.next) load(state.next, generation.current);
  }, [load, state.next]);
  return { ...state, loadMore };
}
