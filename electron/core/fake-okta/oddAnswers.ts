// Pipeline stage (option oddAnswers): on chosen paths, answers what no Okta list is — a captive portal's HTML page,
// a JSON object where a list belongs, a list of non-objects — as a proxy, a portal or a wrong URL would.
import type { Stage } from './pipeline';

export type OddAnswer = 'html' | 'object' | 'non-object-items';

export interface OddAnswerRule {
  /** Requests whose path starts with this get the odd answer, e.g. "/api/v1/groups". */
  pathPrefix: string;
  answer: OddAnswer;
}

const PORTAL_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Guest Wi-Fi</title></head><body><form action="/login">Accept the terms ' +
  'to continue</form></body></html>\n';

export function oddAnswers(rules: readonly OddAnswerRule[]): Stage {
  return async (request, next) => {
    const rule = rules.find((candidate) => request.url.pathname.startsWith(candidate.pathPrefix));
    if (!rule) return next();
    switch (rule.answer) {
      case 'html':
        return {
          status: 200,
          body: null,
          headers: {},
          rawBody: { contentType: 'text/html; charset=utf-8', text: PORTAL_PAGE },
        };
      case 'object':
        return { status: 200, body: { id: '00g1', profile: { name: 'not a list' } }, headers: {} };
      case 'non-object-items':
        return { status: 200, body: ['00u1', 42, null], headers: {} };
    }
  };
}
