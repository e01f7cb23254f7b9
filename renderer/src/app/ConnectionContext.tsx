// The saved Okta connection (org URL and auth kind only; secrets never reach the renderer).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ConnectionInfo } from '../../../shared/service/types';
import { describeError, type ErrorDescription } from '../service/describeError';
import { useService } from '../service/ServiceContext';

interface ConnectionValue {
  /** undefined while loading, null when nothing is saved. */
  connection: ConnectionInfo | null | undefined;
  error: ErrorDescription | null;
  setConnection: (connection: ConnectionInfo | null) => void;
}

const ConnectionContext = createContext<ConnectionValue | null>(null);

export function ConnectionProvider({ children }: { children: ReactNode }) {
  const client = useService();
  const [connection, setConnectionState] = useState<ConnectionInfo | null | undefined>(undefined);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    client.call('connection.get', {}).then(
      (info) => setConnectionState(info),
      (caught: unknown) => {
        setConnectionState(null);
        setError(describeError(caught));
      },
    );
  }, [client]);

  const setConnection = useCallback((info: ConnectionInfo | null) => {
    setConnectionState(info);
    setError(null);
  }, []);
  const value = useMemo(() => ({ connection, error, setConnection }), [connection, error, setConnection]);
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): ConnectionValue {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnection outside ConnectionProvider');
  return value;
}
