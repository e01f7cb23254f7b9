// Checks Metadata Version and Metadata: a JSON object, a boolean privilegeValue, timestamps in BalkanID's form, no lone
// surrogate behind a \u escape, and (relations) not an empty object.
//
// A relations file repeats the same few Metadata values on every row (one per relation kind), so the verdict on a text
// is remembered: parsing JSON was the largest cost of checking a row. The cache is exact (keyed by the whole text).
// An entities file, where every value differs, has most of its values judged by a quick reading of the cell as written
// (quickMetadata.ts) instead, with JSON.parse for anything that reading does not settle.
import { METADATA_VERSION } from '../../../../shared/balkanid/columns';
import type { RuleId } from '../../../../shared/balkanid/findings';
import { toBalkanTimestamp } from '../../../../shared/balkanid/timestamps';
import type { Row } from './checkCells';
import { hasLoneSurrogate } from './encodeText';
import { dateAndTimeExist, isWrongTimestamp } from './metadataTimestamps';
import { ownCopy } from './ownCopy';
import { CLEAN_WITH_USERNAME, NOT_QUICK, quickMetadataVerdict } from './quickMetadata';

export type MetadataResult = { kind: 'empty' } | { kind: 'object'; hasUsernameOrEmail: boolean } | { kind: 'invalid' };

interface Verdict {
  result: MetadataResult;
  /** What is wrong with the text, without the row's place. */
  readonly problems: readonly { rule: RuleId; message: string }[];
}

const EMPTY: MetadataResult = { kind: 'empty' };
const INVALID: MetadataResult = { kind: 'invalid' };
const CACHED_TEXT_CHARS = 2048;
const CACHE_ENTRIES = 1024;
/** After this many look-ups with few hits (unique Metadata per row, as in entities), the cache stops being fed. */
const CACHE_TRIAL = 5000;

export class MetadataChecker {
  /** Verdicts by the text as written (doubled quotes and all), so a repeated value is neither unescaped nor parsed. */
  private cache: Map<string, Verdict> | undefined = new Map();
  /** The last text and its verdict: consecutive rows of one relation kind carry the very same Metadata. */
  private lastRaw = '';
  private lastVerdict: Verdict | undefined;
  private lookups = 0;
  private hits = 0;

  /** `relation` adds the empty-object check. */
  constructor(private readonly relation: boolean) {}

  check(row: Row, versionIndex: number, metadataIndex: number): MetadataResult {
    const versionEmpty = row.isEmpty(versionIndex);
    if (!versionEmpty && !row.is(versionIndex, METADATA_VERSION)) {
      row.addCell(
        'metadata-version',
        versionIndex,
        `${row.where(versionIndex)}: the version is "${row.cell(versionIndex)}" but the only known version is ` +
          `"${METADATA_VERSION}".`,
      );
    }
    if (row.isEmpty(metadataIndex)) return EMPTY;
    if (versionEmpty) {
      row.addCell(
        'metadata-version',
        versionIndex,
        `${row.where(versionIndex)}: Metadata is filled in but Metadata Version is empty.`,
      );
    }
    if (row.record.isCut(metadataIndex)) return INVALID; // too long to parse; reported as cell-too-long
    const verdict = this.verdictOn(row, metadataIndex);
    for (const problem of verdict.problems)
      row.addCell(problem.rule, metadataIndex, `${row.where(metadataIndex)}: ${problem.message}`);
    return verdict.result;
  }

  private verdictOn(row: Row, index: number): Verdict {
    const record = row.record;
    if (this.lastVerdict && record.rawEquals(index, this.lastRaw)) return this.lastVerdict;
    const raw = record.rawCell(index);
    if (raw === undefined) return judgeMetadata(row.cell(index), this.relation);
    if (!this.cache) return judgeCell(raw, row, index, this.relation);
    const verdict = this.lookUp(this.cache, raw, row, index);
    this.lastRaw = raw.length <= CACHED_TEXT_CHARS ? ownCopy(raw) : '';
    this.lastVerdict = verdict;
    return verdict;
  }

