// `okta-prep serve` without a browser build: a --static folder without index.html, or nothing to build with, stops
// with a message naming the command to run; an existing build is used as it is.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBrowserBuild, findViteCli, PACKAGE_ROOT } from '../../electron/cli/browserBuild';
import { CliError } from '../../electron/cli/cliErrors';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const notes: string[] = [];
const note = (line: string) => notes.push(line);

describe('ensureBrowserBuild', () => {
  it('refuses a --static folder without index.html and says how to build one', async () => {
    const folder = tempDir();
    const error = await ensureBrowserBuild({ staticDir: folder, note }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(
      `--static ${folder} has no index.html: build the browser app with "npm run build:renderer" (it writes ` +
        `dist/renderer) or point --static at a folder that has one`,
    );
  });

  it('uses an existing build without building', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    notes.length = 0;
    expect(await ensureBrowserBuild({ root, note })).toBe(path.join(root, 'dist', 'renderer'));
    expect(notes).toEqual([]);
  });

  it('without Vite installed, fails naming npm ci and npm run build:renderer', async () => {
    const root = tempDir(); // no node_modules anywhere above /tmp
    expect(findViteCli(root)).toBeUndefined();
    await expect(ensureBrowserBuild({ root, note })).rejects.toThrow(
      `the browser app is not built (${path.join(root, 'dist', 'renderer')} has no index.html) and Vite is ` +
        `not installed to build it: run "npm ci" and then "npm run build:renderer"`,
    );
  });

  it("finds this checkout's Vite", () => {
    expect(findViteCli(PACKAGE_ROOT)).toBe(
      path.join(fs.realpathSync(path.join(PACKAGE_ROOT, 'node_modules', 'vite')), 'bin', 'vite.js'),
    );
  });
});
