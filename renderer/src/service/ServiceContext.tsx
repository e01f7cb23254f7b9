// React context that hands the one service client to every screen.
import { createContext, useContext, type ReactNode } from 'react';
import type { RendererServiceClient } from './serviceClient';

const ServiceClientContext = createContext<RendererServiceClient | null>(null);

export function ServiceProvider({ client, children }: { client: RendererServiceClient; children: ReactNode }) {
  return <ServiceClientContext.Provider value={client}>{children}</ServiceClientContext.Provider>;
}

export function useService(): RendererServiceClient {
  const client = useContext(ServiceClientContext);
  if (!client) throw new Error('useService outside ServiceProvider');
  return client;
}
