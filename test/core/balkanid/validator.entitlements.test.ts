// The validator on entitlements files (Part A.3 rules) and on files an export split into parts (findings placed in
// their part, at the part's own line).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCsvFiles, validateCsvSources } from '../../../electron/core/balkanid/validator/index';
import { RELATION_COLUMNS } from '../../../shared/balkanid/columns';
import { ENTITLEMENT_COLUMNS } from '../../../shared/balkanid/entitlements';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const HEADER = ENTITLEMENT_COLUMNS.join(',');
const csv = (...lines: string[]) => [...lines, ''].join('\r\n');

describe('validating an entitlements file', () => {
  it('accepts good rows and reports a row naming no user, a half pair and an empty required cell', async () => {
    const text = csv(
      HEADER,
      'https://acme.okta.com,member,true,ada@example.com,00u1,ada,Ada,Everyone,group,,',
      'https://acme.okta.com,assigned,true,,00u1,,Ada,,,Slack,app',
      'https://acme.okta.com,member,true,,,,Nobody,Everyone,group,,',
      'https://acme.okta.com,member,true,bob@example.com,,,Bob,Everyone,,,',
      'https://acme.okta.com,,true,bob@example.com,,,Bob,,,Slack,app',
    );
    const report = await validateCsvSources({ entitlements: { bytes: text } });
    expect(report.files.entitlements?.rows).toBe(5);
    expect(report.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['no-user-reference', 4, undefined],
      ['unpaired-cell', 5, 'Connection Type'],
      ['required-cell', 6, 'Privilege Name'],
    ]);
    expect(report.errorCount).toBe(3);
  });

  it('is told from an entities file by its header when given alone on disk, and names a wrong header', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'entitlements.csv');
    fs.writeFileSync(good, csv(HEADER, 'https://acme.okta.com,member,true,a@b.c,00u1,a,A,,,,'));
    expect((await validateCsvFiles({ entitiesPath: good })).files.entitlements?.rows).toBe(1);
    const swapped = path.join(dir, 'swapped.csv');
    fs.writeFileSync(swapped, csv(HEADER.replace('Email,User ID', 'User ID,Email'), 'x,member,true,,00u1,,,,,,'));
    const report = await validateCsvFiles({ entitiesPath: swapped });
    expect(report.findings[0]).toMatchObject({ file: 'entitlements', rule: 'header', line: 1 });
  });
});

describe('validating a file split into parts', () => {
  it('checks the parts as one file and gives each finding its part and its line there', async () => {
    const dir = tempDir();
    const row = (parent: string, child: string) => `okta,${parent},identity,${child},connection,okta,,`;
    const parts = [
      csv(RELATION_COLUMNS.join(','), row('00u1', '00g1'), row('00u2', '00g1')),
      // A quoted cell with a line break makes physical lines differ from rows; the duplicate is on line 4 here.
      csv(RELATION_COLUMNS.join(','), 'okta,"00u\r\n3",identity,00g1,connection,okta,,', row('00u1', '00g1')),
    ].map((text, index) => {
      const file = path.join(dir, `entity-relations.part-00${index + 1}.csv`);
      fs.writeFileSync(file, text);
      return file;
    });
    const report = await validateCsvSources({ relations: { parts } });
    expect(report.files.relations?.rows).toBe(4);
    const duplicate = report.findings.find((finding) => finding.rule === 'duplicate-relation')!;
    expect(duplicate).toMatchObject({ part: 'entity-relations.part-002.csv', line: 4 });
  });
});
