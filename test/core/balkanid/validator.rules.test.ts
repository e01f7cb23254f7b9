// Tests every Part C rule: a clean entities/relations pair, then one small edit per case, validated from files on disk.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RULES,
  type Finding,
  type RuleId,
  type Severity,
  type ValidationReport,
} from '../../../shared/balkanid/findings';
import { validateCsvFiles } from '../../../electron/core/balkanid/validator';

type Line = string | Buffer;
interface Fixture {
  entities: Line[];
  relations: Line[];
  entitiesEol: string;
  relationsEol: string;
  entitiesPrefix: Buffer;
}

const ENTITY_HEADER = 'App,Name,Entity Type,Source System,Source ID,Source Type,Metadata Version,Metadata';
const MEMBER =
  '"{""project"":""https://acme.okta.com"",""privilegeName"":""member"",""privilegeValue"":true,' +
  '""connectionType"":""group""}"';

function cleanFixture(): Fixture {
  return {
    entities: [
      ENTITY_HEADER,
      'okta,Ada Lovelace,identity,okta,00u1,user,v1,"{""username"":""ada@example.com"",' +
        '""email"":""ada@example.com"",""status"":""ACTIVE""}"',
      'okta,Grace Hopper,identity,okta,00u2,user,v1,"{""username"":""grace@example.com"",' +
        '""department"":""R&D, Navy""}"',
      'okta,Engineering,connection,okta,00g1,group,v1,"{""description"":""All engineers"",' +
        '""groupType"":""OKTA_GROUP""}"',
      'okta,Super Administrator,connection,okta,SUPER_ADMIN,role,v1,"{""roleType"":""SUPER_ADMIN"",""custom"":false}"',
      'okta,Slack,resource,okta,0oa1,app,v1,"{""appName"":""slack"",""status"":""ACTIVE""}"',
    ],
    relations: [
      'App,Parent Entity Source ID,Parent Entity Type,Entity Source ID,Entity Type,Source System,' +
        'Metadata Version,Metadata',
      `okta,00u1,identity,00g1,connection,okta,v1,${MEMBER}`,
      `okta,00u2,identity,00g1,connection,okta,v1,${MEMBER}`,
      'okta,00g1,connection,0oa1,resource,okta,v1,"{""project"":""https://acme.okta.com"",' +
        '""privilegeName"":""assigned"",""privilegeValue"":true,""connectionType"":""group"",""priority"":0}"',
      'okta,00u1,identity,SUPER_ADMIN,connection,okta,v1,"{""project"":""https://acme.okta.com"",' +
        '""privilegeName"":""admin"",""privilegeValue"":true,""connectionType"":""role""}"',
    ],
    entitiesEol: '\r\n',
    relationsEol: '\r\n',
    entitiesPrefix: Buffer.alloc(0),
  };
}

function toBytes(lines: Line[], eol: string, prefix: Buffer = Buffer.alloc(0)): Buffer {
  const parts: Buffer[] = [prefix];
  for (const line of lines) parts.push(typeof line === 'string' ? Buffer.from(line, 'utf8') : line, Buffer.from(eol));
  return Buffer.concat(parts);
}

/** Edits line `n` (1-based) of a file with a string replacement that must apply. */
function edit(lines: Line[], n: number, from: string, to: string): void {
  const line = lines[n - 1];
  if (typeof line !== 'string' || !line.includes(from))
    throw new Error(`fixture line ${n} has no ${JSON.stringify(from)}`);
  lines[n - 1] = line.replace(from, to);
}

let root: string;
let caseNumber = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'balkanid-validator-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeFixture(fixture: Fixture): Promise<{ entitiesPath: string; relationsPath: string }> {
  const dir = path.join(root, `case-${++caseNumber}`);
  await mkdir(dir);
  const entitiesPath = path.join(dir, 'entities.csv');
  const relationsPath = path.join(dir, 'entity-relations.csv');
  await writeFile(entitiesPath, toBytes(fixture.entities, fixture.entitiesEol, fixture.entitiesPrefix));
  await writeFile(relationsPath, toBytes(fixture.relations, fixture.relationsEol));
  return { entitiesPath, relationsPath };
}

