// The lint rule local/import-direction (eslint.config.js) keeps imports flowing the way docs/architecture.md allows:
// each probe is linted as if it were a file of that folder, with the repository's own config.
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// The probes are not on disk, so no tsconfig lists them: lint them without type information.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ],
});

async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/import-direction').map((m) => m.message);
}

describe('local/import-direction', () => {
  it.each([
    ['electron/core/zz.ts', "import '../main/index';", 'electron/core/ may not import electron/main/'],
    ['electron/core/pull/zz.ts', "export * from '../../cli/usage';", 'electron/core/ may not import electron/cli/'],
    ['electron/core/zz.ts', "import '../preload/preload';", 'electron/core/ may not import electron/preload/'],
    ['electron/core/zz.ts', "import 'electron';", "electron/core/ may not import 'electron'"],
    ['electron/core/zz.ts', "type T = typeof import('../../renderer/src/main');", 'may not import renderer/'],
    ['electron/cli/commands/zz.ts', "import '../../main/index';", 'electron/cli/ may not import electron/main/'],
    ['electron/main/zz.ts', "import '../../renderer/src/app/App';", 'electron/main/ may not import renderer/'],
    ['electron/preload/zz.ts', "import '../core/appInfo';", 'electron/preload/ may not import electron/core/'],
    ['renderer/src/zz.ts', "import '../../electron/core/appInfo';", 'renderer/ may not import electron/core/'],
    ['renderer/src/zz.ts', "import('../../electron/main/index');", 'renderer/ may not import electron/main/'],
    ['renderer/src/zz.ts', "import 'node:fs';", "renderer/ may not import 'node:fs'"],
    ['renderer/src/zz.ts', "import 'better-sqlite3';", "renderer/ may not import 'better-sqlite3'"],
    ['shared/zz.ts', "import '../electron/core/appInfo';", 'shared/ may not import electron/core/'],
    ['shared/zz.ts', "import 'ajv';", "shared/ may not import 'ajv'"],
  ])('%s: %s is refused', async (file, code, message) => {
    expect(await refusals(file, code)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['electron/cli/commands/zz.ts', "import '../main'; import '../../core/appInfo'; import 'node:fs';"],
    ['electron/main/zz.ts', "import 'electron'; import '../core/appInfo'; import '../../shared/balkanid/columns';"],
    ['electron/preload/zz.ts', "import 'electron'; import '../../shared/balkanid/columns';"],
    ['electron/core/zz.ts', "import '../../package.json'; import 'better-sqlite3'; import './appInfo';"],
    ['renderer/src/zz.ts', "import 'react'; import '../../shared/balkanid/columns'; import './app/App';"],
    ['shared/zz.ts', "import './balkanid/columns';"],
    ['test/zz.ts', "import '../electron/main/index'; import '../renderer/src/app/App'; import 'electron';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });
});
