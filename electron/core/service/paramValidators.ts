// Compiles PARAM_SCHEMAS with ajv once and turns ajv errors into short, plain messages like "params.limit must be <=
// 1000".
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { METHOD_NAMES, type MethodName } from '../../../shared/service/contract';
import { PARAM_SCHEMAS } from '../../../shared/service/paramSchemas';
import { EXPORT_CHOICES_KEYWORD } from '../../../shared/balkanid/exportProfile';
import { addExportChoicesKeyword } from '../export/exportChoicesKeyword';

export type ParamCheck = { ok: true } | { ok: false; message: string };
export type ParamValidators = Record<MethodName, (params: unknown) => ParamCheck>;

const MAX_REPORTED_ERRORS = 5;
const MAX_NAME_LENGTH = 64;

/** Shorten and quote text that came from the caller before it goes into a message. */
export function quoteForMessage(text: string, maxLength = MAX_NAME_LENGTH): string {
  const short = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  return JSON.stringify(short);
}

/** JSON-pointer instance path ("/sort/column", "/items/0") → "params.sort.column", "params.items[0]". */
function describePath(instancePath: string, root: string): string {
  if (instancePath === '') return root;
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => {
      if (/^\d+$/.test(segment)) return `${path}[${segment}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(segment)) return `${path}.${segment}`;
      return `${path}[${quoteForMessage(segment)}]`;
    }, root);
}

function describeError(error: ErrorObject, root: string): string {
  const where = describePath(error.instancePath, root);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has an unknown property ${quoteForMessage(String(params.additionalProperty))}`;
    case 'required':
      return `${where} is missing the required property ${quoteForMessage(String(params.missingProperty))}`;
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      return `${where} must be one of: ${allowed.map((value) => JSON.stringify(value)).join(', ')}`;
    }
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case 'oneOf':
      return `${where} must match exactly one of the allowed shapes`;
    case EXPORT_CHOICES_KEYWORD:
      return `${where}: ${error.message ?? 'the export choices are not valid'}`;
    default:
      return `${where} ${error.message ?? 'is not valid'}`;
  }
}

/** Plain text for a list of ajv errors: de-duplicated, at most a handful; paths start at `root`. */
export function formatParamErrors(errors: readonly ErrorObject[] | null | undefined, root = 'params'): string {
  const lines = [...new Set((errors ?? []).map((error) => describeError(error, root)))];
  if (lines.length === 0) return `${root} are not valid`;
  const shown = lines.slice(0, MAX_REPORTED_ERRORS);
  const more = lines.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

export function createAjv(logWarning: (line: string) => void): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    // maxLength counts UTF-16 units (string.length) instead of walking every code point: cheaper on long strings,
    // and stricter, never looser.
    unicode: false,
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => {
        const line = args.map(String).join(' ');
        if (!line.startsWith('DEPRECATED: option unicode')) logWarning(`ajv: ${line}`);
      },
      error: (...args: unknown[]) => logWarning(`ajv: ${args.map(String).join(' ')}`),
    },
  });
  return addExportChoicesKeyword(ajv);
}

function toCheck(validate: ValidateFunction): (params: unknown) => ParamCheck {
  return (params) => (validate(params) ? { ok: true } : { ok: false, message: formatParamErrors(validate.errors) });
}

// Shared by every dispatcher in the process: each method's schema is compiled once, on its first call.
let sharedAjv: Ajv | null = null;
const compiled = new Map<MethodName, (params: unknown) => ParamCheck>();

function validatorFor(method: MethodName, logWarning: (line: string) => void): (params: unknown) => ParamCheck {
  let check = compiled.get(method);
  if (!check) {
    sharedAjv ??= createAjv(logWarning);
    check = toCheck(sharedAjv.compile(PARAM_SCHEMAS[method]));
    compiled.set(method, check);
  }
  return check;
}

/** A validator per method; schemas compile lazily and are cached for the whole process. */
export function compileParamValidators(logWarning: (line: string) => void = console.warn): ParamValidators {
  const entries = METHOD_NAMES.map(
    (method) => [method, (params: unknown) => validatorFor(method, logWarning)(params)] as const,
  );
  return Object.fromEntries(entries) as ParamValidators;
}
