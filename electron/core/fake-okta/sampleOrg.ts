// The built-in sample org behind `okta-prep demo` and the app's "Try with the sample org".
import { generateOrg, type FakeOrg, type FakeOrgOptions } from './generateOrg';

/** Fixed seed and size: everyone who runs the demo sees the same ~300-person company. */
export const SAMPLE_ORG_OPTIONS: FakeOrgOptions = Object.freeze({
  seed: 'okta-prep-sample-org-v1',
  users: 300,
  groups: 40,
  apps: 20,
  includeFactors: true,
});

export function generateSampleOrg(): FakeOrg {
  return generateOrg(SAMPLE_ORG_OPTIONS);
}
