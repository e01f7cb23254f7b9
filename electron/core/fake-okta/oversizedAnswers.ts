// Pipeline stage (option oversizedAnswers): on chosen paths, answers a JSON list padded to a given size, to show
// that the client refuses a body past its cap instead of buffering whatever it is sent.
import type { Stage } from './pipeline';

export interface OversizedAnswerRule {
  /** Requests whose path starts with this get the padded answer. */
  pathPrefix: string;
  /** Roughly the size of the body sent. */
  bytes: number;
}

export function oversizedAnswers(rules: readonly OversizedAnswerRule[]): Stage {
  return async (request, next) => {
    const rule = rules.find((candidate) => request.url.pathname.startsWith(candidate.pathPrefix));
    if (!rule) return next();
    return { status: 200, body: [{ id: '00u1padding', padding: 'x'.repeat(Math.max(0, rule.bytes)) }], headers: {} };
  };
}
