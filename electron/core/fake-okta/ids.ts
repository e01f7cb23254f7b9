// Deterministic Okta-style object ids: 20 characters, a 3-character type prefix plus base62.
import type { SeededRandom } from './random';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const OKTA_ID_LENGTH = 20;
/** The fake org's own id (used in ORNs); one constant, since the org object has no id field. */
export const FAKE_ORG_ID = '00o1fake2org3okta4x5';
const CHARS_PER_DRAW = 5;
const CHUNK_RANGE = 62 ** CHARS_PER_DRAW;

/** Prefixes as Okta uses them (users 00u, groups 00g, apps 0oa, ...). */
export const ID_PREFIX = {
  user: '00u',
  group: '00g',
  app: '0oa',
  userType: 'oty',
  org: '00o',
  customRole: 'cr0',
  resourceSet: 'iam',
  userRoleAssignment: 'ra1',
  groupRoleAssignment: 'gra',
  customRoleAssignment: 'irb',
} as const;

export class OktaIdFactory {
  private readonly issued = new Set<string>();
  /** Okta ids end with a short cell marker such as "0g4"; one per fake org. */
  private readonly cellSuffix: string;

  constructor(private readonly random: SeededRandom) {
    this.cellSuffix = `${random.int(10)}${random.pick(['g', 'h', 'j', 'k'])}${random.int(10)}`;
  }

  /** A fresh id with the given 3-character prefix, unique within this factory. */
  next(prefix: string): string {
    if (prefix.length !== 3) throw new Error(`Okta id prefix must be 3 characters: ${prefix}`);
    const randomLength = OKTA_ID_LENGTH - prefix.length - this.cellSuffix.length;
    for (;;) {
      const id = prefix + this.base62(randomLength) + this.cellSuffix;
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  /** `length` base62 characters, five per random draw (62^5 < 2^32) to keep 100k-user orgs fast. */
  private base62(length: number): string {
    let text = '';
    while (text.length < length) {
      let chunk = this.random.int(CHUNK_RANGE);
      for (let i = 0; i < CHARS_PER_DRAW && text.length < length; i++) {
        text += BASE62[chunk % 62];
        chunk = Math.floor(chunk / 62);
      }
    }
    return text;
  }
}

/** Compares ids by UTF-16 code units, the order every list endpoint pages in. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
