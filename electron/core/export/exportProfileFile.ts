// Reads and writes export profile files (shared/balkanid/exportProfile.ts): checked with ajv and the mapping rules on
// the way in, written whole, owner-only (0600) and atomically on the way out. Used by the CLI (--profile,
// --save-profile) and by the service (the Export screen's saved choices).
import Ajv, { type ValidateFunction } from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { RELATION_KINDS } from '../../../shared/balkanid/columns';
import {
  EXPORT_PROFILE_FORMAT,
  EXPORT_PROFILE_SCHEMA,
  EXPORT_PROFILE_VERSION,
  exportProfileOf,
  type ExportProfile,
  type ExportProfileInput,
} from '../../../shared/balkanid/exportProfile';
import { checkExportChoices, type ChoiceProblem } from '../../../shared/balkanid/exportMappingRules';
import { PRIVATE_FILE_MODE } from '../files/privateModes';
import { formatParamErrors } from '../service/paramValidators';
import { addExportChoicesKeyword } from './exportChoicesKeyword';

/** A profile is a few kilobytes (200 attributes of 200 characters at most): a larger file is the wrong one. */
export const MAX_PROFILE_BYTES = 1024 * 1024;

export class ExportProfileError extends Error {
  override name = 'ExportProfileError';
}

export interface LoadedExportProfile {
  /** Whole: what the file left out holds its default; values trimmed, attribute duplicates removed. */
  profile: ExportProfile;
  warnings: ChoiceProblem[];
}

let validateProfile: ValidateFunction | undefined;

function profileValidator(): ValidateFunction {
  validateProfile ??= addExportChoicesKeyword(new Ajv({ allErrors: true, strict: false })).compile(
    EXPORT_PROFILE_SCHEMA,
  );
  return validateProfile;
}

/** The format and version first, each with its own message: a file of another kind is told apart from a bad one. */
function checkEnvelope(value: unknown, source: string): void {
  const envelope = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (envelope.format !== EXPORT_PROFILE_FORMAT)
    throw new ExportProfileError(
      `${source} is not an Okta Prep export profile: its "format" must be "${EXPORT_PROFILE_FORMAT}"`,
    );
  if (envelope.version !== EXPORT_PROFILE_VERSION)
    throw new ExportProfileError(
      `${source} is export profile version ${JSON.stringify(envelope.version)}; this Okta Prep reads version ` +
        `${EXPORT_PROFILE_VERSION}: save the profile again with this version, or update Okta Prep`,
    );
}

/** A parsed profile checked whole; `source` names it in messages ("the profile file p.json"). */
export function resolveExportProfile(value: unknown, source: string): LoadedExportProfile {
  checkEnvelope(value, source);
  const validate = profileValidator();
  if (!validate(value))
    throw new ExportProfileError(`${source} cannot be used: ${formatParamErrors(validate.errors, 'profile')}`);
  const input = value as ExportProfileInput;
  const checked = checkExportChoices({ mapping: input.mapping, userAttributes: input.userAttributes });
  return {
    profile: exportProfileOf({
      mapping: checked.mapping,
      userAttributes: checked.userAttributes,
      relationKinds: input.relationKinds ?? [...RELATION_KINDS],
      flattenGroupAppAssignments: input.flattenGroupAppAssignments ?? false,
    }),
    warnings: checked.warnings,
  };
}

export function parseExportProfile(text: string, source: string): LoadedExportProfile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ExportProfileError(`${source} is not JSON (${(error as Error).message}): check the file`);
  }
  return resolveExportProfile(value, source);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

export function readExportProfileFile(file: string): LoadedExportProfile {
  const source = `the profile file ${file}`;
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new ExportProfileError(`${source} is not a file: check the path`);
    if (stat.size > MAX_PROFILE_BYTES)
      throw new ExportProfileError(`${source} is ${stat.size} bytes, too large for a profile: check the path`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ExportProfileError) throw error;
    throw new ExportProfileError(`cannot read ${source}: ${errorCode(error)}. Check the path.`);
  }
  return parseExportProfile(text, source);
}

/** Written under a temporary name, owner-only, then renamed: a reader never sees half a profile. */
export function writeExportProfileFile(file: string, profile: ExportProfile): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, `${JSON.stringify(profile, null, 2)}\n`, { mode: PRIVATE_FILE_MODE, flag: 'w' });
    fs.chmodSync(temp, PRIVATE_FILE_MODE); // a temp file left from before keeps its mode otherwise
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new ExportProfileError(
      `cannot write the profile file ${file}: ${errorCode(error)}. Choose a folder you can write to.`,
    );
  }
}