async function validateFixture(fixture: Fixture, options?: { maxFindingsPerRule?: number }): Promise<ValidationReport> {
  return validateCsvFiles(await writeFixture(fixture), options);
}

interface Expected {
  rule: RuleId;
  severity: Severity;
  file: Finding['file'];
  line: number;
  column?: string;
}

function summarise(report: ValidationReport): Expected[] {
  return report.findings.map(({ rule, severity, file, line, column }) =>
    column === undefined ? { rule, severity, file, line } : { rule, severity, file, line, column },
  );
}

describe('validateCsvFiles on a clean pair', () => {
  it('finds nothing, counts rows and computes the unreferenced count', async () => {
    const report = await validateFixture(cleanFixture());
    expect(report.findings).toEqual([]);
    expect(report.errorCount).toBe(0);
    expect(report.warningCount).toBe(0);
    expect(report.countsByRule).toEqual({});
    expect(report.unreferencedEntityCount).toBe(0);
    expect(report.files.entities?.rows).toBe(5);
    expect(report.files.relations?.rows).toBe(4);
    expect(report.files.entities?.path).toMatch(/entities\.csv$/);
  });
});

interface BrokenCase {
  name: string;
  change: (f: Fixture) => void;
  expected: Expected[];
  /** Substrings the first finding's message must contain. */
  says?: string[];
}

const E = 'entities' as const;
const R = 'relations' as const;

