// The export options chosen on the Export screen, shared with Validate so it checks the same export.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { RELATION_KINDS, type RelationKind } from '../../../shared/balkanid/columns';
import type { ExportOptionsInput } from '../../../shared/service/types';
import { DEFAULT_USER_ATTRIBUTES } from '../features/export/userAttributeChoices';

export interface ExportChoices {
  relationKinds: RelationKind[];
  userAttributes: string[];
  flattenGroupAppAssignments: boolean;
}

interface ExportOptionsValue {
  choices: ExportChoices;
  setChoices: (update: (current: ExportChoices) => ExportChoices) => void;
  /** The choices as service params, in the documented order. */
  options: ExportOptionsInput;
}

const INITIAL: ExportChoices = {
  relationKinds: [...RELATION_KINDS],
  userAttributes: [...DEFAULT_USER_ATTRIBUTES],
  flattenGroupAppAssignments: false,
};

const ExportOptionsContext = createContext<ExportOptionsValue | null>(null);

export function ExportOptionsProvider({ children }: { children: ReactNode }) {
  const [choices, setChoices] = useState<ExportChoices>(INITIAL);
  const value = useMemo<ExportOptionsValue>(
    () => ({
      choices,
      setChoices,
      options: {
        relationKinds: RELATION_KINDS.filter((kind) => choices.relationKinds.includes(kind)),
        userAttributes: DEFAULT_USER_ATTRIBUTES.filter((name) => choices.userAttributes.includes(name)),
        flattenGroupAppAssignments: choices.flattenGroupAppAssignments,
      },
    }),
    [choices],
  );
  return <ExportOptionsContext.Provider value={value}>{children}</ExportOptionsContext.Provider>;
}

export function useExportOptions(): ExportOptionsValue {
  const value = useContext(ExportOptionsContext);
  if (!value) throw new Error('useExportOptions outside ExportOptionsProvider');
  return value;
}
