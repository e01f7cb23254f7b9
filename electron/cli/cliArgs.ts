// Parses okta-prep's command line (node:util parseArgs, strict): unknown options and bad values are usage errors.
import { parseArgs } from 'node:util';
import { usageError } from './cliErrors';
import { EXPORT_MAPPING_OPTIONS } from './exportMappingOptions';

const OPTIONS = {
  org: { type: 'string' },
  db: { type: 'string' },
  'include-factors': { type: 'boolean' },
  'read-every-group': { type: 'boolean' },
  'token-file': { type: 'string' },
  'client-id': { type: 'string' },
  'private-key-file': { type: 'string' },
  resume: { type: 'boolean' },
  quick: { type: 'boolean' },
  share: { type: 'string' },
  snapshot: { type: 'string' },
  compare: { type: 'string' },
  id: { type: 'string' },
  out: { type: 'string' },
  relations: { type: 'string' },
  'user-attributes': { type: 'string' },
  ...EXPORT_MAPPING_OPTIONS,
  'flatten-group-apps': { type: 'boolean' },
  'shared-files': { type: 'boolean' },
  users: { type: 'string' },
  groups: { type: 'string' },
  apps: { type: 'string' },
  seed: { type: 'string' },
  port: { type: 'string' },
  static: { type: 'string' },
  'max-upload-bytes': { type: 'string' },
  misbehave: { type: 'string' },
  dir: { type: 'string' },
  'api-key-id': { type: 'string' },
  'api-key-secret-file': { type: 'string' },
  'base-url': { type: 'string' },
  'profile-attribute': { type: 'string', multiple: true },
  user: { type: 'string' },
  app: { type: 'string' },
  group: { type: 'string' },
  rule: { type: 'string' },
  'dormant-days': { type: 'string' },
  'strong-factors': { type: 'string' },
  json: { type: 'boolean' },
  yes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export type CliValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export function parseCliArgs(argv: string[]): {
  command: string | undefined;
  positionals: string[];
  values: CliValues;
} {
  if (argv.some((arg) => arg === '--token' || arg.startsWith('--token='))) {
    throw usageError(
      '--token is not accepted: a token on the command line is visible to other users (ps, shell history). ' +
        'Set OKTA_API_TOKEN or use --token-file FILE.',
    );
  }
  if (argv.some((arg) => arg === '--api-key-secret' || arg.startsWith('--api-key-secret='))) {
    throw usageError(
      '--api-key-secret is not accepted: a secret on the command line is visible to other users (ps, shell ' +
        'history). Use --api-key-secret-file FILE or set OKTA_PREP_BALKANID_SECRET.',
    );
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { command: positionals[0], positionals: positionals.slice(1), values };
  } catch (error) {
    throw usageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function parsePositiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0)
    throw usageError(`${option} must be a snapshot id (a positive whole number), not "${value}"`);
  return Number(value);
}

export function parseShare(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const share = Number(value);
  if (!Number.isFinite(share) || share < 0.1 || share > 1)
    throw usageError(`--share must be a number from 0.1 to 1 (the fraction of each rate limit to use), not "${value}"`);
  return share;
}

/** --max-upload-bytes: a whole number of bytes, optionally with a KiB/MiB/GiB suffix ("512MiB"). */
export function parseByteSize(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\s*(KiB|MiB|GiB)?$/i.exec(value.trim());
  const units: Record<string, number> = { kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
  const bytes = match ? Number(match[1]) * (match[2] ? units[match[2].toLowerCase()]! : 1) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw usageError(`${option} must be a size in bytes such as 2147483648 or 2GiB, not "${value}"`);
  return bytes;
}
