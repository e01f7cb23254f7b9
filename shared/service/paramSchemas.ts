// JSON Schemas for every method's params; the dispatcher validates with ajv before calling the service.
import type { MethodName } from './contract';
import { BROWSE_TABLES } from './types';
import { EXPORT_OPTIONS_SCHEMA, EXPORT_PROFILE_SCHEMA } from '../balkanid/exportProfile';
import { DIFF_CHANGES, DIFF_KINDS } from '../audit/snapshotDiff';

type Schema = Record<string, unknown>;

const empty: Schema = { type: 'object', additionalProperties: false, properties: {} };
const snapshotId: Schema = { type: 'integer', minimum: 1 };
const objectOf = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});
const shortText = (maxLength = 2048): Schema => ({ type: 'string', maxLength });
// The options' shape, and the mapping rules run on the mapping and user attributes (any name, in the order given).
const exportOptions: Schema = EXPORT_OPTIONS_SCHEMA;
// A file to validate: an upload id from POST /api/upload, or (desktop app only) an absolute path on disk.
const csvFileRef: Schema = {
  oneOf: [
    objectOf({ name: shortText(512), uploadId: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' } }),
    objectOf({ name: shortText(512), path: shortText(4096) }),
  ],
};

// An API token (typed or in a 0600 file) or an OAuth service app's client id and private key.
const connectionAuth: Schema = {
  oneOf: [
    objectOf({ kind: { const: 'ssws' }, token: { type: 'string', minLength: 1, maxLength: 4096 } }),
    objectOf({ kind: { const: 'ssws' }, tokenFile: { type: 'string', minLength: 1, maxLength: 4096 } }),
    objectOf({
      kind: { const: 'oauth' },
      clientId: { type: 'string', minLength: 1, maxLength: 256 },
      privateKey: { type: 'string', minLength: 1, maxLength: 65536 },
    }),
  ],
};

const oktaId = shortText(100);
const auditSubject: Schema = {
  oneOf: [
    objectOf({ kind: { const: 'user' }, id: oktaId }, ['kind']),
    objectOf({ kind: { const: 'app' }, id: oktaId }),
    objectOf({ kind: { const: 'group' }, id: oktaId }),
  ],
};
const auditPage = { after: shortText(1024), limit: { type: 'integer', minimum: 1, maximum: 1000 } };
const auditThresholds = objectOf(
  {
    dormantDays: { type: 'integer', minimum: 1, maximum: 36500 },
    strongFactorTypes: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: { type: 'string', minLength: 1, maxLength: 100 },
    },
  },
  [],
);

export const PARAM_SCHEMAS: Record<MethodName, Schema> = {
  'app.info': empty,
  'connection.get': empty,
  'connection.normaliseOrgUrl': objectOf({ input: shortText() }),
  'connection.save': objectOf({ orgUrl: shortText(), auth: connectionAuth }),
  'connection.useSampleOrg': empty,
  'connection.test': objectOf({ orgUrl: shortText(), auth: connectionAuth }, []),
  'connection.list': empty,
  'connection.use': objectOf({ orgUrl: shortText() }),
  'connection.remove': objectOf({ orgUrl: shortText() }),
  'pull.start': objectOf(
    {
      includeFactors: { type: 'boolean' },
      readEveryGroup: { type: 'boolean' },
      share: { type: 'number', minimum: 0.1, maximum: 1 },
      quick: { type: 'boolean' },
    },
    ['includeFactors'],
  ),
  'pull.resume': objectOf({ snapshotId }),
  'jobs.list': empty,
  'jobs.cancel': objectOf({ jobId: shortText(100) }),
  'snapshots.list': empty,
  'snapshots.label': objectOf({ snapshotId, label: shortText(1000) }),
  'snapshots.exportSummary': objectOf({ snapshotId, options: exportOptions }, ['snapshotId']),
  'snapshots.profileAttributes': objectOf({ snapshotId }),
  'snapshots.userStatuses': objectOf({ snapshotId }),
  'snapshots.delete': objectOf({ snapshotId }),
  'browse.page': objectOf(
    {
      snapshotId,
      table: { enum: [...BROWSE_TABLES] },
      offset: { type: 'integer', minimum: 0 },
      limit: { type: 'integer', minimum: 1, maximum: 1000 },
      search: shortText(500),
      filter: shortText(100),
      columnFilters: {
        type: 'object',
        maxProperties: 20,
        propertyNames: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]{0,63}$' },
        additionalProperties: shortText(500),
      },
      sort: objectOf({ column: shortText(64), direction: { enum: ['asc', 'desc'] } }),
      columns: { type: 'array', maxItems: 40, items: shortText(64) },
    },
    ['snapshotId', 'table', 'offset', 'limit'],
  ),
  'browse.userAccess': objectOf({ snapshotId, userId: shortText(100) }),
  'browse.group': objectOf({ snapshotId, groupId: shortText(100) }),
  'browse.app': objectOf({ snapshotId, appId: shortText(100) }),
  'browse.role': objectOf({ snapshotId, roleKey: shortText(200) }),
  'validate.upload': objectOf({ entities: csvFileRef, relations: csvFileRef }, []),
  'validate.start': objectOf({ entities: csvFileRef, relations: csvFileRef }, []),
  'validate.snapshot': objectOf({ snapshotId, options: exportOptions }, ['snapshotId']),
  'export.preview': objectOf(
    { snapshotId, options: exportOptions, rows: { type: 'integer', minimum: 1, maximum: 100 } },
    ['snapshotId'],
  ),
  'export.start': objectOf(
    { snapshotId, outDir: shortText(4096), options: exportOptions, overwrite: { type: 'boolean' } },
    ['snapshotId', 'outDir'],
  ),
  'export.defaultFolder': empty,
  'export.checkFolder': objectOf({ path: shortText(4096) }),
  'export.chooseFolder': objectOf({ defaultPath: shortText(4096) }, []),
  'export.openFolder': objectOf({ path: shortText(4096) }),
  'upload.settings': empty,
  'upload.checkBundle': objectOf({ dir: shortText(4096) }),
  'upload.start': objectOf(
    {
      dir: shortText(4096),
      baseUrl: shortText(),
      apiKeyId: { type: 'string', minLength: 1, maxLength: 256 },
      apiKeySecret: { type: 'string', minLength: 1, maxLength: 4096 },
      remember: { type: 'boolean' },
    },
    ['dir', 'baseUrl', 'apiKeyId'],
  ),
  'upload.forgetKey': empty,
  'exportProfile.get': empty,
  'exportProfile.save': objectOf({ profile: EXPORT_PROFILE_SCHEMA }),
  'audit.access': objectOf({ snapshotId, subject: auditSubject, ...auditPage }, ['snapshotId', 'subject']),
  'audit.findings': objectOf({ snapshotId, ruleId: shortText(100), thresholds: auditThresholds, ...auditPage }, [
    'snapshotId',
  ]),
  'audit.diff': objectOf(
    {
      fromSnapshotId: snapshotId,
      toSnapshotId: snapshotId,
      page: objectOf(
        {
          kind: { enum: [...DIFF_KINDS] },
          change: { enum: [...DIFF_CHANGES] },
          after: { anyOf: [shortText(4096), { type: 'null' }] },
          limit: { type: 'integer', minimum: 1, maximum: 1000 },
        },
        ['kind', 'change', 'limit'],
      ),
    },
    ['fromSnapshotId', 'toSnapshotId'],
  ),
  'audit.report': objectOf(
    { snapshotId, compareSnapshotId: snapshotId, thresholds: auditThresholds, outFile: shortText(4096) },
    ['snapshotId'],
  ),
  'snapshot.openPortable': objectOf({ path: shortText(4096) }),
};
