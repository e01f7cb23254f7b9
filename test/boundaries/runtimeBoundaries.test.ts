// The type-check keeps each runtime to what it really has (docs/architecture.md): probe files crossing a boundary
// fail with an error naming the problem, and probes that stay inside it pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProbes, probeFilePath, removeProbeProjects, writeProbeProjects } from './probeProjects';
import type { ProbeProject } from './probeProjects';

/** One statement that crosses the boundary, and the error the type-check must give for it. */
interface Violation {
  code: string;
  error: RegExp;
}

interface RuntimeCase {
  name: string;
  config: string;
  violations: Violation[];
  /** Code the runtime may contain: it must check cleanly, so the failures above are the boundary's doing. */
  allowed: string;
}

/** Another project's file: the composite project refuses it (TS6307), unless referenced. */
const notListed = (file: string): RegExp => new RegExp(`error TS6307: File '[^']*/${file}' is not listed within`);
/** A package mapped to boundaries/notInThisRuntime.js, which has no types. */
const noDeclaration = (name: string): RegExp =>
  new RegExp(`error TS7016: Could not find a declaration file for module '${name}'`);
/** A global this runtime's lib and types do not declare. */
const noGlobal = (name: string): RegExp => new RegExp(`Cannot find name '${name}'`);

// Probes live in .tmp/boundary-probes/<runtime>/, three folders below the repository root.
const APP_INFO = "'../../../electron/core/appInfo'";
const COLUMNS = "'../../../shared/balkanid/columns'";
const WINDOW_OPTIONS = "'../../../electron/main/windowOptions'";
const FORMAT_DURATION = "'../../../renderer/src/format/formatDuration'";

const CASES: RuntimeCase[] = [
  {
    name: 'shared',
    config: 'shared/tsconfig.json',
    violations: [
      { code: "import { readFileSync } from 'node:fs';", error: noDeclaration('node:fs') },
      { code: "import Ajv from 'ajv';", error: noDeclaration('ajv') },
      { code: 'export const home = process.env.HOME;', error: noGlobal('process') },
      { code: 'export const title = document.title;', error: noGlobal('document') },
      { code: `import { APP_NAME } from ${APP_INFO};`, error: notListed('core/appInfo.ts') },
    ],
    allowed: `import { ENTITY_COLUMNS } from ${COLUMNS};\nexport const last = ENTITY_COLUMNS.at(-1);`,
  },
  {
    name: 'core',
    config: 'electron/core/tsconfig.json',
    violations: [
      { code: "import { app } from 'electron';", error: noDeclaration('electron') },
      { code: "import { useState } from 'react';", error: noDeclaration('react') },
      { code: 'export const title = document.title;', error: noGlobal('document') },
      { code: `import { MAIN_WINDOW_SIZE } from ${WINDOW_OPTIONS};`, error: notListed('main/windowOptions.ts') },
      { code: `import { formatDuration } from ${FORMAT_DURATION};`, error: notListed('format/formatDuration.ts') },
    ],
    allowed: [
      "import Database from 'better-sqlite3';",
      "import { readFileSync } from 'node:fs';",
      `import { APP_NAME } from ${APP_INFO};`,
      `import { ENTITY_COLUMNS } from ${COLUMNS};`,
      'export const allowed: unknown[] = [Database, readFileSync, APP_NAME, ENTITY_COLUMNS, process.env, fetch];',
    ].join('\n'),
  },
  {
    name: 'cli',
    config: 'electron/cli/tsconfig.json',
    violations: [
      { code: "import { app } from 'electron';", error: noDeclaration('electron') },
      { code: 'export const title = document.title;', error: noGlobal('document') },
    ],
    allowed: `import { APP_NAME } from ${APP_INFO};\nexport const allowed: unknown[] = [APP_NAME, process.argv];`,
  },
  {
    name: 'main',
    config: 'electron/main/tsconfig.json',
    violations: [
      { code: "import { useState } from 'react';", error: noDeclaration('react') },
      { code: 'export const title = document.title;', error: noGlobal('document') },
      { code: `import { formatDuration } from ${FORMAT_DURATION};`, error: notListed('format/formatDuration.ts') },
    ],
    allowed: [
      "import { app } from 'electron';",
      `import { APP_NAME } from ${APP_INFO};`,
      "import { IPC_CALL_CHANNEL } from '../../../shared/ipcChannels';",
      'export const allowed: unknown[] = [app, APP_NAME, IPC_CALL_CHANNEL, process.platform];',
    ].join('\n'),
  },
  {
    name: 'preload',
    config: 'electron/preload/tsconfig.json',
    violations: [
      { code: `import { APP_NAME } from ${APP_INFO};`, error: notListed('core/appInfo.ts') },
      { code: "import { useState } from 'react';", error: noDeclaration('react') },
    ],
    allowed: "import { ipcRenderer } from 'electron';\nexport const allowed: unknown[] = [ipcRenderer];",
  },
  {
    name: 'renderer',
    config: 'renderer/tsconfig.json',
    violations: [
      { code: "import Database from 'better-sqlite3';", error: noDeclaration('better-sqlite3') },
      { code: "import { ipcRenderer } from 'electron';", error: noDeclaration('electron') },
      { code: "import { readFileSync } from 'node:fs';", error: noDeclaration('node:fs') },
      { code: 'export const home = process.env.HOME;', error: noGlobal('process') },
      { code: `import { APP_NAME } from ${APP_INFO};`, error: notListed('core/appInfo.ts') },
    ],
    allowed: [
      "import { useState } from 'react';",
      `import { formatDuration } from ${FORMAT_DURATION};`,
      `import { ENTITY_COLUMNS } from ${COLUMNS};`,
      'export const allowed: unknown[] = [useState, formatDuration, ENTITY_COLUMNS, document.title, window];',
    ].join('\n'),
  },
];

const CANARY = "export const checked: number = 'not a number';";

function probeProjects(): ProbeProject[] {
  return CASES.map((runtime) => ({
    name: runtime.name,
    config: runtime.config,
    files: {
      'violations.ts': `${runtime.violations.map((violation) => violation.code).join('\n')}\nexport {};\n`,
      // The last line's deliberate mistake shows the file really was checked.
      'allowed.ts': `${runtime.allowed}\n${CANARY}\n`,
    },
  }));
}

describe('runtime boundaries enforced by the type-check', () => {
  let errors: string[] = [];

  beforeAll(async () => {
    errors = await buildProbes(writeProbeProjects(probeProjects()));
  }, 90_000);
  afterAll(removeProbeProjects);

  describe.each(CASES)('$name', (runtime) => {
    it.each(runtime.violations.map((violation, index) => ({ ...violation, line: index + 1 })))(
      'refuses line $line: $code',
      ({ line, error }) => {
        const linePrefix = `${probeFilePath(runtime.name, 'violations.ts')}(${line},`;
        const onLine = errors.filter((message) => message.startsWith(linePrefix));
        expect(onLine.join('\n')).toMatch(error);
      },
    );

    it('accepts what the runtime may use (the only error is the canary on the last line)', () => {
      const allowedFile = probeFilePath(runtime.name, 'allowed.ts');
      const canaryLine = runtime.allowed.split('\n').length + 1;
      const found = errors.filter((message) => message.startsWith(allowedFile));
      const canaryError = new RegExp(`^${allowedFile}\\(${canaryLine},\\d+\\): error TS2322`);
      expect(found).toEqual([expect.stringMatching(canaryError)]);
    });
  });
});
