// Public entry points of the BalkanID CSV validator.
export {
  validateCsvFiles,
  validateCsvSources,
  DEFAULT_MEMORY_LIMITS,
  type MemoryLimits,
  type ValidateOptions,
  type ValidationSource,
  type ValidationSources,
} from './validateBundle';
export { ValidationCancelledError, type ValidationProgress } from './validationProgress';
export type { CsvSource } from './readCsvRecords';
export type { StreamedPart } from './csvParts';
