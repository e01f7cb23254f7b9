// The typed client surface the renderer uses: call a service method, listen to service events.
import type { MethodName, ParamsOf, ResultOf, ServiceEvent } from '../../../shared/service/contract';

export interface RendererServiceClient {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  onEvent(listener: (event: ServiceEvent) => void): () => void;
}
