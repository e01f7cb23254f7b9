// Public entry points of the BalkanID CSV validator.
export { validateCsvFiles, validateCsvSources, type ValidateOptions } from './validateBundle';
export type { CsvSource } from './readCsvRecords';
