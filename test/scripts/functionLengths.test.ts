// scripts/function-lengths.mjs (`npm run lengths`): lists the functions over a limit, longest first, by the name a
// reader would search for, and leaves tests out.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/function-lengths.mjs');
let folder: string;

/** A body of `count` lines (the opening and closing lines included). */
const body = (count: number): string =>
  ['{', ...Array.from({ length: count - 2 }, (_, i) => `  f(${i});`), '}'].join('\n');

function lengths(...args: string[]): string[] {
  return execFileSync(process.execPath, [script, ...args], { encoding: 'utf8' })
    .trimEnd()
    .split('\n');
}

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'function-lengths-'));
  fs.mkdirSync(path.join(folder, 'nested'));
  fs.writeFileSync(
    path.join(folder, 'code.ts'),
    [
      `export function exactlyForty() ${body(40)}`,
      `export function fortyOne() ${body(41)}`,
      `export const arrow = () => ${body(45)};`,
      `export class Store {`,
      `  constructor() ${body(42)}`,
      `  save() ${body(43)}`,
      `}`,
    ].join('\n'),
  );
  fs.writeFileSync(path.join(folder, 'nested/View.tsx'), `export const View = memo(function () ${body(50)});\n`);
  fs.writeFileSync(path.join(folder, 'code.test.ts'), `it('x', () => ${body(90)});\n`);
});

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('function-lengths', () => {
  it('lists what is over 40 lines, longest first, with its file, line and name; tests left out', () => {
    const rel = path.relative(root, folder);
    expect(lengths(folder)).toEqual([
      `   50  ${rel}/nested/View.tsx:1  View`,
      `   45  ${rel}/code.ts:82  arrow`,
      `   43  ${rel}/code.ts:170  Store.save`,
      `   42  ${rel}/code.ts:128  Store.constructor`,
      `   41  ${rel}/code.ts:41  fortyOne`,
      '5 function(s) over 40 lines',
    ]);
  });

  it('takes another limit, and a file instead of a folder', () => {
    expect(lengths('44', folder).slice(-1)).toEqual(['2 function(s) over 44 lines']);
    expect(lengths('44', path.join(folder, 'nested/View.tsx'))).toEqual([
      `   50  ${path.relative(root, folder)}/nested/View.tsx:1  View`,
      '1 function(s) over 44 lines',
    ]);
  });
});
