// Start a pull: include factors or not, read every group or trust group counts, full pull or quick refresh, and the
// pace (share of Okta's rate limits).
import { useId, useState } from 'react';
import type { JobState } from '../../../../shared/service/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { PULL_PACES, type PullPaceId } from './pullPaces';

interface PullFormProps {
  running: boolean;
  onStarted: (job: JobState) => void;
}

export function PullForm({ running, onStarted }: PullFormProps) {
  const client = useService();
  const factorsHintId = useId();
  const quickHintId = useId();
  const everyGroupHintId = useId();
  const [includeFactors, setIncludeFactors] = useState(true);
  const [quick, setQuick] = useState(false);
  const [readEveryGroup, setReadEveryGroup] = useState(false);
  const [pace, setPace] = useState<PullPaceId>('normal');
  const start = useAsyncAction(async () => {
    const share = PULL_PACES.find((choice) => choice.id === pace)?.share ?? 0.8;
    onStarted(
      await client.call('pull.start', {
        includeFactors,
        share,
        ...(readEveryGroup ? { readEveryGroup: true } : {}),
        ...(quick ? { quick: true } : {}),
      }),
    );
  });

  return (
    <section className="panel" aria-labelledby="pull-form-heading">
      <h2 id="pull-form-heading">New pull</h2>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={includeFactors}
            aria-describedby={factorsHintId}
            onChange={(event) => setIncludeFactors(event.target.checked)}
          />
          Include MFA factors
        </label>
        <p id={factorsHintId} className="field-hint">
          One extra request per user. Needed for the mfaEnabled and mfaFactors attributes.
        </p>
      </div>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={readEveryGroup}
            aria-describedby={everyGroupHintId}
            onChange={(event) => setReadEveryGroup(event.target.checked)}
          />
          Read every group&apos;s members and roles
        </label>
        <p id={everyGroupHintId} className="field-hint">
          By default a group Okta counts as empty, or without an admin role, is not listed. Tick this when those counts
          may be wrong: one member and one role listing per group (for 5,000 groups about 50 more minutes at the normal
          pace).
        </p>
      </div>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={quick}
            aria-describedby={quickHintId}
            onChange={(event) => setQuick(event.target.checked)}
          />
          Quick refresh (instead of a full pull)
        </label>
        <p id={quickHintId} className="field-hint">
          Re-reads only users changed since the last complete pull and groups whose membership changed; app assignments
          and roles are always read in full. Okta&apos;s change dates are not always trustworthy, so a full pull stays
          the safe default.
        </p>
      </div>
      <fieldset className="fieldset">
        <legend>Pace</legend>
        {PULL_PACES.map((choice) => (
          <label key={choice.id} className="choice choice-block">
            <input type="radio" name="pull-pace" checked={pace === choice.id} onChange={() => setPace(choice.id)} />
            <span>
              <strong>{choice.label}</strong> <span className="muted">— {choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={running || start.pending}
          onClick={() => void start.run()}
        >
          {running ? 'A pull is running' : start.pending ? 'Starting…' : 'Start pull'}
        </button>
      </div>
      <ErrorAlert error={start.error} onDismiss={start.clearError} />
    </section>
  );
}
