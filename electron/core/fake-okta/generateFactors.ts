// Generates each user's enrolled MFA factors (0..3 per user) in the shapes of the UserFactor sub-schemas.
import type { OktaFactor, OktaUser } from '../../../shared/okta/types';
import { FAKE_NOW_MS, oktaTimestamp, randomInstant } from './fakeClock';
import { compareIds, type OktaIdFactory } from './ids';
import { SECURITY_QUESTIONS } from './profileVocabulary';
import type { SeededRandom } from './random';

interface FactorKind {
  factorType: string;
  provider: string;
  /** Okta's id prefix for this kind of factor. */
  prefix: string;
  weight: number;
  profile: (user: OktaUser, random: SeededRandom) => Record<string, unknown>;
}

const phoneNumber = (random: SeededRandom) => `+1555${String(random.int(10_000_000)).padStart(7, '0')}`;

const FACTOR_KINDS: readonly FactorKind[] = [
  {
    factorType: 'push',
    provider: 'OKTA',
    prefix: 'opf',
    weight: 30,
    profile: (user, random) => ({
      credentialId: user.profile.login,
      deviceType: 'SmartPhone_IPhone',
      name: random.pick(['iPhone 15', 'Pixel 8', 'Galaxy S24']),
      platform: random.pick(['IOS', 'ANDROID']),
      version: random.pick(['17.4', '14', '18.1']),
    }),
  },
  {
    factorType: 'token:software:totp',
    provider: 'OKTA',
    prefix: 'ost',
    weight: 20,
    profile: (user) => ({ credentialId: user.profile.login }),
  },
  {
    factorType: 'token:software:totp',
    provider: 'GOOGLE',
    prefix: 'uft',
    weight: 8,
    profile: (user) => ({ credentialId: user.profile.login }),
  },
  {
    factorType: 'sms',
    provider: 'OKTA',
    prefix: 'mbl',
    weight: 15,
    profile: (_user, random) => ({ phoneNumber: phoneNumber(random) }),
  },
  {
    factorType: 'call',
    provider: 'OKTA',
    prefix: 'clf',
    weight: 3,
    profile: (_user, random) => ({ phoneNumber: phoneNumber(random) }),
  },
  {
    factorType: 'webauthn',
    provider: 'FIDO',
    prefix: 'fwf',
    weight: 10,
    profile: (_user, random) => ({
      authenticatorName: random.pick(['YubiKey 5 NFC', 'Touch ID', 'Windows Hello']),
      credentialId: `cred-${random.int(1e9)}`,
    }),
  },
  {
    factorType: 'email',
    provider: 'OKTA',
    prefix: 'emf',
    weight: 8,
    profile: (user) => ({ email: user.profile.email ?? user.profile.login }),
  },
  {
    factorType: 'question',
    provider: 'OKTA',
    prefix: 'ufs',
    weight: 5,
    profile: (_user, random) => ({ ...random.pick(SECURITY_QUESTIONS) }),
  },
  {
    factorType: 'token:hardware',
    provider: 'YUBICO',
    prefix: 'ykf',
    weight: 1,
    profile: (_user, random) => ({ credentialId: `cccccc${random.int(1e9)}` }),
  },
];

const WEIGHTED_KINDS = FACTOR_KINDS.map((kind) => [kind, kind.weight] as const);

/** Users who never finished activation, or were deprovisioned, have no enrolled factors. */
const CAN_HAVE_FACTORS = new Set(['ACTIVE', 'SUSPENDED', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED']);

function factorFor(kind: FactorKind, user: OktaUser, ids: OktaIdFactory, random: SeededRandom): OktaFactor {
  const created = randomInstant(random, Date.parse(user.activated ?? user.created), FAKE_NOW_MS);
  return {
    id: ids.next(kind.prefix),
    factorType: kind.factorType,
    provider: kind.provider,
    vendorName: kind.provider,
    status: random.chance(0.95) ? 'ACTIVE' : 'PENDING_ACTIVATION',
    created: oktaTimestamp(created),
    lastUpdated: oktaTimestamp(randomInstant(random, created, FAKE_NOW_MS)),
    profile: kind.profile(user, random),
  };
}

/** userId -> enrolled factors, only for users that have at least one. */
export function generateFactors(
  users: readonly OktaUser[],
  ids: OktaIdFactory,
  random: SeededRandom,
): Map<string, OktaFactor[]> {
  const factors = new Map<string, OktaFactor[]>();
  for (const user of users) {
    if (!CAN_HAVE_FACTORS.has(user.status)) continue;
    const wanted = random.weighted<number>([
      [0, 20],
      [1, 35],
      [2, 30],
      [3, 15],
    ]);
    const kinds = new Set<FactorKind>();
    for (let tries = 0; kinds.size < wanted && tries < 10; tries++) kinds.add(random.weighted(WEIGHTED_KINDS));
    if (kinds.size === 0) continue;
    const enrolled = [...kinds].map((kind) => factorFor(kind, user, ids, random));
    factors.set(
      user.id,
      enrolled.sort((a, b) => compareIds(a.id, b.id)),
    );
  }
  return factors;
}
