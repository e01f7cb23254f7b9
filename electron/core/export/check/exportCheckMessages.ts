// The messages between an export and the worker thread that checks its files as they are written.
import type { BundleCsvFile } from '../../../../shared/balkanid/bundleFileNames';
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import type { MemoryLimits } from '../../balkanid/validator/index';

/** What the worker is started with: the files it will be handed, in the order the export writes them. */
export interface ExportCheckSetup {
  files: BundleCsvFile[];
  maxFindingsPerRule?: number;
  memoryLimits?: Partial<MemoryLimits>;
}

export type ToExportCheck =
  /** A new part of `file` begins (the one before it, if any, is complete). */
  | { type: 'part'; file: BundleCsvFile; name: string }
  /** The next bytes of the current part, exactly as they go to disk. */
  | { type: 'bytes'; file: BundleCsvFile; bytes: Uint8Array }
  /** `file` is complete: no more parts or bytes for it. */
  | { type: 'end'; file: BundleCsvFile }
  | { type: 'cancel' };

export type FromExportCheck =
  /** The worker took this many bytes off its queue (the export may send more). */
  { type: 'taken'; bytes: number } | { type: 'done'; report: ValidationReport } | { type: 'failed'; message: string };
