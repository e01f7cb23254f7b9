// Pure: decides which opened or dropped CSV is the entities file and which the relations file (header row first, then
// file name).
export type CsvFileKind = 'entities' | 'relations';

function firstLine(content: string): string {
  const end = content.indexOf('\n');
  return (end < 0 ? content : content.slice(0, end)).replace(/^\uFEFF/, '').toLowerCase();
}

/** From the header row: relations headers name the parent entity; entities headers have Name and Source Type. */
export function kindFromHeader(content: string): CsvFileKind | null {
  const header = firstLine(content);
  if (header.includes('parent entity')) return 'relations';
  if (header.includes('source type') || (header.includes('name') && header.includes('entity type'))) return 'entities';
  return null;
}

export function kindFromFileName(name: string): CsvFileKind | null {
  if (/relation/i.test(name)) return 'relations';
  if (/entit/i.test(name)) return 'entities';
  return null;
}

/** A file to classify: its name and the start of its text (the header row is all that is read). */
export interface CsvFileHead {
  name: string;
  head: string;
}

export interface ClassifiedUploads<F extends CsvFileHead> {
  entities?: F;
  relations?: F;
  /** Files left out, with why. */
  ignored: { name: string; reason: string }[];
}

export function classifyUploads<F extends CsvFileHead>(files: readonly F[]): ClassifiedUploads<F> {
  const result: ClassifiedUploads<F> = { ignored: [] };
  const undecided: F[] = [];
  for (const file of files) {
    const kind = kindFromHeader(file.head) ?? kindFromFileName(file.name);
    if (kind && !result[kind]) result[kind] = file;
    else if (kind) result.ignored.push({ name: file.name, reason: `a second ${kind} file` });
    else undecided.push(file);
  }
  for (const file of undecided) {
    if (!result.entities) result.entities = file;
    else if (!result.relations) result.relations = file;
    else
      result.ignored.push({
        name: file.name,
        reason: 'only two files (entities and relations) can be checked together',
      });
  }
  return result;
}
