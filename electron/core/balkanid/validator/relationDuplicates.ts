// Finds relations listed twice. A relation is its two ends with their types; Metadata is not part of it. Relations
// whose ends are known entities are keyed by the two entity numbers (exact, eight bytes); the others by their text.
// Both sets keep memory bounded by spilling, and both compare keys exactly: a hash never makes or hides a finding.
import type { EntityIndex } from './entityIndex';
import type { FileFindings } from './findingCollector';
import { PairKeySet } from './spill/pairKeySet';
import type { SpillFolder } from './spill/spillFolder';
import { StringKeySet } from './spill/stringKeySet';

export interface RelationKeyParts {
  parentId: string;
  parentType: string;
  childId: string;
  childType: string;
}

export interface DuplicateLimits {
  /** Relation keys (entity-number pairs) kept in memory before spilling. */
  maxPairKeysInMemory: number;
  /** Bytes of text keys kept in memory before spilling. */
  maxTextKeyBytesInMemory: number;
}

const SEPARATOR = '\u0000';

export function relationKeyText(parts: RelationKeyParts): string {
  return `${parts.parentId}${SEPARATOR}${parts.parentType}${SEPARATOR}${parts.childId}${SEPARATOR}${parts.childType}`;
}

function reportDuplicate(findings: FileFindings, line: number, firstLine: number, parts: RelationKeyParts): void {
  findings.add({
    rule: 'duplicate-relation',
    line,
    value: `${parts.parentId} → ${parts.childId}`,
    message:
      `Line ${line}: the relation from ${parts.parentType} "${parts.parentId}" to ${parts.childType} ` +
      `"${parts.childId}" was already listed on line ${firstLine} (rows with the same two ends are one relation, ` +
      `whatever their Metadata).`,
  });
}

export class RelationDuplicates {
  private readonly pairs: PairKeySet;
  private readonly texts: StringKeySet;

  constructor(
    folder: SpillFolder,
    limits: DuplicateLimits,
    private readonly findings: FileFindings,
    /** Names and orders entities by number (keys in order need no table; messages about spilled pairs). */
    private readonly entities: EntityIndex | undefined,
  ) {
    const order = (high1: number, low1: number, high2: number, low2: number) =>
      high1 === high2 ? entities!.compare(low1, low2) : entities!.compare(high1, high2);
    this.pairs = new PairKeySet(folder, limits.maxPairKeysInMemory, order);
    this.texts = new StringKeySet(folder, limits.maxTextKeyBytesInMemory);
  }

  /** Both ends are entities with these numbers; `parts(row)` names them for a message (made only when needed). */
  addKnown<R>(parent: number, child: number, line: number, row: R, parts: (row: R) => RelationKeyParts): void {
    const firstLine = this.pairs.add(parent, child, line);
    if (firstLine !== 0) reportDuplicate(this.findings, line, firstLine, parts(row));
  }

  /** An end is not a known entity, or no entities file was given. */
  addText(parts: RelationKeyParts, line: number): void {
    const firstLine = this.texts.add(relationKeyText(parts), line);
    if (firstLine !== 0) reportDuplicate(this.findings, line, firstLine, parts);
  }

  /** Reports the repeats among spilled keys. */
  async finish(signal?: AbortSignal): Promise<void> {
    await this.pairs.finish(({ high, low, line, firstLine }) => {
      const parent = this.entities!.describe(high);
      const child = this.entities!.describe(low);
      const parts = {
        parentId: parent.sourceId,
        parentType: parent.entityType,
        childId: child.sourceId,
        childType: child.entityType,
      };
      reportDuplicate(this.findings, line, firstLine, parts);
    }, signal);
    await this.texts.finish(({ key, line, firstLine }) => {
      const [parentId = '', parentType = '', childId = '', childType = ''] = key.split(SEPARATOR);
      reportDuplicate(this.findings, line, firstLine, { parentId, parentType, childId, childType });
    }, signal);
  }
}
