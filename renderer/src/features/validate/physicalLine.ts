// Pure: the text of one physical line (1-based) of a file, without its line ending, found without splitting the whole
// file.

export function physicalLine(text: string, lineNumber: number): string | undefined {
  if (!Number.isInteger(lineNumber) || lineNumber < 1) return undefined;
  let start = 0;
  for (let line = 1; line < lineNumber; line++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return undefined;
    start = newline + 1;
  }
  if (start > text.length || (start === text.length && lineNumber > 1)) return undefined;
  const end = text.indexOf('\n', start);
  let line = text.slice(start, end < 0 ? text.length : end);
  if (line.endsWith('\r')) line = line.slice(0, -1);
  return lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
}
