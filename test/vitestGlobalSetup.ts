// Vitest global setup: the tests that run okta-prep as a process need its compiled bundle built from these sources.
import { buildCli } from './helpers/buildCli';

export default function setup(): void {
  buildCli();
}
