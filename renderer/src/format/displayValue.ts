// How a value from the service reads in tables and detail panels alike: timestamps in local time (the ISO value on
// hover), relation kinds and their detail in words, yes/no flags, a dash for nothing.
import { RELATION_KIND_WORDS, RELATION_ROW_KINDS as KIND } from '../../../shared/service/types';
import { formatDateTime } from './formatDateTime';

export interface DisplayValue {
  text: string;
  /** Shown on hover: the value as stored, when the text says it differently or may be cut off. */
  title?: string;
}

type Value = string | number | null | undefined;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const FLAG_COLUMNS = new Set(['custom', 'isCustom']);

/** A relation's Detail column in words: the app username of an assignment, the priority of a group's app. */
function relationDetail(kind: Value, value: string): string {
  if (kind === KIND.directApp || kind === KIND.appViaGroup) return `app username ${value}`;
  if (kind === KIND.groupApp) return `priority ${value}`;
  return value;
}

export function displayValue(column: string, value: Value, row?: Record<string, Value>): DisplayValue {
  if (value === null || value === undefined || value === '') return { text: '—' };
  const raw = String(value);
  if (typeof value === 'string' && ISO_TIMESTAMP.test(value)) return { text: formatDateTime(value), title: value };
  if (column === 'kind' && Object.hasOwn(RELATION_KIND_WORDS, raw)) return { text: RELATION_KIND_WORDS[raw]! };
  if (column === 'detail' && row && 'kind' in row) return { text: relationDetail(row.kind, raw), title: raw };
  if (FLAG_COLUMNS.has(column)) return { text: value === 1 || value === '1' ? 'yes' : 'no' };
  return { text: raw, title: raw };
}
