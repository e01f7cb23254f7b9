// Collects findings: complete counts per rule, but only the first N findings of each rule kept in memory.
import {
  RULES,
  type Finding,
  type FindingFile,
  type RuleId,
  type ValidationReport,
} from '../../../../shared/balkanid/findings';

export const DEFAULT_MAX_FINDINGS_PER_RULE = 1000;
const MAX_VALUE_CHARS = 200;

export interface FindingInput {
  rule: RuleId;
  line: number;
  column?: string;
  message: string;
  /** Overrides the rule's general fix text. */
  fix?: string;
  value?: string;
}

export class FindingCollector {
  private readonly kept: Finding[] = [];
  private readonly counts = new Map<RuleId, number>();

  constructor(private readonly maxPerRule: number = DEFAULT_MAX_FINDINGS_PER_RULE) {}

  add(file: FindingFile, input: FindingInput): void {
    const count = (this.counts.get(input.rule) ?? 0) + 1;
    this.counts.set(input.rule, count);
    if (count > this.maxPerRule) return;
    const rule = RULES[input.rule];
    const finding: Finding = {
      rule: input.rule,
      severity: rule.severity,
      file,
      line: input.line,
      message: input.message,
      fix: input.fix ?? rule.fix,
    };
    if (input.column !== undefined) finding.column = input.column;
    if (input.value !== undefined) finding.value = truncateValue(input.value);
    this.kept.push(finding);
  }

  /** A view bound to one file, so checks need not pass the file name around. */
  forFile(file: FindingFile): FileFindings {
    return { add: (input) => this.add(file, input) };
  }

  report(files: ValidationReport['files'], unreferencedEntityCount: number | null): ValidationReport {
    let errorCount = 0;
    let warningCount = 0;
    const countsByRule: ValidationReport['countsByRule'] = {};
    for (const [rule, count] of this.counts) {
      countsByRule[rule] = count;
      if (RULES[rule].severity === 'error') errorCount += count;
      else warningCount += count;
    }
    const fileOrder = (file: FindingFile) => (file === 'entities' ? 0 : 1);
    const findings = [...this.kept].sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.line - b.line);
    return { files, errorCount, warningCount, countsByRule, findings, unreferencedEntityCount };
  }
}

export interface FileFindings {
  add(input: FindingInput): void;
}

export function truncateValue(value: string): string {
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
}
