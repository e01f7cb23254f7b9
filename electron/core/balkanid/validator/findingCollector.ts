// Collects findings: complete counts per rule, but only N findings of each rule kept in memory — those on the lowest
// lines, whatever order they arrive in (checks over spilled indexes report in partition order, not line order).
import {
  RULES,
  type Finding,
  type FindingFile,
  type RuleId,
  type ValidationReport,
} from '../../../../shared/balkanid/findings';
import { ownCopy } from './ownCopy';

export const DEFAULT_MAX_FINDINGS_PER_RULE = 1000;
const MAX_VALUE_CHARS = 200;

export interface FindingInput {
  rule: RuleId;
  line: number;
  column?: string;
  /** 1-based cell position in the row. */
  columnNumber?: number;
  message: string;
  /** Overrides the rule's general fix text. */
  fix?: string;
  value?: string;
}

const FILE_ORDER: Record<FindingFile, number> = { entities: 0, relations: 1, entitlements: 2 };
const fileOrder = (file: FindingFile) => FILE_ORDER[file];

/** A finding with the order it was reported in, which breaks ties (several header findings share line 1). */
interface Numbered {
  finding: Finding;
  seq: number;
}

/** Negative when a comes first in a report: by file, line, cell, then the order reported. */
function compareFindings(a: Numbered, b: Numbered): number {
  const x = a.finding;
  const y = b.finding;
  return (
    fileOrder(x.file) - fileOrder(y.file) ||
    x.line - y.line ||
    (x.columnNumber ?? 0) - (y.columnNumber ?? 0) ||
    a.seq - b.seq
  );
}

/** The `limit` first findings seen so far, as a max-heap: the root is the one to drop when an earlier one comes. */
class LowestFindings {
  readonly heap: Numbered[] = [];

  constructor(private readonly limit: number) {}

  /** False when a finding at this place would be dropped at once (saves building it). */
  wouldKeep(file: FindingFile, line: number): boolean {
    if (this.heap.length < this.limit) return true;
    const root = this.heap[0]?.finding;
    return root !== undefined && (fileOrder(file) - fileOrder(root.file) || line - root.line) <= 0;
  }

  offer(entry: Numbered): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(entry);
      this.siftUp(heap.length - 1);
    } else if (this.limit > 0 && compareFindings(entry, heap[0]!) < 0) {
      heap[0] = entry;
      this.siftDown(0);
    }
  }

  private siftUp(at: number): void {
    const heap = this.heap;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (compareFindings(heap[at]!, heap[parent]!) <= 0) return;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  }

  private siftDown(at: number): void {
    const heap = this.heap;
    for (;;) {
      let largest = at;
      for (const child of [2 * at + 1, 2 * at + 2]) {
        if (child < heap.length && compareFindings(heap[child]!, heap[largest]!) > 0) largest = child;
      }
      if (largest === at) return;
      [heap[at], heap[largest]] = [heap[largest]!, heap[at]!];
      at = largest;
    }
  }
}

export class FindingCollector {
  private readonly kept = new Map<RuleId, LowestFindings>();
  private readonly counts = new Map<RuleId, number>();
  private seq = 0;

  constructor(readonly maxPerRule: number = DEFAULT_MAX_FINDINGS_PER_RULE) {}

  add(file: FindingFile, input: FindingInput): void {
    this.counts.set(input.rule, (this.counts.get(input.rule) ?? 0) + 1);
    let kept = this.kept.get(input.rule);
    if (!kept) this.kept.set(input.rule, (kept = new LowestFindings(this.maxPerRule)));
    if (!kept.wouldKeep(file, input.line)) return;
    const rule = RULES[input.rule];
    // Own copies: a message or value built from a cell would otherwise keep the whole decoded text around that cell
    // alive, for as long as the finding is kept.
    const finding: Finding = {
      rule: input.rule,
      severity: rule.severity,
      file,
      line: input.line,
      message: ownCopy(input.message),
      fix: input.fix === undefined ? rule.fix : ownCopy(input.fix),
    };
    if (input.column !== undefined) finding.column = ownCopy(input.column);
    if (input.columnNumber !== undefined) finding.columnNumber = input.columnNumber;
    if (input.value !== undefined) finding.value = ownCopy(truncateValue(input.value));
    kept.offer({ finding, seq: this.seq++ });
  }

  /** How many findings of a rule were reported so far (kept or not). */
  count(rule: RuleId): number {
    return this.counts.get(rule) ?? 0;
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
    const findings = [...this.kept.values()]
      .flatMap((kept) => kept.heap)
      .sort(compareFindings)
      .map((entry) => entry.finding);
    return {
      files,
      errorCount,
      warningCount,
      countsByRule,
      maxFindingsPerRule: this.maxPerRule,
      findings,
      unreferencedEntityCount,
    };
  }
}

export interface FileFindings {
  add(input: FindingInput): void;
}

export function truncateValue(value: string): string {
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
}
