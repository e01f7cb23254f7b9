// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules with type information, React's hooks
// rules in the renderer, lines up to 120 characters, and the import directions of docs/architecture.md.
// Formatting itself is Prettier's (.prettierrc.json); `npm run lint` and `npm run format:check` run in .ci/run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

// Which folder may import which (docs/architecture.md). A folder not listed (scripts/, bin/, the root's configs)
// and test/ may import anything; an import into a folder not listed (package.json) is not restricted.
const AREAS = [
  { name: 'shared', dir: 'shared/', mayImport: ['shared'], packages: 'none' },
  { name: 'electron/core', dir: 'electron/core/', mayImport: ['shared'], packages: 'node' },
  { name: 'electron/cli', dir: 'electron/cli/', mayImport: ['electron/core', 'shared'], packages: 'node' },
  { name: 'electron/main', dir: 'electron/main/', mayImport: ['electron/core', 'shared'], packages: 'electron' },
  { name: 'electron/preload', dir: 'electron/preload/', mayImport: ['shared'], packages: 'electron' },
  { name: 'renderer', dir: 'renderer/', mayImport: ['shared'], packages: 'browser' },
  { name: 'test', dir: 'test/', mayImport: 'any', packages: 'any' },
];

// Packages each kind of runtime must not import (the same lists the tsconfigs map to boundaries/notInThisRuntime.js).
const REACT_SIDE = /^(react|react-dom|@tanstack)(\/|$)/;
const FORBIDDEN_PACKAGES = {
  none: /^(?![./])/, // shared/: no package at all, not even Node's
  node: new RegExp(`^electron$|${REACT_SIDE.source}`),
  electron: REACT_SIDE,
  browser: /^(node:|electron$|better-sqlite3$|ajv(\/|$)|jose(\/|$)|csv-parse(\/|$)|tsx(\/|$))/,
  any: null,
};

const areaOf = (repoPath) => AREAS.find((area) => repoPath.startsWith(area.dir));

/** local/import-direction: resolves each relative import and refuses the folders and packages a folder may not use. */
const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports flowing the way docs/architecture.md allows' },
    schema: [],
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = areaOf(file);
    if (!from || from.mayImport === 'any') return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = path
          .relative(root, path.resolve(path.dirname(context.filename), source))
          .split(path.sep)
          .join('/');
        const to = areaOf(target);
        if (to && to !== from && !from.mayImport.includes(to.name)) {
          context.report({
            node,
            message: `${from.name}/ may not import ${to.name}/ ('${source}'): see docs/architecture.md`,
          });
        }
      } else if (FORBIDDEN_PACKAGES[from.packages]?.test(source)) {
        context.report({ node, message: `${from.name}/ may not import '${source}': see docs/architecture.md` });
      }
    };
    const fromSource = (node) => check(node.source ?? node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: (node) => node.source && fromSource(node),
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
      // typescript-eslint 8 names the module `source` (older versions: `argument`, a literal type).
      TSImportType: (node) => check(node, (node.source ?? node.argument?.literal)?.value),
    };
  },
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'out/',
      '.tmp/',
      'node_modules/',
      'test-results/',
      'bench-results/',
      'playwright-report/',
      'okta-prep-demo/',
      // A stub that only throws; the tsconfigs map forbidden packages to it (docs/architecture.md).
      'boundaries/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with the tsconfig of its runtime (the root tsconfig.json references them all).
        projectService: true,
        tsconfigRootDir: root,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { local: { rules: { 'import-direction': importDirection } } },
    rules: {
      'local/import-direction': 'error',
      // No exception, tests included: a long title is shortened (or its context moved into a describe()), a long
      // string, URL or regular expression is split with +.
      'max-len': ['error', { code: 120 }],
      // A leading underscore names what is left out on purpose (`const { secret: _secret, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: an `async` method with no `await` is how this code implements a Promise-returning contract (the service,
      // secret stores, fakes in tests) so that a throw becomes a rejection, never a synchronous throw to the caller.
      '@typescript-eslint/require-await': 'off',
      // A Promise may reject with an AbortSignal's reason (typed any): cancellation passes the caller's reason on.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      // `let handle` read by a callback created before the assignment (startJob) must stay `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Off in tests: they read JSON (CLI output, HTTP bodies, manifests) and assert on it; typing each shape
      // would restate the code under test. The code itself keeps these rules.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Off in tests: `expect(bridge.call).toBeTypeOf('function')` reads a method without calling it.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain JavaScript (scripts/, bin/, the job worker's bootstrap, a benchmark client, this file): Node, and not
    // type-checked (docs/architecture.md), so without the rules that need type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      // Off: the app is not built with React Compiler; this only says the compiler would skip a component that uses
      // TanStack Virtual (VirtualTable), which changes nothing here.
      'react-hooks/incompatible-library': 'off',
    },
  },
);
