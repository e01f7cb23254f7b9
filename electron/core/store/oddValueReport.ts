// Says what the snapshot writer met that Okta's documentation does not promise: a value never seen before, a field the
// code needs that was missing (and the fallback used instead), an item it had to skip. Each is said once through the
// pull's warnings as it happens (so it survives a crash); how many there were in all is said when the pull ends.
import { isKnownValue, type EnumeratedField } from '../../../shared/okta/knownValues';
import type { WarningSink } from '../okta/warningSink';

/** A fallback rule: the field the code needs and what stands in for it (see fallbackRules.ts and the README). */
export interface FallbackRule {
  field: string;
  instead: string;
}

const shown = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}…` : value);

export class OddValueReport {
  private readonly fallbacks = new Map<string, { rule: FallbackRule; count: number }>();
  private readonly skips = new Map<string, { reason: string; count: number }>();
  private readonly newValuesSaid = new Set<string>();

  constructor(private readonly warn: WarningSink) {}

  /** Checks one enumerated value; a value outside Okta's documented list is kept as it came and said once. */
  value(field: EnumeratedField, value: string, where: string): void {
    const subject = `${field}=${value}`;
    if (isKnownValue(field, value) || this.newValuesSaid.has(subject)) return;
    this.newValuesSaid.add(subject);
    this.warn(
      'new-value',
      subject,
      `Okta sent ${field} "${shown(value)}", which Okta Prep does not know yet (first on ${where}): it is ` +
        `stored and exported as it came`,
    );
  }

  /** A needed field was missing or unusable on `where`; `rule.instead` was used. */
  fallback(rule: FallbackRule, where: string): void {
    const entry = this.fallbacks.get(rule.field) ?? { rule, count: 0 };
    entry.count++;
    this.fallbacks.set(rule.field, entry);
    if (entry.count > 1) return;
    this.warn(
      'fallback',
      rule.field,
      `Okta sent ${where} without a usable ${rule.field}: ${rule.instead} is used instead (the raw JSON keeps ` +
        `what Okta sent)`,
    );
  }

  /** An item of a listing could not be stored at all (not an object, no usable id). */
  skipped(listing: string, reason: string): void {
    const entry = this.skips.get(listing) ?? { reason, count: 0 };
    entry.count++;
    this.skips.set(listing, entry);
    if (entry.count > 1) return;
    this.warn(
      'item-skipped',
      listing,
      `Okta's ${listing} listing held an item ${reason}: it was skipped (nothing can refer to it)`,
    );
  }

  /** Said once when the pull ends: how many of each fallback and skip this run met (only when more than the first). */
  finish(): void {
    for (const { rule, count } of this.fallbacks.values()) {
      if (count > 1)
        this.warn(
          'fallback-count',
          rule.field,
          `${count} objects in all had no usable ${rule.field} (${rule.instead} was used)`,
        );
    }
    for (const [listing, { reason, count }] of this.skips) {
      if (count > 1)
        this.warn(
          'item-skipped-count',
          listing,
          `${count} items of the ${listing} listing in all were skipped (the first: ${reason})`,
        );
    }
  }
}
