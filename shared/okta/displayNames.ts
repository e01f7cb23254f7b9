// How an Okta object is named in the export and the UI (balkanid-format.md B.1): one rule, used everywhere.
import type { OktaUser } from './types';

/** `profile.displayName`, else first + last name, else `profile.login`. */
export function userDisplayName(user: Pick<OktaUser, 'profile'>): string {
  const profile = user.profile;
  if (typeof profile.displayName === 'string' && profile.displayName.trim() !== '') return profile.displayName;
  const parts = [profile.firstName, profile.lastName].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  if (parts.length > 0) return parts.join(' ');
  return profile.login;
}
