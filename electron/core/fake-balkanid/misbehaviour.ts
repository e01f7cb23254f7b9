// The ways the fake BalkanID can misbehave, as BalkanID, its storage or a proxy in front of them might: each is named,
// described for `okta-prep fake-balkanid --misbehave`, and switchable while the server runs. A "-once" misbehaviour
// strikes the first matching request only.

export const MISBEHAVIOURS = {
  unauthorized: 'POST …/upload-url answers 401 (whatever the key)',
  forbidden: 'POST …/upload-url answers 403 (the key may not upload)',
  'server-error-once': 'the first POST …/upload-url answers 500',
  'rate-limited-once': 'the first POST …/upload-url answers 429 with Retry-After: 1',
  'html-page': "POST …/upload-url answers 200 with a captive portal's HTML page",
  'hang-url': 'POST …/upload-url never answers',
  'too-large': "every PUT answers 413 (a proxy's HTML page)",
  'storage-error-once': 'the first PUT answers 503 SlowDown',
  'expired-url-once': 'the first PUT answers 403 AccessDenied "Request has expired"',
  'expired-url-always': 'every PUT answers 403 AccessDenied "Request has expired"',
  'expired-token-once': 'the first PUT answers 400 ExpiredToken',
  'reset-upload-once': "the first PUT's connection is cut once part of the body has arrived",
  'hang-upload': 'every PUT reads the body and never answers',
} as const;

export type Misbehaviour = keyof typeof MISBEHAVIOURS;

export function isMisbehaviour(name: string): name is Misbehaviour {
  return Object.hasOwn(MISBEHAVIOURS, name);
}

/** The active misbehaviours; `strikes` says whether one applies to this request (and uses up a "-once"). */
export class MisbehaviourSwitch {
  private active = new Set<Misbehaviour>();

  constructor(initial: readonly Misbehaviour[] = []) {
    this.set(initial);
  }

  set(list: readonly Misbehaviour[]): void {
    this.active = new Set(list);
  }

  list(): Misbehaviour[] {
    return [...this.active];
  }

  strikes(name: Misbehaviour): boolean {
    if (!this.active.has(name)) return false;
    if (name.endsWith('-once')) this.active.delete(name);
    return true;
  }
}