const brokenCases: BrokenCase[] = [
  {
    name: 'Latin-1 bytes in a name',
    change: (f) => {
      f.entities[2] = Buffer.from((f.entities[2] as string).replace('Grace', 'Gr\u00e2ce'), 'latin1');
    },
    expected: [{ rule: 'encoding', severity: 'error', file: E, line: 3, column: 'Name' }],
    says: ['Line 3', 'not valid UTF-8 in column "Name"'],
  },
  {
    name: 'NUL byte in a name',
    change: (f) => edit(f.entities, 4, 'Engineering', 'Engi\u0000neering'),
    expected: [{ rule: 'nul-byte', severity: 'error', file: E, line: 4, column: 'Name' }],
    says: ['Line 4', 'NUL'],
  },
  {
    name: 'a lone surrogate written as bytes (CESU-8)',
    change: (f) => {
      f.entities[2] = Buffer.concat([
        Buffer.from('okta,Gr'),
        Buffer.from([0xed, 0xa0, 0xbd]),
        Buffer.from((f.entities[2] as string).slice('okta,Gr'.length)),
      ]);
    },
    expected: [{ rule: 'lone-surrogate', severity: 'error', file: E, line: 3, column: 'Name' }],
    says: ['lone UTF-16 surrogate'],
  },
  {
    name: 'a lone surrogate behind a \\u escape in Metadata',
    change: (f) => edit(f.entities, 2, '""username"":""ada@', '""username"":""ada\\ud800@'),
    expected: [{ rule: 'lone-surrogate', severity: 'error', file: E, line: 2, column: 'Metadata' }],
    says: ['half a character'],
  },
  {
    name: 'lines ending with CR alone (the file is not read further)',
    change: (f) => {
      f.entitiesEol = '\r';
    },
    expected: [{ rule: 'cr-line-ends', severity: 'error', file: E, line: 1 }],
    says: ['carriage return (CR) alone'],
  },
  {
    name: 'a relations file with a header and no rows',
    change: (f) => {
      f.relations = [f.relations[0]!];
    },
    expected: [
      { rule: 'unreferenced-entity', severity: 'warning', file: E, line: 0 },
      { rule: 'no-rows', severity: 'error', file: R, line: 0 },
    ],
    says: ['5 of 5 entities', 'header but no data rows'],
  },
  {
    name: 'header column in the wrong case (row checks stop)',
    change: (f) => {
      edit(f.entities, 1, ',Name,', ',name,');
      edit(f.entities, 3, ',identity,', ',bogus,'); // would be an entity-type error if rows were checked
    },
    expected: [{ rule: 'header', severity: 'error', file: E, line: 1, column: 'Name' }],
    says: ['column 2 is "name" but must be "Name" (case differs)'],
  },
  {
    name: 'header with a required-column star',
    change: (f) => edit(f.entities, 1, ',Source ID,', ',Source ID*,'),
    expected: [{ rule: 'header', severity: 'error', file: E, line: 1, column: 'Source ID' }],
    says: ['column 5 is "Source ID*" but must be "Source ID"', '"*"'],
  },
  {
    name: 'header missing a column',
    change: (f) => edit(f.entities, 1, ',Source Type', ''),
    expected: [{ rule: 'header', severity: 'error', file: E, line: 1, column: 'Source Type' }],
    says: ['column "Source Type" is missing; it must be column 6'],
  },
  {
    name: 'header with an extra column',
    change: (f) => edit(f.relations, 1, ',Metadata Version,Metadata', ',Metadata Version,Metadata,Owner'),
    expected: [{ rule: 'header', severity: 'error', file: R, line: 1, column: 'Owner' }],
    says: ['column 9 "Owner" is not one of the columns'],
  },
  {
    name: 'header columns swapped',
    change: (f) => edit(f.entities, 1, 'App,Name,', 'Name,App,'),
    expected: [{ rule: 'header', severity: 'error', file: E, line: 1, column: 'Name' }],
    says: ['column 1 "Name" is out of place; it must be column 2'],
  },
  {
    name: 'the two files swapped',
    change: (f) => {
      [f.entities, f.relations] = [f.relations, f.entities];
    },
    expected: [
      { rule: 'header', severity: 'error', file: E, line: 1 },
      { rule: 'header', severity: 'error', file: R, line: 1 },
    ],
    says: ['header of an entity-relations file', 'swapped'],
  },
  {
    name: 'a row with an extra cell (the row is skipped, so relations to it become unknown)',
    change: (f) => edit(f.entities, 3, 'okta,Grace Hopper,', 'okta,Grace,Hopper,'),
    expected: [
      { rule: 'cell-count', severity: 'error', file: E, line: 3 },
      { rule: 'unknown-relation-end', severity: 'error', file: R, line: 3, column: 'Parent Entity Source ID' },
    ],
    says: ['9 cells but the header has 8'],
  },
  {
    name: 'an unterminated quote in the last entity (its entity is then unknown to relations)',
    change: (f) => edit(f.entities, 6, 'ACTIVE""}"', 'ACTIVE""}'),
    expected: [
      { rule: 'unterminated-quote', severity: 'error', file: E, line: 6, column: 'Metadata' },
      { rule: 'unknown-relation-end', severity: 'error', file: R, line: 4, column: 'Entity Source ID' },
    ],
    says: ['opened on line 6 is never closed'],
  },
  {
    name: 'a quote inside an unquoted cell',
    change: (f) => edit(f.entities, 3, 'Grace Hopper', 'Grace "Amazing" Hopper'),
    expected: [{ rule: 'bad-quoting', severity: 'error', file: E, line: 3, column: 'Name' }],
  },
  {
    name: 'an empty required Name',
    change: (f) => edit(f.entities, 4, ',Engineering,', ',,'),
    expected: [{ rule: 'required-cell', severity: 'error', file: E, line: 4, column: 'Name' }],
  },
  {
    name: 'a relation without Source System',
    change: (f) => edit(f.relations, 3, ',connection,okta,v1,', ',connection,,v1,'),
    expected: [{ rule: 'required-cell', severity: 'error', file: R, line: 3, column: 'Source System' }],
  },
  {
    name: 'an entity type that is not one of the three (relations to it become unknown)',
    change: (f) => edit(f.entities, 2, ',identity,', ',user,'),
    expected: [
      { rule: 'entity-type', severity: 'error', file: E, line: 2, column: 'Entity Type' },
      { rule: 'unknown-relation-end', severity: 'error', file: R, line: 2, column: 'Parent Entity Source ID' },
      { rule: 'unknown-relation-end', severity: 'error', file: R, line: 5, column: 'Parent Entity Source ID' },
    ],
    says: ['"user" is not an entity type'],
  },
  {
    name: 'a capitalised Parent Entity Type',
    change: (f) => edit(f.relations, 4, ',00g1,connection,', ',00g1,Connection,'),
    expected: [{ rule: 'entity-type', severity: 'error', file: R, line: 4, column: 'Parent Entity Type' }],
    says: ['"connection" (lowercase'],
  },
  {
    name: 'Metadata that is a JSON array',
    change: (f) => {
      f.entities[3] = 'okta,Engineering,connection,okta,00g1,group,v1,[1]';
    },
    expected: [{ rule: 'metadata-json', severity: 'error', file: E, line: 4, column: 'Metadata' }],
    says: ['an array, not a JSON object'],
  },
  {
    name: 'Metadata that is not JSON at all',
    change: (f) => {
      f.entities[4] = 'okta,Super Administrator,connection,okta,SUPER_ADMIN,role,v1,{roleType:SUPER_ADMIN}';
    },
    expected: [{ rule: 'metadata-json', severity: 'error', file: E, line: 5, column: 'Metadata' }],
    says: ['not valid JSON'],
  },
  {
    name: 'Metadata without Metadata Version',
    change: (f) => edit(f.entities, 6, ',app,v1,', ',app,,'),
    expected: [{ rule: 'metadata-version', severity: 'error', file: E, line: 6, column: 'Metadata Version' }],
    says: ['Metadata Version is empty'],
  },
  {
    name: 'Metadata Version in another case (V1)',
    change: (f) => edit(f.entities, 2, ',user,v1,', ',user,V1,'),
    expected: [{ rule: 'metadata-version', severity: 'error', file: E, line: 2, column: 'Metadata Version' }],
    says: ['"V1"'],
  },
  {
    name: 'Metadata Version v2',
    change: (f) => edit(f.relations, 2, ',okta,v1,', ',okta,v2,'),
    expected: [{ rule: 'metadata-version', severity: 'error', file: R, line: 2, column: 'Metadata Version' }],
    says: ['"v2"'],
  },
  {
    name: 'an entity listed twice',
    change: (f) => f.entities.push(f.entities[2]!),
    expected: [{ rule: 'duplicate-entity', severity: 'error', file: E, line: 7, column: 'Source ID' }],
    says: ['"00u2"', 'already listed on line 3'],
  },
  {
    name: 'a relation listed twice',
    change: (f) => f.relations.push(f.relations[1]!),
    expected: [{ rule: 'duplicate-relation', severity: 'error', file: R, line: 6 }],
    says: ['already listed on line 2'],
  },
  {
    name: 'a relation listed twice with different Metadata',
    change: (f) => f.relations.push((f.relations[1] as string).replace('""member""', '""admin""')),
    expected: [{ rule: 'duplicate-relation', severity: 'error', file: R, line: 6 }],
    says: ['already listed on line 2', 'whatever their Metadata'],
  },
  {
    name: 'a relation from an entity to itself',
    change: (f) => f.relations.push(`okta,00g1,connection,00g1,connection,okta,v1,${MEMBER}`),
    expected: [{ rule: 'self-relation', severity: 'warning', file: R, line: 6, column: 'Entity Source ID' }],
    says: ['from connection "00g1" to itself'],
  },
  {
    name: 'relation Metadata {}',
    change: (f) => edit(f.relations, 2, `,okta,v1,${MEMBER}`, ',okta,v1,{}'),
    expected: [{ rule: 'empty-metadata', severity: 'warning', file: R, line: 2, column: 'Metadata' }],
  },
  {
    name: 'a timestamp with a Z suffix in Metadata',
    change: (f) =>
      edit(f.entities, 2, '""status"":""ACTIVE""', '""status"":""ACTIVE"",""lastLogin"":""2024-01-02T03:04:05Z""'),
    expected: [{ rule: 'metadata-timestamp', severity: 'warning', file: E, line: 2, column: 'Metadata' }],
    says: ['lastLogin "2024-01-02T03:04:05Z" (write "2024-01-02 03:04:05 +0000 UTC")'],
  },
  {
    name: 'a timestamp in BalkanID form on a day that does not exist',
    change: (f) => edit(f.entities, 6, '""status"":""ACTIVE""', '""created"":""2023-02-29 10:00:00 +0000 UTC""'),
    expected: [{ rule: 'metadata-timestamp', severity: 'warning', file: E, line: 6, column: 'Metadata' }],
    says: ['(not a date and time that exists)'],
  },
  {
    name: 'a lone CR inside an unquoted value',
    change: (f) => edit(f.entities, 3, 'Grace Hopper', 'Grace\rHopper'),
    expected: [{ rule: 'lone-cr', severity: 'warning', file: E, line: 3, column: 'Name' }],
    says: ['kept as part of the value'],
  },
  {
    name: 'a relation to a Source ID that does not exist (IDs are case-sensitive)',
    change: (f) => edit(f.relations, 3, ',00g1,connection,', ',00G1,connection,'),
    expected: [{ rule: 'unknown-relation-end', severity: 'error', file: R, line: 3, column: 'Entity Source ID' }],
    says: ['no entity in the entities file has this Source ID'],
  },
  {
    name: 'a relation to an entity under the wrong type',
    change: (f) => edit(f.relations, 5, ',SUPER_ADMIN,connection,', ',SUPER_ADMIN,resource,'),
    expected: [
      { rule: 'unreferenced-entity', severity: 'warning', file: E, line: 0 },
      { rule: 'unknown-relation-end', severity: 'error', file: R, line: 5, column: 'Entity Source ID' },
    ],
    says: ['1 of 5 entities', 'line 5'],
  },
  {
    name: 'privilegeValue written as a string',
    change: (f) => edit(f.relations, 4, '""privilegeValue"":true', '""privilegeValue"":""yes""'),
    expected: [{ rule: 'privilege-value', severity: 'error', file: R, line: 4, column: 'Metadata' }],
    says: ['privilegeValue is "yes"'],
  },
  {
    name: 'a name starting with =',
    change: (f) => edit(f.entities, 5, ',Super Administrator,', ',=Super Administrator,'),
    expected: [{ rule: 'formula-injection', severity: 'warning', file: E, line: 5, column: 'Name' }],
  },
  {
    name: 'a name starting with a tab',
    change: (f) => edit(f.entities, 6, ',Slack,', ',\tSlack,'),
    expected: [{ rule: 'formula-injection', severity: 'warning', file: E, line: 6, column: 'Name' }],
    says: ['a tab'],
  },
  {
    name: 'a BOM',
    change: (f) => {
      f.entitiesPrefix = Buffer.from([0xef, 0xbb, 0xbf]);
    },
    expected: [{ rule: 'bom', severity: 'warning', file: E, line: 1 }],
  },
  {
    name: 'LF-only line ends',
    change: (f) => {
      f.relationsEol = '\n';
    },
    expected: [{ rule: 'lf-line-ends', severity: 'warning', file: R, line: 1 }],
    says: ['5 of 5 line ends'],
  },
  {
    name: 'App not okta',
    change: (f) => edit(f.entities, 2, 'okta,Ada', 'Okta,Ada'),
    expected: [{ rule: 'app-not-okta', severity: 'warning', file: E, line: 2, column: 'App' }],
  },
  {
    name: 'Source System not okta',
    change: (f) => edit(f.relations, 2, ',connection,okta,', ',connection,azure,'),
    expected: [{ rule: 'source-system-not-okta', severity: 'warning', file: R, line: 2, column: 'Source System' }],
  },
  {
    name: 'an identity without username or email',
    change: (f) => edit(f.entities, 3, '""username"":""grace@example.com"",', ''),
    expected: [{ rule: 'identity-without-username', severity: 'warning', file: E, line: 3, column: 'Metadata' }],
  },
  {
    name: 'a cell over 32,000 characters',
    change: (f) => edit(f.entities, 6, ',Slack,', `,${'S'.repeat(32_001)},`),
    expected: [{ rule: 'cell-too-long', severity: 'warning', file: E, line: 6, column: 'Name' }],
    says: ['32,001 characters'],
  },
  {
    name: 'an entity no relation mentions',
    change: (f) => f.entities.push('okta,Orphans,connection,okta,00g2,group,v1,'),
    expected: [{ rule: 'unreferenced-entity', severity: 'warning', file: E, line: 0 }],
    says: ['1 of 6 entities', 'connection "00g2" on line 7'],
  },
  {
    name: 'an empty line between rows',
    change: (f) => f.entities.splice(3, 0, ''),
    expected: [{ rule: 'blank-line', severity: 'warning', file: E, line: 4 }],
  },
];

