// Pull pace choices: the share of each Okta rate-limit bucket the pull may use.

export const PULL_PACES = [
  { id: 'gentle', label: 'Gentle', share: 0.3, hint: 'uses 30% of each rate limit; other integrations barely notice' },
  { id: 'normal', label: 'Normal', share: 0.8, hint: 'uses 80%; leaves room for other integrations' },
  { id: 'fast', label: 'Fast', share: 1.0, hint: 'uses the whole limit; best outside working hours' },
] as const;

export type PullPaceId = (typeof PULL_PACES)[number]['id'];
