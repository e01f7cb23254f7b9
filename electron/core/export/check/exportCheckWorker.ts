// Worker thread that validates an export's CSV files from the bytes the export writes, as it writes them: the check
// runs beside the writing (the other core) and the files are never read back to be parsed again.
import { parentPort, workerData } from 'node:worker_threads';
import type { BundleCsvFile } from '../../../../shared/balkanid/bundleFileNames';
import { validateCsvSources, type StreamedPart, type ValidationSources } from '../../balkanid/validator/index';
import { AsyncChannel } from './asyncChannel';
import type { ExportCheckSetup, FromExportCheck, ToExportCheck } from './exportCheckMessages';

const port = parentPort!;
const setup = workerData as ExportCheckSetup;
const controller = new AbortController();
const send = (message: FromExportCheck) => port.postMessage(message);

/** One file's parts as they come: a channel of parts, each with a channel of its bytes. */
class IncomingFile {
  readonly parts = new AsyncChannel<StreamedPart>();
  private current: AsyncChannel<Uint8Array> | undefined;

  startPart(name: string): void {
    this.current?.end();
    this.current = new AsyncChannel<Uint8Array>((bytes) => send({ type: 'taken', bytes: bytes.byteLength }));
    this.parts.push({ name, chunks: this.current });
  }

  add(bytes: Uint8Array): void {
    if (!this.current) throw new Error('bytes came before their part');
    this.current.push(bytes);
  }

  end(): void {
    this.current?.end();
    this.parts.end();
  }
}

const incoming = new Map<BundleCsvFile, IncomingFile>(setup.files.map((file) => [file, new IncomingFile()]));

port.on('message', (message: ToExportCheck) => {
  if (message.type === 'cancel') return controller.abort(new Error('the export stopped'));
  const file = incoming.get(message.file);
  if (!file) return;
  if (message.type === 'part') file.startPart(message.name);
  else if (message.type === 'bytes') file.add(message.bytes);
  else file.end();
});

const sources: ValidationSources = Object.fromEntries(
  [...incoming].map(([file, parts]) => [file, { streamedParts: parts.parts }]),
);

const { maxFindingsPerRule, memoryLimits } = setup;
validateCsvSources(sources, { maxFindingsPerRule, memoryLimits, signal: controller.signal }).then(
  (report) => send({ type: 'done', report }),
  (error: unknown) => send({ type: 'failed', message: (error as Error).message }),
);
