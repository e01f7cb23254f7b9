// Validates a generated 200,000-row pair streamed from disk, with a few planted faults at the very end.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../../shared/balkanid/columns';
import { writeCsvFileAtomically } from '../../../electron/core/balkanid/atomicCsvFile';
import { validateCsvFiles } from '../../../electron/core/balkanid/validator';

const USERS = 199_500;
const GROUPS = 500;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'balkanid-large-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function* entityRows(): Generator<string[]> {
  for (let g = 0; g < GROUPS; g++) {
    yield [
      'okta',
      `Group ${g}, 部門`,
      'connection',
      'okta',
      `00g${g}`,
      'group',
      'v1',
      `{"description":"team \\"${g}\\"","groupType":"OKTA_GROUP"}`,
    ];
  }
  for (let u = 0; u < USERS; u++) {
    const name = u % 7 === 0 ? `Zoë 👩‍💻 ${u}` : `User\nNumber ${u}`;
    yield [
      'okta',
      name,
      'identity',
      'okta',
      `00u${u}`,
      'user',
      'v1',
      `{"username":"user${u}@example.com","status":"ACTIVE"}`,
    ];
  }
  yield ['okta', 'Planted duplicate', 'identity', 'okta', '00u0', 'user', 'v1', '{"username":"dup@example.com"}'];
}

function* relationRows(): Generator<string[]> {
  const metadata =
    '{"project":"https://acme.okta.com","privilegeName":"member","privilegeValue":true,"connectionType":"group"}';
  for (let u = 0; u < USERS; u++)
    yield ['okta', `00u${u}`, 'identity', `00g${u % GROUPS}`, 'connection', 'okta', 'v1', metadata];
  yield ['okta', '00u1', 'identity', '00g99999', 'connection', 'okta', 'v1', metadata];
  yield ['okta', '00u0', 'identity', '00g0', 'connection', 'okta', 'v1', metadata];
}

describe('validateCsvFiles on a large generated pair', () => {
  it('streams 200,000 rows and still finds the faults planted at the end, at their physical lines', async () => {
    const entitiesPath = path.join(dir, 'entities.csv');
    const relationsPath = path.join(dir, 'entity-relations.csv');
    const entities = await writeCsvFileAtomically(entitiesPath, ENTITY_COLUMNS, entityRows());
    const relations = await writeCsvFileAtomically(relationsPath, RELATION_COLUMNS, relationRows());
    expect(entities.rows).toBe(GROUPS + USERS + 1);
    expect((await stat(entitiesPath)).size).toBeGreaterThan(10 * 1024 * 1024); // many read chunks, not one

    const report = await validateCsvFiles({ entitiesPath, relationsPath });

    // Users whose name holds a line break take two physical lines each.
    const multiLineUsers = USERS - Math.ceil(USERS / 7);
    const duplicateLine = 1 + GROUPS + USERS + multiLineUsers + 1;
    expect(report.files.entities?.rows).toBe(GROUPS + USERS + 1);
    expect(report.files.relations?.rows).toBe(relations.rows);
    expect(report.findings.map(({ rule, file, line, column }) => ({ rule, file, line, column }))).toEqual([
      { rule: 'duplicate-entity', file: 'entities', line: duplicateLine, column: 'Source ID' },
      { rule: 'unknown-relation-end', file: 'relations', line: USERS + 2, column: 'Entity Source ID' },
      { rule: 'duplicate-relation', file: 'relations', line: USERS + 3, column: undefined },
    ]);
    expect(report.findings[0]!.message).toContain(`line ${1 + GROUPS + 1}`);
    expect(report.findings[2]!.message).toContain('already listed on line 2');
    expect(report.errorCount).toBe(3);
    expect(report.unreferencedEntityCount).toBe(0);
  });
});

/** A full garbage collection, then the heap in use (V8's gc is exposed for this one call). */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('findings kept from a large file', () => {
  it('do not keep the decoded text around their cells alive', async () => {
    // 1,000 rows of ~64 KB, each with a formula-like name: every kept finding comes from another piece of text.
    const file = path.join(dir, 'wide-formulas.csv');
    const filler = 'x'.repeat(64 * 1024);
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `okta,=Name ${i},connection,okta,00g${i},group,v1,"{""d"":""${filler}""}"`,
    );
    await writeFile(file, `${ENTITY_COLUMNS.join(',')}\r\n${rows.join('\r\n')}\r\n`);
    const before = heapAfterGc();
    const report = await validateCsvFiles({ entitiesPath: file });
    const kept = heapAfterGc() - before;
    expect(report.countsByRule['formula-injection']).toBe(1000);
    expect(report.findings.filter((finding) => finding.rule === 'formula-injection')).toHaveLength(1000);
    expect(kept).toBeLessThan(16 * 1024 * 1024); // the 1,000 pieces of text they came from are 64 MB
  });
});
