// `okta-prep demo`: starts the built-in sample org on loopback, pulls it, exports it, and says where the files are.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { APP_VERSION } from '../../core/appInfo';
import { exportBundle } from '../../core/export/exportBundle';
import { generateSampleOrg } from '../../core/fake-okta/sampleOrg';
import { startFakeOktaServer } from '../../core/fake-okta/server';
import type { CliValues } from '../cliArgs';
import { EXIT, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { openCache } from '../openCache';
import { describeExport } from './exportCommand';
import { describePullResult, runPull } from './pullCommand';

export async function runDemoCommand(values: CliValues, context: CliEnvironment): Promise<ExitCode> {
  const { out } = context;
  const outDir = path.resolve(values.out ?? 'okta-prep-demo');
  // A throw-away token for this run only: the sample org accepts nothing else, and it is never shown.
  const apiToken = randomBytes(24).toString('base64url');
  out.note('starting the built-in sample org on 127.0.0.1 …');
  const server = await startFakeOktaServer({ org: generateSampleOrg(), apiToken });
  const db = openCache(values, context);
  try {
    out.note(`sample org running at ${server.url}; pulling it (factors included) …`);
    const pull = await runPull(
      db,
      server.url,
      { credentials: { kind: 'ssws', token: apiToken }, includeFactors: true, signal: context.signal },
      out,
    );
    const exported = await exportBundle({ db, snapshotId: pull.snapshotId, outDir, appVersion: APP_VERSION });
    if (values.json) {
      out.json({
        orgUrl: server.url,
        pull,
        outDir: exported.outDir,
        manifest: exported.manifest,
        validation: exported.validation,
      });
    } else {
      out.result(describePullResult(server.url, pull));
      out.result(describeExport(exported));
      out.result(`\nThe demo bundle is in ${exported.outDir}`);
    }
    return exported.validation.errorCount > 0 ? EXIT.blockingFindings : EXIT.ok;
  } finally {
    db.close();
    await server.close();
  }
}
