// BalkanID upload CSV contract: column names in order, entity types and the row shapes the writer takes.
// Source: ../shared/balkanid-format.md Part A (columns) and Part B (dialect and values).

export const ENTITY_COLUMNS = [
  'App',
  'Name',
  'Entity Type',
  'Source System',
  'Source ID',
  'Source Type',
  'Metadata Version',
  'Metadata',
] as const;

export const RELATION_COLUMNS = [
  'App',
  'Parent Entity Source ID',
  'Parent Entity Type',
  'Entity Source ID',
  'Entity Type',
  'Source System',
  'Metadata Version',
  'Metadata',
] as const;

export type EntityColumn = (typeof ENTITY_COLUMNS)[number];
export type RelationColumn = (typeof RELATION_COLUMNS)[number];

/** Columns whose cell must not be empty (Part A; Source System treated as required in relations). */
export const REQUIRED_ENTITY_COLUMNS: readonly EntityColumn[] = [
  'Name',
  'Entity Type',
  'Source System',
  'Source ID',
  'Source Type',
];
export const REQUIRED_RELATION_COLUMNS: readonly RelationColumn[] = [
  'Parent Entity Source ID',
  'Parent Entity Type',
  'Entity Source ID',
  'Entity Type',
  'Source System',
];

export const ENTITY_TYPES = ['identity', 'connection', 'resource'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const SOURCE_SYSTEM = 'okta';
export const METADATA_VERSION = 'v1';

/** One row of entities.csv, cells already as strings (metadata is compact JSON or ''). */
export interface EntityRecord {
  app: string;
  name: string;
  entityType: EntityType;
  sourceSystem: string;
  sourceId: string;
  sourceType: string;
  metadataVersion: string;
  metadata: string;
}

/** One row of entity-relations.csv. */
export interface RelationRecord {
  app: string;
  parentSourceId: string;
  parentEntityType: EntityType;
  childSourceId: string;
  childEntityType: EntityType;
  sourceSystem: string;
  metadataVersion: string;
  metadata: string;
}

export function entityCells(row: EntityRecord): string[] {
  return [
    row.app,
    row.name,
    row.entityType,
    row.sourceSystem,
    row.sourceId,
    row.sourceType,
    row.metadataVersion,
    row.metadata,
  ];
}

export function relationCells(row: RelationRecord): string[] {
  return [
    row.app,
    row.parentSourceId,
    row.parentEntityType,
    row.childSourceId,
    row.childEntityType,
    row.sourceSystem,
    row.metadataVersion,
    row.metadata,
  ];
}

/** The relation kinds of Part B.2; each can be switched off at export. */
export const RELATION_KINDS = [
  'groupMembership',
  'directAppAssignment',
  'groupAppAssignment',
  'userAdminRole',
  'groupAdminRole',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
