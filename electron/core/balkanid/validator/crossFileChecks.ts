// The summary finding that needs both files: entities no relation mentions (a count, not one finding per entity).
import type { UnreferencedSummary } from './entityIndex';
import type { FileFindings } from './findingCollector';

/** One summary finding (count only) for entities no relation mentions; returns the count. */
export function reportUnreferencedEntities(summary: UnreferencedSummary, findings: FileFindings): number {
  if (summary.first) {
    const { line, entityType, sourceId } = summary.first;
    const count = summary.count.toLocaleString('en-US');
    findings.add({
      rule: 'unreferenced-entity',
      line: 0,
      message:
        `${count} of ${summary.total.toLocaleString('en-US')} entities are not mentioned by any relation (the ` +
        `first: ${entityType} "${sourceId}" on line ${line}).`,
    });
  }
  return summary.count;
}
