#!/usr/bin/env node
// Lists the functions longer than a limit (default 40 lines) in the app's own code, longest first, so a change that
// grows one past a screen is seen: `npm run lengths` or `node scripts/function-lengths.mjs [LIMIT] [FOLDER|FILE…]`.
// Counts every function, method, accessor, constructor, arrow function and function expression (React components
// included) from its first line to its closing brace; a nested function is counted on its own and inside its parent.
// Tests and generated files are left out: their length is not what a reader of the app pays for.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FOLDERS = ['electron', 'shared', 'renderer'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', 'generated', 'test']);
const SKIPPED_FILE = /\.(test|spec|d)\.tsx?$|\.generated\.tsx?$/;

function usage(message) {
  console.error(
    `${message}\nusage: node scripts/function-lengths.mjs [LIMIT] [FOLDER|FILE…]   (LIMIT: lines, default 40)`,
  );
  process.exit(2);
}

function sourceFiles(folder) {
  if (fs.statSync(folder).isFile()) return [folder];
  const found = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...sourceFiles(full));
    else if (entry.isFile() && /\.tsx?$/.test(entry.name) && !SKIPPED_FILE.test(entry.name)) found.push(full);
  }
  return found;
}

const isFunction = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node) ||
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node);

/** The name a reader would search for: the declaration's own, else what it is assigned to or passed to. */
function nameOf(node, sourceFile) {
  if (ts.isConstructorDeclaration(node)) return `${nameOf(node.parent, sourceFile)}.constructor`;
  if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return node.name?.text ?? '(class)';
  if (node.name) {
    const own = node.name.getText(sourceFile);
    const owner = node.parent && (ts.isClassDeclaration(node.parent) || ts.isClassExpression(node.parent));
    return owner ? `${nameOf(node.parent, sourceFile)}.${own}` : own;
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText(sourceFile);
  }
  if (ts.isCallExpression(parent)) {
    // const Row = memo(function …) is Row; useEffect(() => …) is a callback of useEffect.
    if (ts.isVariableDeclaration(parent.parent)) return parent.parent.name.getText(sourceFile);
    return `(callback of ${parent.expression.getText(sourceFile).slice(0, 40)})`;
  }
  return '(anonymous)';
}

function longFunctions(file, limit) {
  const text = fs.readFileSync(file, 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const lineOf = (position) => sourceFile.getLineAndCharacterOfPosition(position).line + 1;
  const found = [];
  const visit = (node) => {
    if (isFunction(node) && node.body) {
      const first = lineOf(node.getStart(sourceFile));
      const lines = lineOf(node.getEnd()) - first + 1;
      if (lines > limit)
        found.push({ lines, file: path.relative(ROOT, file), line: first, name: nameOf(node, sourceFile) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

const [first, ...rest] = process.argv.slice(2);
const limit = first !== undefined && /^\d+$/.test(first) ? Number(first) : 40;
const folders = first !== undefined && !/^\d+$/.test(first) ? [first, ...rest] : rest;
for (const folder of folders) {
  if (!fs.existsSync(path.resolve(ROOT, folder))) usage(`no folder or file ${folder}`);
}

const results = (folders.length > 0 ? folders : DEFAULT_FOLDERS)
  .flatMap((folder) => sourceFiles(path.resolve(ROOT, folder)))
  .flatMap((file) => longFunctions(file, limit))
  .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);

for (const { lines, file, line, name } of results) {
  console.log(`${String(lines).padStart(5)}  ${file}:${line}  ${name}`);
}
console.log(`${results.length} function(s) over ${limit} lines`);
