// Validates electron-builder.yml against electron-builder's own JSON schema and pins the security-relevant settings.
// Needs electron-builder installed as a devDependency (its app-builder-lib ships scheme.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schemaPath = path.join(repoRoot, 'node_modules/app-builder-lib/scheme.json');
const configPath = path.join(repoRoot, 'electron-builder.yml');

function loadSchema(): object {
  try {
    return JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  } catch (error) {
    throw new Error(
      `Cannot read ${schemaPath}: add electron-builder as a devDependency (npm install -D electron-builder). ` +
        `Cause: ${(error as Error).message}`,
    );
  }
}

const config = parse(readFileSync(configPath, 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's JSON schema", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(loadSchema());
    const valid = validate(config);
    expect(ajv.errorsText(validate.errors, { separator: '\n' })).toBe('No errors');
    expect(valid).toBe(true);
  });

  it('identifies the app and writes to release/', () => {
    expect(config.appId).toBe('com.oktaprep.app');
    expect(config.productName).toBe('Okta Prep');
    expect(config.directories?.output).toBe('release');
    expect(config.extraMetadata?.main).toBe('dist/electron/main.js');
  });

  it('ships only build output and package.json', () => {
    const included = (config.files as string[]).filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['dist/**/*', 'package.json']);
  });

  it('keeps the native SQLite module outside the asar', () => {
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('builds AppImage + deb, dmg and nsis', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('flips the Electron fuses to their locked-down values', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
