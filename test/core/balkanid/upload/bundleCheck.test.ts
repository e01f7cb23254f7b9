// Checking a bundle against its manifest.json before upload: a real export passes; a changed, missing or mis-counted
// file, validation errors, and a manifest that is missing, not JSON or points outside the folder are each refused
// with a finding that says what to do.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBundle } from '../../../../electron/core/balkanid/bundleCheck/checkBundle';
import { CsvRecordCounter } from '../../../../electron/core/balkanid/bundleCheck/csvRecordCounter';
import { ENTITIES, ENTITLEMENTS, RELATIONS, writeHandMadeBundle } from '../../../helpers/handMadeBundle';
import { exportSampleOrgBundle } from '../../../helpers/sampleOrgBundle';
import { useTempDirs } from '../../../helpers/tempDir';

const tempDir = useTempDirs();
let exported: string;

beforeAll(async () => {
  exported = await exportSampleOrgBundle(tempDir());
});

function countRecords(text: string, chunkSize: number): number {
  const counter = new CsvRecordCounter();
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += chunkSize) counter.push(bytes.subarray(at, at + chunkSize));
  return counter.dataRows;
}

describe('CsvRecordCounter', () => {
  it('counts records, not lines: a quoted cell with line breaks or quotes is one record, at any chunking', () => {
    const text = 'a,b\r\n"x\r\ny","say ""hi""\r\n"\r\nlast,row';
    for (const chunkSize of [1, 2, 3, 7, 1000]) expect(countRecords(text, chunkSize)).toBe(2);
    expect(countRecords('a,b\r\n1,2\r\n', 4)).toBe(1);
    expect(countRecords('a,b\n1,2\n3,4', 4)).toBe(2);
    expect(countRecords('', 4)).toBe(0);
  });
});

describe('checkBundle', () => {
  it('passes a real export: every file is found with the size, SHA-256 and rows its manifest lists', async () => {
    const { report } = await checkBundle(exported);
    const manifest = JSON.parse(fs.readFileSync(path.join(exported, 'manifest.json'), 'utf8'));
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.files.map((file) => [file.kind, file.name, file.rows, file.matches])).toEqual([
      ['entities', 'entities.csv', manifest.files.entities[0].rows, true],
      ['relations', 'entity-relations.csv', manifest.files.relations[0].rows, true],
    ]);
    expect(report.files[0]!.rows).toBeGreaterThan(10);
  });

  it('passes a hand-made bundle whose quoted cells hold line breaks, and one with an entitlements file', async () => {
    const dir = writeHandMadeBundle(tempDir(), { entities: ENTITIES, entitlements: ENTITLEMENTS });
    const { report } = await checkBundle(dir);
    expect(report.findings).toEqual([]);
    expect(report.files.map((file) => [file.kind, file.rows])).toEqual([
      ['entities', 3],
      ['entitlements', 1],
    ]);
  });

  it('refuses a file changed after export (same size, one byte different) with a checksum finding', async () => {
    const dir = writeHandMadeBundle(tempDir(), { entities: ENTITIES, relations: RELATIONS });
    fs.writeFileSync(path.join(dir, RELATIONS.name), RELATIONS.text.replace('00u2', '00u3'));
    const { report } = await checkBundle(dir);
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([
      expect.objectContaining({ code: 'checksum-mismatch', file: 'entity-relations.csv' }),
    ]);
    expect(report.findings[0]!.fix).toMatch(/export the snapshot again/i);
  });

  it('refuses a file of another size, a missing file, and a manifest whose row count is wrong', async () => {
    const dir = writeHandMadeBundle(tempDir(), { entities: ENTITIES, relations: RELATIONS }, (manifest) => {
      manifest.files.entities.rows = 4;
    });
    fs.appendFileSync(path.join(dir, RELATIONS.name), 'okta,00u9,identity,00g1,connection,okta,,\r\n');
    let { report } = await checkBundle(dir);
    expect(report.findings.map((finding) => [finding.code, finding.file])).toEqual([
      ['row-count-mismatch', 'entities.csv'],
      ['size-mismatch', 'entity-relations.csv'],
    ]);
    expect(report.findings[0]!.message).toBe('entities.csv holds 3 rows; the manifest says 4');
    fs.rmSync(path.join(dir, RELATIONS.name));
    ({ report } = await checkBundle(dir));
    expect(report.findings.map((finding) => finding.code)).toEqual(['row-count-mismatch', 'file-missing']);
  });

  it('refuses a bundle whose export found validation errors, and says how to find them', async () => {
    const dir = writeHandMadeBundle(tempDir(), { entities: ENTITIES }, (manifest) => {
      manifest.validation.errors = 2;
    });
    const { report } = await checkBundle(dir);
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ code: 'validation-errors' })]);
    expect(report.findings[0]!.message).toMatch(/2 validation errors/);
    expect(report.findings[0]!.fix).toMatch(/okta-prep validate/);
  });

  it('refuses a folder without a manifest, a manifest that is not JSON, and a missing folder', async () => {
    const empty = tempDir();
    expect((await checkBundle(empty)).report.findings.map((f) => f.code)).toEqual(['manifest-missing']);
    fs.writeFileSync(path.join(empty, 'manifest.json'), '{ not json');
    expect((await checkBundle(empty)).report.findings.map((f) => f.code)).toEqual(['manifest-not-json']);
    const missing = await checkBundle(path.join(empty, 'nowhere'));
    expect(missing.report.findings.map((f) => f.code)).toEqual(['folder-missing']);
  });

  it('refuses a manifest that names a file outside the folder, lacks fields or is not a bundle manifest', async () => {
    const outside = writeHandMadeBundle(tempDir(), { entities: ENTITIES }, (manifest) => {
      manifest.files.entities.name = '../entities.csv';
      delete manifest.validation;
    });
    const { report } = await checkBundle(outside);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.code).toBe('manifest-shape');
    expect(report.findings[0]!.message).toContain('files.entities.name is not the plain name of a .csv file');
    expect(report.findings[0]!.message).toContain('it has no "validation"');
    expect(report.files).toEqual([]);

    const foreign = writeHandMadeBundle(tempDir(), { entities: ENTITIES }, (manifest) => {
      manifest.format = 'something-else';
    });
    expect((await checkBundle(foreign)).report.findings[0]!.message).toContain('not the manifest of an Okta Prep');
  });
});
