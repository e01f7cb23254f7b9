// Converts Okta ISO 8601 timestamps to the form BalkanID's samples use: `2023-12-14 04:42:12 +0000 UTC`.

const ISO_UTC = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** Returns the BalkanID form, or undefined for a null/empty/unparseable value (absent values are left out). */
export function toBalkanTimestamp(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const match = ISO_UTC.exec(iso);
  if (match && match[3] === 'Z') return `${match[1]} ${match[2]} +0000 UTC`;
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) return undefined;
  const normalised = new Date(millis).toISOString(); // always UTC with Z
  return `${normalised.slice(0, 10)} ${normalised.slice(11, 19)} +0000 UTC`;
}
