// Worker-thread entry: registers the TypeScript loader (tsx) in this thread, then runs the job worker.
import { register } from 'tsx/esm/api';

register();
await import('./jobWorker.ts');
