// `okta-prep access`: effective access with reasons as CSV, one row per path by which a user holds an app, an admin
// role, a group or a factor; for every user, one user (--user), the users of an app (--app) or a group (--group).
import type { AccessSubject } from '../../../shared/audit/auditTypes';
import { writeAccessCsv } from '../../core/audit/auditCsv';
import type { Db } from '../../core/store/openDatabase';
import { checkOutFile, snapshotToAudit, writeOrFail } from '../audit/auditCliSupport';
import type { CliValues } from '../cliArgs';
import { EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliOutput } from '../cliOutput';

function subjectFrom(values: CliValues): AccessSubject {
  const given = (['user', 'app', 'group'] as const).filter((kind) => values[kind] !== undefined);
  if (given.length > 1) throw usageError(`access takes one of --user, --app or --group, not ${given.join(' and ')}`);
  const kind = given[0];
  if (kind === undefined) return { kind: 'user' };
  const id = values[kind]!.trim();
  if (id === '') throw usageError(`--${kind} needs an Okta ${kind} id`);
  return { kind, id };
}

export async function runAccessCommand(db: Db, values: CliValues, out: CliOutput): Promise<ExitCode> {
  if (values.out === undefined) throw usageError('access needs --out FILE (the CSV to write, such as access.csv)');
  checkOutFile(values.out, 'access.csv');
  const subject = subjectFrom(values);
  const snapshot = snapshotToAudit(db, values);
  // An unknown user, app or group stops the first page: the temp file is removed and the message says which.
  const written = await writeOrFail(() => writeAccessCsv(db, snapshot.id, subject, values.out!));
  const whose = subject.id === undefined ? 'every user' : `${subject.kind} ${subject.id}`;
  if (values.json) out.json({ snapshotId: snapshot.id, subject, file: written.path, rows: written.rows });
  else out.result(`wrote ${written.rows} access path(s) of ${whose} in snapshot ${snapshot.id} to ${written.path}`);
  return EXIT.ok;
}
