// EventHub: a tiny typed pub/sub that carries ServiceEvents from the service to whichever transports are listening.
import type { ServiceEvent } from '../../../shared/service/contract';

export type ServiceEventListener = (event: ServiceEvent) => void;

/** The read side, handed to transports (IPC forwarder, HTTP SSE stream). */
export interface ServiceEventSource {
  /** Returns a function that removes the listener; calling it twice is harmless. */
  subscribe(listener: ServiceEventListener): () => void;
}

/** The full hub, kept by whoever creates the service. */
export interface EventHub extends ServiceEventSource {
  publish(event: ServiceEvent): void;
  listenerCount(): number;
}

export interface EventHubOptions {
  /** Called when a listener throws; the other listeners still receive the event. Defaults to console.error. */
  onListenerError?: (error: unknown, event: ServiceEvent) => void;
}

export function createEventHub(options: EventHubOptions = {}): EventHub {
  const listeners = new Set<ServiceEventListener>();
  const onListenerError =
    options.onListenerError ??
    ((error: unknown, event: ServiceEvent) => console.error(`event listener failed for ${event.name}:`, error));

  return {
    publish(event) {
      // Snapshot so listeners that (un)subscribe during delivery do not change this round.
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error, event);
        }
      }
    },
    subscribe(listener) {
      // Wrap so the same function subscribed twice gets two independent subscriptions.
      const entry: ServiceEventListener = (event) => listener(event);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    listenerCount: () => listeners.size,
  };
}
