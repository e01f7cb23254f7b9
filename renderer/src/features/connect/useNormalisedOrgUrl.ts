// The org URL as the service normalises it (connection.normaliseOrgUrl), asked once typing pauses, or why the input
// is not an Okta org address: shown under the field while typing (Test connection normalises what is typed itself).
import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { describeError } from '../../service/describeError';
import { useService } from '../../service/ServiceContext';

export interface NormalisedOrgUrl {
  url: string;
  notes: string[];
}

export function useNormalisedOrgUrl(value: string) {
  const client = useService();
  const settled = useDebouncedValue(value.trim(), 250);
  const [normalised, setNormalised] = useState<NormalisedOrgUrl | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    if (!settled) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- cleared with the request it would have made
      setNormalised(null);
      setProblem(null);
      return;
    }
    client.call('connection.normaliseOrgUrl', { input: settled }).then(
      (result) => {
        if (!current) return;
        setNormalised(result);
        setProblem(null);
      },
      (caught: unknown) => {
        if (!current) return;
        setNormalised(null);
        setProblem(describeError(caught).detail || 'This does not look like an Okta org address.');
      },
    );
    return () => {
      current = false;
    };
  }, [client, settled]);
  return { normalised, problem };
}
