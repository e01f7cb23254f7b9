// Unit tests for grouping validation findings by rule (errors first, complete counts even when findings were capped).
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../shared/balkanid/findings';
import { groupFindingsByRule } from '../../renderer/src/features/validate/groupFindings';

const report: ValidationReport = {
  files: { entities: { path: 'entities.csv', rows: 2 } },
  errorCount: 3,
  warningCount: 1,
  countsByRule: { 'lf-line-ends': 1, 'entity-type': 3 },
  maxFindingsPerRule: 1000,
  findings: [
    { rule: 'lf-line-ends', severity: 'warning', file: 'entities', line: 0, message: 'LF only', fix: 'CRLF' },
    {
      rule: 'entity-type',
      severity: 'error',
      file: 'entities',
      line: 3,
      column: 'Entity Type',
      message: 'bad',
      fix: 'fix',
      value: 'user',
    },
  ],
  unreferencedEntityCount: null,
};

describe('groupFindingsByRule', () => {
  it('puts errors first and keeps the complete count', () => {
    const groups = groupFindingsByRule(report);
    expect(groups.map((group) => group.rule)).toEqual(['entity-type', 'lf-line-ends']);
    expect(groups[0]).toMatchObject({ severity: 'error', title: 'Unknown entity type', count: 3 });
    expect(groups[0]?.findings).toHaveLength(1);
  });

  it('shows the fix the findings share instead of the general one', () => {
    const groups = groupFindingsByRule(report);
    expect(groups[0]?.fix).toBe('fix');
    const mixed = groupFindingsByRule({
      ...report,
      findings: [...report.findings, { ...report.findings[1]!, line: 4, fix: 'other' }],
    });
    expect(mixed[0]?.fix).toBe('Use one of identity, connection or resource, in lowercase.');
  });
});