  private lookUp(cache: Map<string, Verdict>, raw: string, row: Row, index: number): Verdict {
    if (raw.length > CACHED_TEXT_CHARS) return judgeCell(raw, row, index, this.relation);
    this.lookups++;
    const known = cache.get(raw);
    if (known) {
      this.hits++;
      return known;
    }
    if (this.lookups === CACHE_TRIAL && this.hits * 4 < this.lookups) this.cache = undefined;
    const verdict = judgeCell(raw, row, index, this.relation);
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    cache.set(ownCopy(raw), verdict);
    return verdict;
  }
}

/** Verdicts the quick check gives (shared: nothing changes a verdict once made). */
const CLEAN_WITH_USERNAME_VERDICT: Verdict = {
  result: { kind: 'object', hasUsernameOrEmail: true },
  problems: [],
};
const CLEAN_WITHOUT_USERNAME_VERDICT: Verdict = {
  result: { kind: 'object', hasUsernameOrEmail: false },
  problems: [],
};

/** The quick verdict on the cell as written when it has one; else JSON.parse of its value, the reference. */
function judgeCell(raw: string, row: Row, index: number, relation: boolean): Verdict {
  const quick = quickMetadataVerdict(raw);
  if (quick === NOT_QUICK) return judgeMetadata(row.cell(index), relation);
  return quick === CLEAN_WITH_USERNAME ? CLEAN_WITH_USERNAME_VERDICT : CLEAN_WITHOUT_USERNAME_VERDICT;
}

/** The reference check of a Metadata value (unescaped text): JSON.parse, then the rules. */
export function judgeMetadata(text: string, relation: boolean): Verdict {
  const parsed = parseJson(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    const problem = parsed.ok
      ? `is ${describeJsonKind(parsed.value)}, not a JSON object`
      : `is not valid JSON (${parsed.reason})`;
    return { result: INVALID, problems: [{ rule: 'metadata-json', message: `Metadata ${problem}.` }] };
  }
  const value = parsed.value as Record<string, unknown>;
  const problems: { rule: RuleId; message: string }[] = [];
  if (Object.hasOwn(value, 'privilegeValue') && typeof value.privilegeValue !== 'boolean') {
    problems.push({
      rule: 'privilege-value',
      message:
        `privilegeValue is ${JSON.stringify(value.privilegeValue)} (${describeJsonKind(value.privilegeValue)}), ` +
        `not true or false.`,
    });
  }
  const timestamps = describeTimestamps(value);
  if (timestamps) problems.push({ rule: 'metadata-timestamp', message: timestamps });
  if (text.includes('\\u') && holdsLoneSurrogate(value)) {
    problems.push({
      rule: 'lone-surrogate',
      message: 'a \\u escape in Metadata stands for half a character (a lone surrogate), which is not text.',
    });
  }
  if (relation && isEmptyObject(value))
    problems.push({
      rule: 'empty-metadata',
      message: 'Metadata is {}: it says nothing about what the relation grants.',
    });
  const filled = (key: string) => typeof value[key] === 'string' && value[key] !== '';
  return { result: { kind: 'object', hasUsernameOrEmail: filled('username') || filled('email') }, problems };
}

/** One sentence on the top-level values that look like timestamps but are not in BalkanID's form; '' if none. */
function describeTimestamps(value: Record<string, unknown>): string {
  let wrong: string[] | undefined;
  let count = 0;
  for (const key in value) {
    const item = value[key];
    if (typeof item !== 'string' || !isWrongTimestamp(item)) continue;
    count++;
    wrong ??= [];
    if (wrong.length < 3) {
      const suggestion = dateAndTimeExist(item) ? toBalkanTimestamp(item) : undefined;
      wrong.push(`${key} "${item}"${suggestion ? ` (write "${suggestion}")` : ' (not a date and time that exists)'}`);
    }
  }
  if (!wrong) return '';
  const more = count > wrong.length ? ` and ${count - wrong.length} more` : '';
  return `${wrong.join(', ')}${more}: not in BalkanID's timestamp form "YYYY-MM-DD HH:MM:SS +0000 UTC".`;
}

function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).some(([key, item]) => hasLoneSurrogate(key) || holdsLoneSurrogate(item));
  return false;
}

function isEmptyObject(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function describeJsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'an object';
}
