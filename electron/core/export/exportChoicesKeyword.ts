// Lets a JSON Schema run the export mapping rules: `"exportChoicesRules": true` on an object holding `mapping` and
// `userAttributes` (service params, a profile file) checks both with shared/balkanid/exportMappingRules.ts, so ajv
// reports the rules' own messages (which name each choice and the known kinds and keys) with its other findings.
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { EXPORT_CHOICES_KEYWORD } from '../../../shared/balkanid/exportProfile';
import { checkExportChoices } from '../../../shared/balkanid/exportMappingRules';

type RulesValidate = ((schema: boolean, data: unknown) => boolean) & { errors?: Partial<ErrorObject>[] };

const validateChoices: RulesValidate = (schema, data) => {
  validateChoices.errors = undefined;
  // Not an object: the schema's `type` says so; the rules have nothing to read.
  if (!schema || typeof data !== 'object' || data === null || Array.isArray(data)) return true;
  const { mapping, userAttributes } = data as { mapping?: unknown; userAttributes?: unknown };
  const { errors } = checkExportChoices({ mapping, userAttributes });
  const messages = [...new Set(errors.map((error) => error.message))];
  validateChoices.errors = messages.map((message) => ({ keyword: EXPORT_CHOICES_KEYWORD, message, params: {} }));
  return messages.length === 0;
};

export function addExportChoicesKeyword(ajv: Ajv): Ajv {
  return ajv.addKeyword({
    keyword: EXPORT_CHOICES_KEYWORD,
    schemaType: 'boolean',
    errors: true,
    validate: validateChoices,
  });
}
