// Worker-thread entry when running from TypeScript sources (tests, bench): registers tsx's loader in this thread,
// then loads the worker's source, whose URL startWorker passed as the first argument. Compiled bundles never use it.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
