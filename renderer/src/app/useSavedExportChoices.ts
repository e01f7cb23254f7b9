// Keeps the Export screen's choices saved in the data folder (the service's exportProfile methods): loads them once
// when the app starts, saves them a moment after each change, and imports a profile file the user picks.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { exportProfileOf, type ExportProfile } from '../../../shared/balkanid/exportProfile';
import type { ChoiceProblem } from '../../../shared/balkanid/exportMappingRules';
import type { ExportProfileState } from '../../../shared/service/types';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { describeError, type ErrorDescription } from '../service/describeError';
import { useService } from '../service/ServiceContext';
import type { ExportChoices } from './ExportOptionsContext';

const SAVE_AFTER_MS = 400;

export interface SavedExportChoices {
  state: 'loading' | 'saving' | 'saved' | 'failed';
  error?: ErrorDescription;
  /** Choices that depart from what BalkanID publishes (allowed, but said). */
  warnings: ChoiceProblem[];
  /** The saved choices could not be read: the defaults are shown. */
  notice?: string;
  /** Checks and saves a profile read from a file, then shows it; rejects with the reason when it cannot be used. */
  importProfile: (profile: unknown) => Promise<void>;
}

export function choicesOfProfile(profile: ExportProfile): ExportChoices {
  return {
    relationKinds: profile.relationKinds,
    userAttributes: profile.userAttributes,
    flattenGroupAppAssignments: profile.flattenGroupAppAssignments,
    mapping: profile.mapping,
  };
}

const savedForm = (choices: ExportChoices) => JSON.stringify(exportProfileOf(choices));

// One hook of more than 40 lines: loading, saving and importing share the record of what was saved last.
export function useSavedExportChoices(
  choices: ExportChoices,
  replaceChoices: (choices: ExportChoices) => void,
): SavedExportChoices {
  const client = useService();
  const [status, setStatus] = useState<Omit<SavedExportChoices, 'importProfile'>>({ state: 'loading', warnings: [] });
  // The choices as last loaded or saved; null until loaded, so the defaults never overwrite saved choices.
  const lastSaved = useRef<string | null>(null);
  const sequence = useRef(0);
  const current = useRef(choices);
  useLayoutEffect(() => {
    current.current = choices;
  });

  const adopt = useCallback(
    (state: ExportProfileState) => {
      const loaded = choicesOfProfile(state.profile);
      lastSaved.current = savedForm(loaded);
      replaceChoices(loaded);
      setStatus({ state: 'saved', warnings: state.warnings, ...(state.notice && { notice: state.notice }) });
    },
    [replaceChoices],
  );

  useEffect(() => {
    const ticket = ++sequence.current;
    client.call('exportProfile.get', {}).then(
      (state) => ticket === sequence.current && adopt(state),
      (caught: unknown) =>
        ticket === sequence.current && setStatus({ state: 'failed', error: describeError(caught), warnings: [] }),
    );
  }, [client, adopt]);

  const settled = useDebouncedValue(choices, SAVE_AFTER_MS);
  useEffect(() => {
    // Only once loaded, and only the latest choices (the debounced value lags behind a load or an import).
    if (lastSaved.current === null || settled !== current.current || savedForm(settled) === lastSaved.current) return;
    const ticket = ++sequence.current;
    setStatus((previous) => ({ ...previous, state: 'saving' }));
    client.call('exportProfile.save', { profile: exportProfileOf(settled) }).then(
      (state) => {
        if (ticket !== sequence.current) return;
        lastSaved.current = savedForm(choicesOfProfile(state.profile));
        setStatus({ state: 'saved', warnings: state.warnings });
      },
      (caught: unknown) =>
        ticket === sequence.current && setStatus({ state: 'failed', error: describeError(caught), warnings: [] }),
    );
  }, [client, settled]);

  const importProfile = useCallback(
    async (profile: unknown) => {
      ++sequence.current;
      adopt(await client.call('exportProfile.save', { profile: profile as ExportProfile }));
    },
    [client, adopt],
  );
  return useMemo(() => ({ ...status, importProfile }), [status, importProfile]);
}
