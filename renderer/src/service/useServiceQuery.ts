// Hook that loads one service method's result whenever its params change; stale answers are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodName, ParamsOf, ResultOf } from '../../../shared/service/contract';
import { describeError, type ErrorDescription } from './describeError';
import { useService } from './ServiceContext';

export interface ServiceQuery<T> {
  data: T | undefined;
  error: ErrorDescription | null;
  loading: boolean;
  reload: () => void;
}

/** Pass params = null to skip loading (e.g. until a snapshot is chosen). */
export function useServiceQuery<M extends MethodName>(
  method: M,
  params: ParamsOf<M> | null,
): ServiceQuery<ResultOf<M>> {
  const client = useService();
  const [data, setData] = useState<ResultOf<M> | undefined>(undefined);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [loading, setLoading] = useState(params !== null);
  const [reloads, setReloads] = useState(0);
  const sequence = useRef(0);
  const key = params === null ? null : JSON.stringify(params);

  useEffect(() => {
    const ticket = ++sequence.current;
    if (key === null) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- cleared with the request it would have made
      setData(undefined);
      setLoading(false);
      return;
    }
    setLoading(true);
    client.call(method, JSON.parse(key) as ParamsOf<M>).then(
      (value) => {
        if (ticket !== sequence.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (ticket !== sequence.current) return;
        setData(undefined);
        setError(describeError(caught));
        setLoading(false);
      },
    );
  }, [client, method, key, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { data, error, loading, reload };
}
