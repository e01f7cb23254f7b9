// Findings of a snapshot as pages that run through the rule table in order: a page may end inside one rule and the
// cursor says where to go on (rule id + that rule's own keyset cursor).
import type { AuditThresholds, Finding, FindingRuleSummary, FindingsPage } from '../../../../shared/audit/auditTypes';
import type { Db } from '../../store/openDatabase';
import { AuditError, type AuditSnapshot } from '../auditSnapshot';
import { DEFAULT_THRESHOLDS, type FindingRule, type RuleContext } from './findingRule';
import { FINDING_RULES } from './ruleTable';

export const FINDINGS_PAGE_DEFAULT = 200;
export const FINDINGS_PAGE_MAX = 1000;

export interface FindingsRequest {
  /** Only this rule's findings. */
  ruleId?: string;
  after?: string | null;
  limit?: number;
  thresholds?: Partial<AuditThresholds>;
}

interface Cursor {
  rule: string;
  after: string | null;
}

export function resolveThresholds(given: Partial<AuditThresholds> = {}): AuditThresholds {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...given };
  if (!Number.isInteger(thresholds.dormantDays) || thresholds.dormantDays < 1 || thresholds.dormantDays > 36500)
    throw new AuditError(
      `dormant days must be a whole number from 1 to 36500, not ${thresholds.dormantDays}`,
      'bad-input',
    );
  if (thresholds.strongFactorTypes.length === 0 || thresholds.strongFactorTypes.some((type) => type.trim() === ''))
    throw new AuditError('strong factor types must be a list of Okta factor types (e.g. push,webauthn)', 'bad-input');
  return thresholds;
}

function rulesAsked(ruleId: string | undefined): readonly FindingRule[] {
  if (ruleId === undefined) return FINDING_RULES;
  const rule = FINDING_RULES.find((candidate) => candidate.id === ruleId);
  if (!rule)
    throw new AuditError(
      `there is no finding rule "${ruleId}"; the rules are ${FINDING_RULES.map((r) => r.id).join(', ')}`,
      'bad-input',
    );
  return [rule];
}

function parseCursor(after: string | null | undefined, rules: readonly FindingRule[]): Cursor {
  if (!after) return { rule: rules[0]!.id, after: null };
  try {
    const cursor = JSON.parse(after) as Cursor;
    if (rules.some((rule) => rule.id === cursor.rule) && (cursor.after === null || typeof cursor.after === 'string'))
      return cursor;
  } catch {
    // fall through to the message below
  }
  throw new AuditError('the page cursor is not one this query returned: start again without it', 'bad-input');
}

export function ruleSummaries(context: RuleContext): FindingRuleSummary[] {
  return FINDING_RULES.map(({ id, severity, title, explanation, thresholds, notApplicable }) => {
    const note = notApplicable?.(context);
    return { id, severity, title, explanation, thresholds, applicable: note === undefined, ...(note && { note }) };
  });
}

export function findingsPage(db: Db, snapshot: AuditSnapshot, request: FindingsRequest = {}): FindingsPage {
  const context: RuleContext = { db, snapshot, thresholds: resolveThresholds(request.thresholds) };
  const rules = rulesAsked(request.ruleId);
  const limit = Math.min(Math.max(1, request.limit ?? FINDINGS_PAGE_DEFAULT), FINDINGS_PAGE_MAX);
  const cursor = parseCursor(request.after, rules);
  const findings: Finding[] = [];
  let index = rules.findIndex((rule) => rule.id === cursor.rule);
  let after = cursor.after;
  // Each turn either fills the page or finishes one rule, so the loop ends after at most one turn per rule.
  while (index < rules.length && findings.length < limit) {
    const rule = rules[index]!;
    const page = rule.notApplicable?.(context)
      ? { findings: [], next: null }
      : rule.page(context, after, limit - findings.length);
    findings.push(...page.findings);
    if (page.next !== null)
      return { rules: ruleSummaries(context), findings, next: JSON.stringify({ rule: rule.id, after: page.next }) };
    index++;
    after = null;
  }
  const next = index < rules.length ? JSON.stringify({ rule: rules[index]!.id, after: null }) : null;
  return { rules: ruleSummaries(context), findings, next };
}

/** Every finding, page after page (for exports); ends when a page says there is no next. */
export function* allFindings(db: Db, snapshot: AuditSnapshot, request: Omit<FindingsRequest, 'after' | 'limit'>) {
  let after: string | null = null;
  do {
    const page = findingsPage(db, snapshot, { ...request, after, limit: FINDINGS_PAGE_MAX });
    yield* page.findings;
    after = page.next;
  } while (after !== null);
}
