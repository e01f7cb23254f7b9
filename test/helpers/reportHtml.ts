// Reads an audit report's HTML the way a tool would: its figures by their data-figure keys, and the rows it lists
// (findings and changes) by their data attributes; attribute values are unescaped back to the text they hold.
import fs from 'node:fs';
import Papa from 'papaparse';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

/** Every figure of the report: key → number (thousands separators removed). */
export function reportFigures(html: string): Map<string, number> {
  const figures = new Map<string, number>();
  for (const match of html.matchAll(/data-figure="([^"]*)">([^<]*)</g)) {
    const key = unescapeHtml(match[1]!);
    if (figures.has(key)) throw new Error(`figure ${key} appears twice in the report`);
    figures.set(key, Number(match[2]!.replace(/,/g, '')));
  }
  return figures;
}

/** The values of one data attribute on each element that has it, in order (e.g. data-finding-rule). */
export function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(` ${attribute}="([^"]*)"`, 'g'))].map((match) => unescapeHtml(match[1]!));
}

/** Rows listed in the report: `<tr data-A="x" data-B="y">` as [x, y] pairs. */
export function listedRows(html: string, first: string, second: string): [string, string][] {
  return [...html.matchAll(new RegExp(`<tr ${first}="([^"]*)" ${second}="([^"]*)"`, 'g'))].map((match) => [
    unescapeHtml(match[1]!),
    unescapeHtml(match[2]!),
  ]);
}

export function readCsvRows(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

/** How many times each value of `key(row)` occurs. */
export function countBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}
