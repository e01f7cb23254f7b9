// The names of the files an export bundle holds, for the writer that creates them and the UI that mentions them.
export const BUNDLE_FILE_NAMES = {
  entities: 'entities.csv',
  relations: 'entity-relations.csv',
  entitlements: 'entitlements.csv',
  manifest: 'manifest.json',
} as const;

export type BundleFile = keyof typeof BUNDLE_FILE_NAMES;
export type BundleCsvFile = Exclude<BundleFile, 'manifest'>;

/**
 * A bundle whose validation found errors is kept under names an upload never takes: `.invalid` before the extension
 * (`entities.invalid.csv`, `manifest.invalid.json`), so neither a person nor check-bundle/upload mistakes it for one.
 */
export function invalidNameOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? `${name}.invalid` : `${name.slice(0, dot)}.invalid${name.slice(dot)}`;
}

/** The folder beside the bundle that holds the optional spreadsheet-safe review copy (never uploaded). */
export const REVIEW_FOLDER = 'review';

/** Names an export writes (upload names, kept-invalid names, split parts): what a later export may replace. */
export const EXPORT_WRITTEN_NAME =
  /^(?:(?:entities|entity-relations|entitlements)(?:\.part-\d{3,})?(?:\.invalid)?\.csv|manifest(?:\.invalid)?\.json)$/;
