// Checks that a service result is plain JSON data, so IPC (structured clone) and HTTP (JSON) deliver the same value.

const MAX_DEPTH = 200;

/** Where the value stops being plain JSON data (e.g. "value.rows[3].when: Date"), or null when it is fine. */
export function findNonJsonValue(value: unknown): string | null {
  return inspect(value, 'value', new Set<object>(), 0);
}

function inspect(value: unknown, path: string, ancestors: Set<object>, depth: number): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path}: non-finite number`;
  if (typeof value !== 'object') return `${path}: ${typeof value}`;
  if (depth > MAX_DEPTH) return `${path}: nested deeper than ${MAX_DEPTH}`;
  if (ancestors.has(value)) return `${path}: circular reference`;
  ancestors.add(value);
  try {
    return Array.isArray(value)
      ? inspectArray(value, path, ancestors, depth)
      : inspectObject(value, path, ancestors, depth);
  } finally {
    ancestors.delete(value);
  }
}

function inspectArray(items: unknown[], path: string, ancestors: Set<object>, depth: number): string | null {
  for (let index = 0; index < items.length; index += 1) {
    const problem = inspect(items[index], `${path}[${index}]`, ancestors, depth + 1);
    if (problem) return problem;
  }
  return null;
}

function inspectObject(record: object, path: string, ancestors: Set<object>, depth: number): string | null {
  const prototype: unknown = Object.getPrototypeOf(record);
  if (prototype !== Object.prototype && prototype !== null) {
    return `${path}: ${(record.constructor as { name?: string } | undefined)?.name ?? 'non-plain object'}`;
  }
  for (const [key, item] of Object.entries(record)) {
    // Optional fields left undefined are dropped by JSON and kept as undefined by structured clone: both fine.
    if (item === undefined) continue;
    const problem = inspect(item, `${path}.${key}`, ancestors, depth + 1);
    if (problem) return problem;
  }
  return null;
}
