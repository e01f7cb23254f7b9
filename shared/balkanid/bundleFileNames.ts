// The names of the three files an export bundle holds, for the writer that creates them and the UI that mentions them.
export const BUNDLE_FILE_NAMES = {
  entities: 'entities.csv',
  relations: 'entity-relations.csv',
  manifest: 'manifest.json',
} as const;

export type BundleFile = keyof typeof BUNDLE_FILE_NAMES;
export type BundleCsvFile = Exclude<BundleFile, 'manifest'>;
