// One rule's findings, a page at a time (audit.findings with the rule id and the keyset cursor): the first page when
// the snapshot or thresholds change, more on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditThresholds, Finding, FindingsPage } from '../../../../shared/audit/auditTypes';
import { describeError, type ErrorDescription } from '../../service/describeError';
import { useService } from '../../service/ServiceContext';

export const FINDINGS_PER_PAGE = 50;

interface RuleFindingsState {
  findings: Finding[];
  next: string | null;
  loading: boolean;
  error: ErrorDescription | null;
}

/** The state once a page came: the first page replaces what was shown, a later one adds to it. */
function withPage(current: RuleFindingsState, page: FindingsPage, after: string | null): RuleFindingsState {
  const findings = after ? [...current.findings, ...page.findings] : page.findings;
  return { findings, next: page.next, loading: false, error: null };
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
          if (ticket === generation.current) setState((current) => withPage(current, page, after));
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
