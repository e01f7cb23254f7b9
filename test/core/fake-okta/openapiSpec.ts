// Test helper: loads Okta's OpenAPI specs (management, and the OAuth one for /oauth2/v1/token) and validates
// fake-server
// responses against the schema each operation names, with ajv (discriminators dispatched by hand) plus a check for
// properties the spec does not declare.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;
interface Spec {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, Schema> }>>;
  components: Record<string, Record<string, Schema>>;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The spec lives beside the repository (shared/okta-openapi), not inside it. */
export const SPEC_PATH = path.resolve(REPO_ROOT, '..', 'shared', 'okta-openapi', 'management-minimal.yaml');
export const OAUTH_SPEC_PATH = path.resolve(REPO_ROOT, '..', 'shared', 'okta-openapi', 'oauth-minimal.yaml');
const SPEC_ID = 'okta-management';
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The spec puts `nullable` beside bare `$ref`s (GroupSchemaAttribute.items: true; Csr._links: false); ajv
 * refuses `nullable` without `type`, so a copy of the schemas rewrites those nodes.
 */
function nullableWithoutType(node: unknown): any {
  if (Array.isArray(node)) return node.map(nullableWithoutType);
  if (!node || typeof node !== 'object') return node;
  const copy: Schema = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, nullableWithoutType(value)]),
  );
  if (copy.nullable !== undefined && copy.type === undefined) {
    const nullable = copy.nullable === true;
    delete copy.nullable; // `nullable: false` beside a $ref (Csr._links and others) just goes
    return nullable ? { anyOf: [copy, { type: 'null' }] } : copy;
  }
  return copy;
}

export interface ResponseValidator {
  (body: unknown): string[];
}