describe('validateCsvFiles on broken files', () => {
  it.each(brokenCases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const fixture = cleanFixture();
    testCase.change(fixture);
    const report = await validateFixture(fixture);
    expect(summarise(report)).toEqual(testCase.expected);
    for (const text of testCase.says ?? []) expect(report.findings.map((f) => f.message).join('\n')).toContain(text);
    const errors = testCase.expected.filter((e) => e.severity === 'error').length;
    expect(report.errorCount).toBe(errors);
    expect(report.warningCount).toBe(testCase.expected.length - errors);
    for (const finding of report.findings) {
      expect(finding.severity).toBe(RULES[finding.rule].severity);
      expect(finding.fix.length).toBeGreaterThan(10);
    }
  });

  it('has at least 20 distinct broken-file cases covering every rule', () => {
    expect(brokenCases.length).toBeGreaterThanOrEqual(20);
    const covered = new Set(brokenCases.flatMap((c) => c.expected.map((e) => e.rule)));
    // The entitlements file's own rules are covered in validator.entitlements.test.ts.
    const pairRules = Object.keys(RULES).filter((rule) => rule !== 'no-user-reference' && rule !== 'unpaired-cell');
    expect([...covered].sort()).toEqual(pairRules.sort());
  });
});

describe('header explanations', () => {
  it.each([
    [
      'a repeated column',
      'App,Name,Name,Entity Type,Source System,Source ID,Source Type,Metadata Version,Metadata',
      ['column 3 repeats "Name"; remove it'],
    ],
    [
      'a trailing comma',
      `${ENTITY_HEADER},`,
      ['column 9 has no name; remove it (an empty header cell often comes from a trailing comma)'],
    ],
    [
      'extra spaces and a star',
      'App,Name , Entity Type*,Source System,Source ID,Source Type,Metadata Version,Metadata',
      [
        'column 2 is "Name " but must be "Name" (extra spaces)',
        'column 3 is " Entity Type*" but must be "Entity Type" (remove the "*", extra spaces)',
      ],
    ],
    [
      'a data row where the header should be',
      'okta,Ada Lovelace,identity,okta,00u0,user,,',
      ['none of the 8 columns, so it is not a header'],
    ],
    [
      'a column moved to the end',
      'App,Entity Type,Source System,Source ID,Source Type,Metadata Version,Metadata,Name',
      ['column 8 "Name" is out of place; it must be column 2'],
    ],
  ])('explains %s', async (_name, header, says) => {
    const fixture = cleanFixture();
    fixture.entities[0] = header;
    const report = await validateFixture(fixture);
    expect(report.findings.length).toBe(says.length);
    expect(report.findings.every((f) => f.rule === 'header' && f.line === 1 && f.file === 'entities')).toBe(true);
    says.forEach((text, i) => expect(report.findings[i]!.message).toContain(text));
    expect(report.findings[0]!.fix).toContain(ENTITY_HEADER);
  });

  it('after a wrong header, row problems are not reported but file-level ones still are', async () => {
    const fixture = cleanFixture();
    edit(fixture.entities, 1, ',Name,', ',Display Name,');
    edit(fixture.entities, 3, 'Grace Hopper', 'Grace "Amazing" Hopper');
    edit(fixture.entities, 4, ',connection,', ',Connection,');
    fixture.entities[4] = Buffer.from((fixture.entities[4] as string).replace('Super', 'S\u00fcper'), 'latin1');
    const report = await validateFixture(fixture);
    expect(summarise(report)).toEqual([
      { rule: 'header', severity: 'error', file: E, line: 1, column: 'Name' },
      { rule: 'header', severity: 'error', file: E, line: 1, column: 'Display Name' },
      { rule: 'encoding', severity: 'error', file: E, line: 5 },
    ]);
  });
});

