// Words for relations an export leaves out because an end was never listed (manifest.json "relationsSkipped"):
// one phrasing for the pull and export output of the CLI and for the app.

function positiveEntries(leftOut: Partial<Record<string, number>>): [string, number][] {
  return Object.entries(leftOut).filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0);
}

/**
 * "3 relations were left out because their other end was never listed (directAppAssignment 2, userAdminRole 1)"
 * after an export ("… will be left out of the export …" after a pull), or undefined when there are none.
 */
export function describeRelationsLeftOut(
  leftOut: Partial<Record<string, number>>,
  when: 'export' | 'pull' = 'export',
): string | undefined {
  const entries = positiveEntries(leftOut);
  if (entries.length === 0) return undefined;
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const kinds = entries.map(([kind, count]) => `${kind} ${count}`).join(', ');
  const noun = total === 1 ? 'relation' : 'relations';
  const verb = when === 'pull' ? 'will be left out of the export' : total === 1 ? 'was left out' : 'were left out';
  return `${total} ${noun} ${verb} because their other end was never listed (${kinds})`;
}
