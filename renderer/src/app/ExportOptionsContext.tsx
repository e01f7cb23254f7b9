// The export options chosen on the Export screen, shared with Validate so it checks the same export. The profile's
// choices are saved in the data folder as they change, and loaded again when the app starts; the format and the user
// statuses are kept for the session (useSessionExportChoices).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { RELATION_KINDS, type RelationKind } from '../../../shared/balkanid/columns';
import { DEFAULT_EXPORT_MAPPING, type ExportMapping } from '../../../shared/balkanid/exportMapping';
import type { ExportOptionsInput } from '../../../shared/service/types';
import { DEFAULT_USER_ATTRIBUTES } from '../features/export/userAttributeChoices';
import { useSavedExportChoices, type SavedExportChoices } from './useSavedExportChoices';
import { useSessionExportChoices, type SessionExportChoices } from './useSessionExportChoices';

export interface ExportChoices {
  relationKinds: RelationKind[];
  /** Written as identity metadata in this order: the BalkanID list's names and any other profile attribute. */
  userAttributes: string[];
  flattenGroupAppAssignments: boolean;
  /** The strings BalkanID does not publish (Source Types, role Source ID prefix, privilegeName, ...). */
  mapping: ExportMapping;
}

interface ExportOptionsValue {
  choices: ExportChoices;
  setChoices: (update: (current: ExportChoices) => ExportChoices) => void;
  /** Sets every choice at once (loaded, imported, reset): fields holding what is being typed start over from them. */
  replaceChoices: (choices: ExportChoices) => void;
  /** Counts replaceChoices calls, so such fields know to start over. */
  revision: number;
  /** Whether the choices are saved, with the warnings about them; importing a profile file. */
  saved: SavedExportChoices;
  /** Kept for this session only: the per-run choices (file format, …) and the user statuses. */
  session: SessionExportChoices;
  /** The choices as service params, in the documented order, with the format and statuses (what Validate checks). */
  options: ExportOptionsInput;
}

export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  relationKinds: [...RELATION_KINDS],
  userAttributes: [...DEFAULT_USER_ATTRIBUTES],
  flattenGroupAppAssignments: false,
  mapping: DEFAULT_EXPORT_MAPPING,
};

const ExportOptionsContext = createContext<ExportOptionsValue | null>(null);

export function ExportOptionsProvider({ children }: { children: ReactNode }) {
  const [choices, setChoices] = useState<ExportChoices>(DEFAULT_EXPORT_CHOICES);
  const [revision, setRevision] = useState(0);
  const replaceChoices = useCallback((next: ExportChoices) => {
    setChoices(next);
    setRevision((count) => count + 1);
  }, []);
  const saved = useSavedExportChoices(choices, replaceChoices);
  const session = useSessionExportChoices();
  const { runChoices, userStatuses } = session;
  const value = useMemo<ExportOptionsValue>(
    () => ({
      choices,
      setChoices,
      replaceChoices,
      revision,
      saved,
      session,
      options: {
        relationKinds: RELATION_KINDS.filter((kind) => choices.relationKinds.includes(kind)),
        userAttributes: choices.userAttributes,
        flattenGroupAppAssignments: choices.flattenGroupAppAssignments,
        mapping: choices.mapping,
        format: runChoices.format,
        ...(userStatuses && { userStatuses }),
      },
    }),
    [choices, replaceChoices, revision, saved, session, runChoices.format, userStatuses],
  );
  return <ExportOptionsContext.Provider value={value}>{children}</ExportOptionsContext.Provider>;
}

export function useExportOptions(): ExportOptionsValue {
  const value = useContext(ExportOptionsContext);
  if (!value) throw new Error('useExportOptions outside ExportOptionsProvider');
  return value;
}