export class OktaSpec {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly spec: Spec) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    this.ajv.addFormat('date-time', ISO_DATE_TIME);
    this.ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
    this.ajv.addFormat('uri', { validate: (value: string) => URL.canParse(value) });
    for (const name of [
      'text',
      'select',
      'checkbox',
      'radio',
      'iss_sub',
      'regex',
      'int32',
      'int64',
      'base64',
      'password',
      'utf-8',
      'boolean',
      'double',
      'uuid',
      'opaque',
      'url',
    ]) {
      this.ajv.addFormat(name, true);
    }
    // Only the schemas: components.examples holds arbitrary JSON that ajv's $id scan chokes on.
    this.ajv.addSchema({ $id: SPEC_ID, components: { schemas: nullableWithoutType(spec.components.schemas) } });
  }

  /** The management spec by default; pass OAUTH_SPEC_PATH for the OAuth one. */
  static load(specPath: string = SPEC_PATH): OktaSpec {
    if (!fs.existsSync(specPath)) throw new Error(`Okta OpenAPI spec not found at ${specPath}`);
    return new OktaSpec(parse(fs.readFileSync(specPath, 'utf8')) as Spec);
  }

  /** The `value` of a named components.examples entry (e.g. "ErrorTooManyRequests"). */
  example(name: string): unknown {
    return (this.spec.components.examples?.[name] as { value?: unknown } | undefined)?.value;
  }

  /** Resolves "#/components/..." within the spec. */
  private resolve(ref: string): Schema {
    let node: unknown = this.spec;
    for (const part of ref.replace(/^#\//, '').split('/'))
      node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!node) throw new Error(`unresolvable $ref ${ref}`);
    return node as Schema;
  }

  /** The JSON schema the spec gives for an operation's response (following components.responses refs). */
  responseSchema(pathTemplate: string, status: string, fallbackResponse?: string, method = 'get'): Schema {
    const operation = this.spec.paths[pathTemplate]?.[method];
    const name = `${method.toUpperCase()} ${pathTemplate}`;
    if (!operation) throw new Error(`no ${name} in the spec`);
    let response =
      operation.responses?.[status] ??
      (fallbackResponse ? { $ref: `#/components/responses/${fallbackResponse}` } : undefined);
    if (!response) throw new Error(`${name} declares no ${status} response`);
    if (typeof response.$ref === 'string') response = this.resolve(response.$ref);
    const schema = (response.content as Record<string, { schema: Schema }> | undefined)?.['application/json']?.schema;
    if (!schema) throw new Error(`${name} ${status} has no application/json schema`);
    return schema;
  }

  /** Discriminated types become "if tag = X then $ref mapped schema": ajv cannot use OpenAPI mappings itself. */
  private dispatch(discriminator: { propertyName: string; mapping: Record<string, string> }): Schema {
    const { propertyName, mapping } = discriminator;
    return {
      type: 'object',
      required: [propertyName],
      properties: { [propertyName]: { enum: Object.keys(mapping) } },
      allOf: Object.entries(mapping).map(([tag, ref]) => ({
        if: { properties: { [propertyName]: { const: tag } }, required: [propertyName] },
        then: { $ref: `${SPEC_ID}${ref}` },
      })),
    };
  }

  /**
   * Rewrites a response schema (not the components) so refs point into the registered spec and discriminators dispatch.
   */
  private prepare(schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map((s) => this.prepare(s));
    if (!schema || typeof schema !== 'object') return schema;
    const node = schema as Schema;
    const discriminator = node.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
    if (discriminator?.mapping && Array.isArray(node.oneOf))
      return this.dispatch({ propertyName: discriminator.propertyName, mapping: discriminator.mapping });
    if (typeof node.$ref === 'string') {
      const target = this.resolve(node.$ref);
      const base = target.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
      if (base?.mapping && !Array.isArray(target.oneOf))
        return this.dispatch({ propertyName: base.propertyName, mapping: base.mapping });
      return { $ref: `${SPEC_ID}${node.$ref}` };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, this.prepare(value)]));
  }

  /**
   * Validates against the response schema of `method` (default GET) `pathTemplate` for `status`: schema errors plus
   * undeclared properties.
   */
  validator(pathTemplate: string, status: string, fallbackResponse?: string, method = 'get'): ResponseValidator {
    const key = `${method} ${pathTemplate} ${status} ${fallbackResponse ?? ''}`;
    let validate = this.compiled.get(key);
    const raw = this.responseSchema(pathTemplate, status, fallbackResponse, method);
    if (!validate) {
      validate = this.ajv.compile(this.prepare(raw) as Schema);
      this.compiled.set(key, validate);
    }
    const check = validate;
    return (body) => {
      const errors = check(body)
        ? []
        : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
      return [...errors, ...this.undeclared(body, [raw], '')];
    };
  }

  /** All schemas that apply to a value: refs followed, allOf/anyOf/oneOf flattened, discriminator mapping applied. */
  private expand(schemas: readonly Schema[], value: unknown): Schema[] {
    const seen = new Set<Schema>();
    const queue = [...schemas];
    while (queue.length > 0) {
      let schema = queue.shift() as Schema;
      if (typeof schema.$ref === 'string') schema = this.resolve(schema.$ref);
      if (seen.has(schema)) continue;
      seen.add(schema);
      for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
        if (Array.isArray(schema[key])) queue.push(...(schema[key] as Schema[]));
      const discriminator = schema.discriminator as
        { propertyName: string; mapping?: Record<string, string> } | undefined;
      const tag =
        value && typeof value === 'object'
          ? (value as Record<string, unknown>)[discriminator?.propertyName ?? '']
          : undefined;
      const mapped = typeof tag === 'string' ? discriminator?.mapping?.[tag] : undefined;
      if (mapped) queue.push({ $ref: mapped });
    }
    return [...seen];
  }

  /**
   * Most Okta schemas allow extra properties, so ajv alone would accept a misspelt field. This reports
   * object keys that no applicable schema declares (objects with additionalProperties or x-okta-extensible are open).
   */
  private undeclared(value: unknown, schemas: readonly Schema[], where: string): string[] {
    if (value === null || typeof value !== 'object' || schemas.length === 0) return [];
    const expanded = this.expand(schemas, value);
    if (Array.isArray(value)) {
      const itemSchemas = expanded.flatMap((s) => (s.items ? [s.items as Schema] : []));
      return value.flatMap((item, i) => this.undeclared(item, itemSchemas, `${where}/${i}`));
    }
    const declared = new Map<string, Schema[]>();
    let open = expanded.every((s) => !s.properties && !s.required);
    for (const schema of expanded) {
      if (schema.additionalProperties || schema['x-okta-extensible']) open = true;
      for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>))
        declared.set(name, [...(declared.get(name) ?? []), property]);
      for (const name of (schema.required ?? []) as string[]) if (!declared.has(name)) declared.set(name, []);
    }
    const problems: string[] = [];
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childSchemas = declared.get(key);
      if (!childSchemas) {
        if (!open) problems.push(`${where}/${key} is not declared by the spec`);
        continue;
      }
      problems.push(...this.undeclared(child, childSchemas, `${where}/${key}`));
    }
    return problems;
  }
}
