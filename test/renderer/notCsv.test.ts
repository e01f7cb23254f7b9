// Telling a file that is not a CSV at all (JSON, images, workbooks) from a CSV that is merely broken: the first is
// left out with what it is, the second goes to the validator, whose findings explain it.
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { notCsvReason, SIGNATURE_BYTES } from '../../renderer/src/features/validate/notCsv';

const HOSTILE_CSV = path.join(import.meta.dirname, '..', 'fixtures', 'hostile-csv');

function reasonFor(content: Buffer): string | null {
  return notCsvReason(new Uint8Array(content.subarray(0, SIGNATURE_BYTES)), content.toString('utf8', 0, 4096));
}

describe('notCsvReason', () => {
  it('names JSON, HTML and compressed files for what they are', () => {
    const manifest = Buffer.from(JSON.stringify({ format: 'okta-prep/balkanid-upload-bundle', files: {} }, null, 2));
    expect(reasonFor(manifest)).toMatch(/JSON/);
    expect(reasonFor(Buffer.from(`\uFEFF  [{"App":"okta"}]`))).toMatch(/JSON/);
    expect(reasonFor(Buffer.from('<!doctype html><title>Sign in</title>'))).toMatch(/HTML/);
    expect(reasonFor(gzipSync('App,Name\r\n'))).toMatch(/gzip archive: unpack it first/);
  });

  it('recognises an image by its first bytes, not its name', () => {
    // A real (1×1) PNG: signature, IHDR, IDAT, IEND, as any image editor writes it.
    const chunk = (type: string, data: Buffer) => Buffer.concat([Buffer.alloc(4), Buffer.from(type), data]);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
      chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    expect(reasonFor(png)).toMatch(/PNG image/);
  });

  it('leaves every broken CSV of the hostile corpus to the validator (UTF-16, NUL bytes, binary rows included)', () => {
    const files = fs.readdirSync(HOSTILE_CSV).filter((name) => name.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const flagged = files.filter((name) => reasonFor(fs.readFileSync(path.join(HOSTILE_CSV, name))) !== null);
    expect(flagged).toEqual([]);
  });
});
