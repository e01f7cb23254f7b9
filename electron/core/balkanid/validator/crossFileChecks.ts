// Checks that need both files: confirming repeated relations, and the summary of entities no relation mentions.
import type { EntityIndex } from './entityIndex';
import type { FileFindings } from './findingCollector';
import type { RelationDuplicateFinder } from './relationDuplicates';

/** Reports exact duplicate relations; `rows` re-reads the relations file as (line, key). */
export async function reportDuplicateRelations(
  finder: RelationDuplicateFinder,
  rows: () => AsyncIterable<{ line: number; key: string | undefined }>,
  findings: FileFindings,
): Promise<void> {
  if (!finder.needsConfirmation) return;
  for (const duplicate of await finder.confirm(rows())) {
    const [parentId, parentType, childId, childType] = duplicate.key.split('\u0000');
    findings.add({
      rule: 'duplicate-relation',
      line: duplicate.line,
      message:
        `Line ${duplicate.line}: the relation from ${parentType} "${parentId}" to ${childType} "${childId}" was ` +
        `already listed on line ${duplicate.firstLine}.`,
    });
  }
}

/** One summary finding (count only) for entities no relation mentions; returns the count. */
export function reportUnreferencedEntities(index: EntityIndex, findings: FileFindings): number {
  const summary = index.unreferenced();
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
