// Bundles written by hand for the upload tests: CSV text given by the test, and a manifest whose rows the test states
// and whose SHA-256 and sizes are computed here over the whole text (not by the streaming code under test).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../shared/balkanid/columns';

export interface HandMadeFile {
  name: string;
  text: string;
  /** Data rows the test knows the text holds (the header excluded). */
  rows: number;
}

export const ENTITIES: HandMadeFile = {
  name: 'entities.csv',
  text: [
    ENTITY_COLUMNS.join(','),
    'okta,Ada Lovelace,identity,okta,00u1,user,v1,"{""username"":""ada@example.com""}"',
    // A quoted name holding a line break: one record over two lines.
    'okta,"Bob\r\nJones",identity,okta,00u2,user,v1,"{""username"":""bob@example.com""}"',
    'okta,Everyone,connection,okta,00g1,group,v1,',
    '',
  ].join('\r\n'),
  rows: 3,
};

export const RELATIONS: HandMadeFile = {
  name: 'entity-relations.csv',
  text: [
    RELATION_COLUMNS.join(','),
    'okta,00u1,identity,00g1,connection,okta,v1,"{""privilegeName"":""member"",""privilegeValue"":true}"',
    'okta,00u2,identity,00g1,connection,okta,v1,"{""privilegeName"":""member"",""privilegeValue"":true}"',
    '',
  ].join('\r\n'),
  rows: 2,
};

export const ENTITLEMENTS: HandMadeFile = {
  name: 'entitlements.csv',
  text: [
    'Project,Privilege Name,Privilege Value,Email,User ID,Username,Name,' +
      'Connection,Connection Type,Resource,Resource Type',
    'https://acme.okta.com,member,true,ada@example.com,00u1,ada@example.com,Ada Lovelace,Everyone,group,,',
    '',
  ].join('\r\n'),
  rows: 1,
};

export function manifestEntry(file: HandMadeFile) {
  const bytes = Buffer.from(file.text, 'utf8');
  return {
    name: file.name,
    rows: file.rows,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Writes the files and a manifest listing them; `edit` may change the manifest before it is written. */
export function writeHandMadeBundle(
  dir: string,
  files: { entities: HandMadeFile; relations?: HandMadeFile; entitlements?: HandMadeFile },
  edit: (manifest: Record<string, any>) => void = () => {},
): string {
  fs.mkdirSync(dir, { recursive: true });
  const entries: Record<string, unknown> = {};
  for (const [kind, file] of Object.entries(files)) {
    if (!file) continue;
    fs.writeFileSync(path.join(dir, file.name), file.text);
    entries[kind] = manifestEntry(file);
  }
  const manifest: Record<string, any> = {
    format: 'okta-prep/balkanid-upload-bundle',
    formatVersion: 1,
    orgUrl: 'https://acme.okta.com',
    snapshot: { id: 7 },
    files: entries,
    validation: { errors: 0, warnings: 0, byRule: {} },
  };
  edit(manifest);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
