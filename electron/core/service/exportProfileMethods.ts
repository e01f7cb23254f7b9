// The service's export-profile methods: the Export screen's choices kept as an export profile file in the data folder
// (export-profile.json, 0600), checked with ajv and the mapping rules like a profile given to the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from '../files/makeFolders';
import type { ServiceImplementation } from '../../../shared/service/contract';
import type { ExportProfileState } from '../../../shared/service/types';
import { DEFAULT_EXPORT_PROFILE } from '../../../shared/balkanid/exportProfile';
import {
  ExportProfileError,
  readExportProfileFile,
  resolveExportProfile,
  writeExportProfileFile,
} from '../export/exportProfileFile';
import { ServiceFailure } from './serviceFailure';

export const EXPORT_PROFILE_FILE_NAME = 'export-profile.json';

const DEFAULT_STATE: ExportProfileState = { profile: DEFAULT_EXPORT_PROFILE, saved: false, warnings: [] };

type ExportProfileMethods = Pick<ServiceImplementation, 'exportProfile.get' | 'exportProfile.save'>;

export function exportProfileMethods(dataFolder: string): ExportProfileMethods {
  const file = path.join(dataFolder, EXPORT_PROFILE_FILE_NAME);
  return {
    'exportProfile.get': async () => {
      if (!fs.existsSync(file)) return DEFAULT_STATE;
      try {
        return { ...readExportProfileFile(file), saved: true };
      } catch (error) {
        // A damaged file must not lock the Export screen: the defaults are shown, and the next save replaces it.
        if (!(error instanceof ExportProfileError)) throw error;
        return { ...DEFAULT_STATE, notice: `${error.message}. The defaults are shown; saving replaces the file.` };
      }
    },
    'exportProfile.save': async ({ profile }) => {
      try {
        const loaded = resolveExportProfile(profile, 'the profile');
        makeFolders(dataFolder, 0o700);
        writeExportProfileFile(file, loaded.profile);
        return { ...loaded, saved: true };
      } catch (error) {
        if (error instanceof ExportProfileError) throw new ServiceFailure('BAD_INPUT', error.message);
        throw error;
      }
    },
  };
}
