// Where code that knows no snapshot (the Okta client, the rate-limit governor) reports what it noticed without
// stopping; the pull turns each call into one line of the snapshot's log (pull/pullWarnings.ts).

/** `subject` says what the warning is about (an endpoint, a bucket, a value): it is said once per code and subject. */
export type WarningSink = (code: string, subject: string, message: string) => void;

export const ignoreWarnings: WarningSink = () => {};
