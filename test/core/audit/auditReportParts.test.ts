// The report's building blocks on their own: templates escape every value (text and attributes) and pass only markup
// made by templates; the SVG chart is readable without colour (every bar has its label and number as text) and by a
// screen reader (title and a description listing every value); the file appears whole, 0600, or not at all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml } from '../../../electron/core/audit/report/html';
import { svgBarChart } from '../../../electron/core/audit/report/svgBarChart';
import { writeReportFile } from '../../../electron/core/audit/report/writeReportFile';
import { unescapeHtml } from '../../helpers/reportHtml';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const HOSTILE = `"><script>alert('x')</script>&amp;`;

describe('report templates', () => {
  it('escape values in text and attributes, and nest templates without escaping them twice', () => {
    const cell = html`<td title="${HOSTILE}">${HOSTILE}</td>`;
    const row = html`<tr>
      ${[cell, cell]}${null}${undefined}${42}
    </tr>`;
    expect(row.markup).not.toContain('<script');
    expect(row.markup.match(/<td /g)).toHaveLength(2);
    expect(row.markup).toMatch(/42\s*<\/tr>$/);
    const attribute = /title="([^"]*)"/.exec(row.markup)![1]!;
    expect(unescapeHtml(attribute)).toBe(HOSTILE);
    expect(joinHtml([HOSTILE, cell], ' ').markup.startsWith(escapeHtml(HOSTILE))).toBe(true);
    expect(unescapeHtml(escapeHtml(HOSTILE))).toBe(HOSTILE);
  });
});

describe('svgBarChart', () => {
  const rows = [
    { key: 'ACTIVE', label: 'ACTIVE', count: 12_345 },
    { key: 'SUSPENDED', label: '<b>SUSPENDED</b>', count: 7 },
    { key: 'none', label: 'STAGED', count: 0 },
  ];

  it('names itself, describes every value and labels every bar with its number', () => {
    const svg = svgBarChart({ id: 'chart-users', title: 'Users by status', rows, emptyText: 'No users' }).markup;
    expect(svg).toMatch(/<svg\s+role="img"\s+aria-labelledby="chart-users-title chart-users-desc"/);
    expect(svg).toContain('<title id="chart-users-title">Users by status</title>');
    const description = /<desc id="chart-users-desc">([^<]*)<\/desc>/.exec(svg)![1]!;
    expect(unescapeHtml(description)).toBe('ACTIVE: 12,345; <b>SUSPENDED</b>: 7; STAGED: 0');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => unescapeHtml(match[1]!));
    expect(texts).toEqual(['ACTIVE', '12,345', '<b>SUSPENDED</b>', '7', 'STAGED', '0']);
    const widths = [...svg.matchAll(/<rect[^>]*\swidth="(\d+)"/g)].map((match) => Number(match[1]));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[2]).toBe(0);
  });

  it('says so when there is nothing to draw', () => {
    const svg = svgBarChart({ id: 'c', title: 'Findings by rule', rows: [], emptyText: 'No findings' }).markup;
    expect(svg).toContain('<desc id="c-desc">No findings</desc>');
    expect(svg).not.toContain('<rect');
  });
});

describe('writeReportFile', () => {
  it('writes a private file whole, replacing an older one', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'report.html');
    fs.writeFileSync(file, 'older', { mode: 0o644 });
    const written = await writeReportFile(file, '<!doctype html><p>é</p>');
    expect(written).toEqual({ path: file, bytes: Buffer.byteLength('<!doctype html><p>é</p>') });
    expect(fs.readFileSync(file, 'utf8')).toBe('<!doctype html><p>é</p>');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(folder)).toEqual(['report.html']);
  });

  it('names the missing folder and leaves nothing when it cannot write', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'missing', 'report.html');
    await expect(writeReportFile(file, 'x')).rejects.toThrow(
      `cannot create ${file}: the folder ${path.dirname(file)} does not exist`,
    );
    const intoFolder = path.join(folder, 'taken');
    fs.mkdirSync(intoFolder);
    await expect(writeReportFile(intoFolder, 'x')).rejects.toThrow(`cannot write ${intoFolder}`);
    expect(fs.readdirSync(folder)).toEqual(['taken']);
    expect(fs.readdirSync(intoFolder)).toEqual([]);
  });
});
