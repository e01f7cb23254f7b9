// Reads an exported bundle back with an independent CSV parser (csv-parse), as BalkanID would.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EntityColumn, RelationColumn } from '../../shared/balkanid/columns';

/** A row keyed by column name (both files' columns; a column a file lacks reads as ''). */
export type CsvRow = Record<EntityColumn | RelationColumn, string>;

export function readCsv(file: string): { header: string[]; rows: CsvRow[] } {
  const records = parse(fs.readFileSync(file), { bom: false, relax_column_count: false });
  const [header, ...data] = records;
  return {
    header: header ?? [],
    rows: data.map((cells) => Object.fromEntries((header ?? []).map((name, i) => [name, cells[i] ?? ''])) as CsvRow),
  };
}

export function readBundle(dir: string) {
  return {
    entities: readCsv(path.join(dir, 'entities.csv')),
    relations: readCsv(path.join(dir, 'entity-relations.csv')),
    manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, any>,
  };
}