describe('validateCsvFiles edge cases', () => {
  it('reports a row after a quoted cell holding two line breaks at its true physical line', async () => {
    const fixture = cleanFixture();
    edit(fixture.entities, 3, ',Grace Hopper,', ',"Grace\r\nBrewster\r\nHopper",');
    edit(fixture.entities, 4, ',connection,', ',conection,');
    edit(fixture.entities, 5, ',Super Administrator,', ',-Super Administrator,');
    const report = await validateFixture(fixture);
    const byRule = (rule: RuleId) => report.findings.filter((f) => f.rule === rule).map((f) => f.line);
    expect(byRule('entity-type')).toEqual([6]);
    expect(byRule('formula-injection')).toEqual([7]);
  });

  it('keeps true lines when the multi-line cell uses LF inside a CRLF file', async () => {
    const fixture = cleanFixture();
    edit(fixture.entities, 2, ',Ada Lovelace,', ',"Ada\n\nLovelace",');
    edit(fixture.entities, 6, ',Slack,', ',@Slack,');
    const report = await validateFixture(fixture);
    expect(summarise(report)).toEqual([
      { rule: 'formula-injection', severity: 'warning', file: E, line: 8, column: 'Name' },
    ]);
  });

  it('accepts BOM and LF-only together as warnings, with no errors', async () => {
    const fixture = cleanFixture();
    fixture.entitiesPrefix = Buffer.from([0xef, 0xbb, 0xbf]);
    fixture.entitiesEol = '\n';
    const report = await validateFixture(fixture);
    expect(report.errorCount).toBe(0);
    expect(summarise(report)).toEqual([
      { rule: 'bom', severity: 'warning', file: E, line: 1 },
      { rule: 'lf-line-ends', severity: 'warning', file: E, line: 1 },
    ]);
  });

  it('accepts a cell of exactly 32,000 characters and a last row without a line end', async () => {
    const fixture = cleanFixture();
    edit(fixture.entities, 6, ',Slack,', `,${'S'.repeat(32_000)},`);
    const paths = await writeFixture(fixture);
    const trimmed = toBytes(fixture.entities, '\r\n');
    await writeFile(paths.entitiesPath, trimmed.subarray(0, trimmed.length - 2));
    const report = await validateCsvFiles(paths);
    expect(report.findings).toEqual([]);
    expect(report.files.entities?.rows).toBe(5);
  });

  it('an identity with only an email is fine', async () => {
    const fixture = cleanFixture();
    edit(fixture.entities, 3, '""username"":""grace@example.com""', '""email"":""grace@example.com""');
    expect((await validateFixture(fixture)).findings).toEqual([]);
  });

  it('with only a relations file, relation ends are not checked and no unreferenced count is given', async () => {
    const fixture = cleanFixture();
    edit(fixture.relations, 3, ',00g1,connection,', ',00g999,connection,');
    const { relationsPath } = await writeFixture(fixture);
    const report = await validateCsvFiles({ relationsPath });
    expect(report.findings).toEqual([]);
    expect(report.files.entities).toBeUndefined();
    expect(report.files.relations?.rows).toBe(4);
    expect(report.unreferencedEntityCount).toBeNull();
  });

  it('with only an entities file, relation checks are skipped and no unreferenced count is given', async () => {
    const { entitiesPath } = await writeFixture(cleanFixture());
    const report = await validateCsvFiles({ entitiesPath });
    expect(report.findings).toEqual([]);
    expect(report.files.relations).toBeUndefined();
    expect(report.unreferencedEntityCount).toBeNull();
  });

  it('a wrong entities header disables the cross-file checks instead of flagging every relation', async () => {
    const fixture = cleanFixture();
    edit(fixture.entities, 1, 'Source ID', 'SourceID');
    const report = await validateFixture(fixture);
    expect(report.findings.every((f) => f.rule === 'header')).toBe(true);
    expect(report.unreferencedEntityCount).toBeNull();
  });

  it('an empty file gets one header finding at file level', async () => {
    const fixture = cleanFixture();
    fixture.entities = [];
    const report = await validateFixture(fixture);
    expect(summarise(report)).toEqual([{ rule: 'header', severity: 'error', file: E, line: 0 }]);
    expect(report.findings[0]!.message).toContain('empty');
  });

  it('a UTF-16 file gets one encoding finding and is not read further', async () => {
    const paths = await writeFixture(cleanFixture());
    const text = (cleanFixture().entities as string[]).join('\r\n');
    await writeFile(paths.entitiesPath, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const report = await validateCsvFiles({ entitiesPath: paths.entitiesPath });
    expect(summarise(report)).toEqual([{ rule: 'encoding', severity: 'error', file: E, line: 0 }]);
    expect(report.findings[0]!.message).toContain('UTF-16');
  });

  it('caps kept findings per rule but keeps complete counts', async () => {
    const fixture = cleanFixture();
    for (let i = 0; i < 30; i++) fixture.entities.push(`okta,=bad ${i},resource,okta,0oa${100 + i},app,v1,`);
    const report = await validateFixture(fixture, { maxFindingsPerRule: 5 });
    expect(report.findings.filter((f) => f.rule === 'formula-injection').map((f) => f.line)).toEqual([7, 8, 9, 10, 11]);
    expect(report.countsByRule['formula-injection']).toBe(30);
    expect(report.countsByRule['unreferenced-entity']).toBe(1);
    expect(report.unreferencedEntityCount).toBe(30);
    expect(report.warningCount).toBe(31);
  });

  it('cuts long offending values to about 200 characters', async () => {
    const fixture = cleanFixture();
    edit(fixture.entities, 6, ',Slack,', `,=${'x'.repeat(40_000)},`);
    const report = await validateFixture(fixture);
    for (const finding of report.findings) expect(finding.value!.length).toBeLessThanOrEqual(201);
    expect(report.findings.map((f) => f.rule).sort()).toEqual(['cell-too-long', 'formula-injection']);
  });

  it('throws a clear error for a missing or unreadable file, naming which one', async () => {
    const { entitiesPath } = await writeFixture(cleanFixture());
    const missing = path.join(root, 'nope', 'entities.csv');
    await expect(validateCsvFiles({ entitiesPath: missing })).rejects.toThrow(
      `cannot read entities file ${missing}: ENOENT`,
    );
    await expect(validateCsvFiles({ entitiesPath, relationsPath: missing })).rejects.toThrow(
      `cannot read relations file ${missing}: ENOENT`,
    );
    await expect(validateCsvFiles({ entitiesPath: root })).rejects.toThrow(`cannot read entities file ${root}: EISDIR`);
  });
});
