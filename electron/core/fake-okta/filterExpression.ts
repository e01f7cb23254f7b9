// Parses and evaluates Okta `filter` / `search` expressions, e.g. status eq "ACTIVE" or lastUpdated gt
// "2024-01-01T00:00:00.000Z".
// Grammar: expr := and ("or" and)* ; and := term ("and" term)* ; term := "(" expr ")" | attr op value | attr "pr".
import { invalidSearch } from './errors';

export type Operator = 'eq' | 'gt' | 'ge' | 'lt' | 'le' | 'sw' | 'co' | 'pr';
const OPERATORS: readonly Operator[] = ['eq', 'gt', 'ge', 'lt', 'le', 'sw', 'co', 'pr'];

type Literal = string | number | boolean | null;
export type FilterNode =
  | { kind: 'or' | 'and'; terms: FilterNode[] }
  | { kind: 'compare'; attribute: string; operator: Operator; value: Literal };

/** Which attributes an endpoint accepts, and with which operators. */
export interface FilterPolicy {
  attributes: Readonly<Record<string, readonly Operator[]>>;
  /** Operators allowed on any `profile.*` attribute (search); absent = only the listed profile attributes. */
  anyProfileAttribute?: readonly Operator[];
}

const TIMESTAMP_ATTRIBUTES = new Set([
  'created',
  'lastUpdated',
  'activated',
  'statusChanged',
  'lastLogin',
  'passwordChanged',
  'lastMembershipUpdated',
]);

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(?:(\()|(\))|("(?:[^"\\]|\\.)*")|([^\s()"]+))/y;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) throw invalidSearch(`Unexpected text at position ${position}: ${text.slice(position, position + 20)}`);
    tokens.push((match[1] ?? match[2] ?? match[3] ?? match[4]) as string);
    position = pattern.lastIndex;
  }
  return tokens;
}

function parseLiteral(token: string | undefined): Literal {
  if (token === undefined) throw invalidSearch('Missing value');
  if (token.startsWith('"')) return token.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^(true|false)$/i.test(token)) return token.toLowerCase() === 'true';
  if (/^null$/i.test(token)) return null;
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  throw invalidSearch(`Invalid value: ${token}`);
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.index < this.tokens.length) throw invalidSearch(`Unexpected token: ${this.tokens[this.index]}`);
    return node;
  }

  private peekWord(): string | undefined {
    return this.tokens[this.index]?.toLowerCase();
  }

  private or(): FilterNode {
    const terms = [this.and()];
    while (this.peekWord() === 'or') {
      this.index++;
      terms.push(this.and());
    }
    return terms.length === 1 ? (terms[0] as FilterNode) : { kind: 'or', terms };
  }

  private and(): FilterNode {
    const terms = [this.term()];
    while (this.peekWord() === 'and') {
      this.index++;
      terms.push(this.term());
    }
    return terms.length === 1 ? (terms[0] as FilterNode) : { kind: 'and', terms };
  }

  private term(): FilterNode {
    const token = this.tokens[this.index++];
    if (token === '(') {
      const inner = this.or();
      if (this.tokens[this.index++] !== ')') throw invalidSearch('Missing closing parenthesis');
      return inner;
    }
    if (token === undefined || token === ')' || token.startsWith('"'))
      throw invalidSearch(`Expected an attribute, got ${token ?? 'end of expression'}`);
    if (token.toLowerCase() === 'not') throw invalidSearch('The "not" operator is not supported');
    const operator = this.tokens[this.index++]?.toLowerCase() as Operator | undefined;
    if (!operator || !OPERATORS.includes(operator))
      throw invalidSearch(`Unsupported operator after ${token}: ${operator ?? 'none'}`);
    const value = operator === 'pr' ? null : parseLiteral(this.tokens[this.index++]);
    return { kind: 'compare', attribute: token, operator, value };
  }
}

function checkPolicy(node: FilterNode, policy: FilterPolicy): void {
  if (node.kind !== 'compare') return node.terms.forEach((term) => checkPolicy(term, policy));
  const allowed =
    policy.attributes[node.attribute] ??
    (node.attribute.startsWith('profile.') ? policy.anyProfileAttribute : undefined);
  if (!allowed) throw invalidSearch(`Unsupported attribute: ${node.attribute}`);
  if (!allowed.includes(node.operator))
    throw invalidSearch(`Operator ${node.operator} is not supported for ${node.attribute}`);
  if (
    TIMESTAMP_ATTRIBUTES.has(node.attribute) &&
    node.operator !== 'pr' &&
    Number.isNaN(Date.parse(String(node.value)))
  ) {
    throw invalidSearch(`Invalid date for ${node.attribute}: ${String(node.value)}`);
  }
}

function readAttribute(item: unknown, path: string): unknown {
  let value: unknown = item;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** An attribute's value as text: a scalar as String() writes it, an object or array as JSON. */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

function compare(actual: unknown, node: Extract<FilterNode, { kind: 'compare' }>): boolean {
  if (node.operator === 'pr') return actual !== undefined && actual !== null && actual !== '';
  if (actual === undefined || actual === null) return node.value === null && node.operator === 'eq';
  if (TIMESTAMP_ATTRIBUTES.has(node.attribute)) {
    const difference = Date.parse(valueText(actual)) - Date.parse(String(node.value));
    return (
      { eq: difference === 0, gt: difference > 0, ge: difference >= 0, lt: difference < 0, le: difference <= 0 }[
        node.operator as 'eq'
      ] ?? false
    );
  }
  // Okta compares values case-insensitively (status eq "active" matches ACTIVE).
  const left = valueText(actual).toLowerCase();
  const right = String(node.value).toLowerCase();
  switch (node.operator) {
    case 'eq':
      return left === right;
    case 'sw':
      return left.startsWith(right);
    case 'co':
      return left.includes(right);
    case 'gt':
      return left > right;
    case 'ge':
      return left >= right;
    case 'lt':
      return left < right;
    default:
      return left <= right;
  }
}

function evaluate(node: FilterNode, item: unknown): boolean {
  if (node.kind === 'compare') return compare(readAttribute(item, node.attribute), node);
  return node.kind === 'or'
    ? node.terms.some((term) => evaluate(term, item))
    : node.terms.every((term) => evaluate(term, item));
}

export function parseFilter(expression: string, policy: FilterPolicy): FilterNode {
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw invalidSearch('Empty expression');
  const node = new Parser(tokens).parse();
  checkPolicy(node, policy);
  return node;
}

/** Parses once, then returns a predicate for the whole request. Invalid expressions throw a 400 E0000031. */
export function compileFilter<T>(expression: string, policy: FilterPolicy): (item: T) => boolean {
  const node = parseFilter(expression, policy);
  return (item) => evaluate(node, item);
}
