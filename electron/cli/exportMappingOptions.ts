// The command-line options of the export choices (parsed in exportMappingFlags.ts), kept beside the other options in
// cliArgs.ts by one spread. The repeatable ones take one KIND=VALUE (or NAME) each time they are given.
export const EXPORT_MAPPING_OPTIONS = {
  profile: { type: 'string' },
  'save-profile': { type: 'string' },
  'source-type': { type: 'string', multiple: true },
  'role-id-prefix': { type: 'string' },
  'privilege-name': { type: 'string', multiple: true },
  'connection-type': { type: 'string', multiple: true },
  'metadata-key': { type: 'string', multiple: true },
  'user-attribute': { type: 'string', multiple: true },
} as const;
