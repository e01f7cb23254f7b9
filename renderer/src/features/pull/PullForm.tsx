// Start a pull: include factors or not, read every group or trust group counts, full pull or quick refresh, and the
// pace (share of Okta's rate limits).
import { useState } from 'react';
import type { JobState } from '../../../../shared/service/types';
import { CheckboxField } from '../../components/CheckboxField';
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
      <CheckboxField
        checked={includeFactors}
        onChange={setIncludeFactors}
        label="Include MFA factors"
        hint="One extra request per user. Needed for the mfaEnabled and mfaFactors attributes."
      />
      <CheckboxField
        checked={readEveryGroup}
        onChange={setReadEveryGroup}
        label="Read every group's members and roles"
        hint={
          'By default a group Okta counts as empty, or without an admin role, is not listed. Tick this when those ' +
          'counts may be wrong: one member and one role listing per group (for 5,000 groups about 50 more minutes at ' +
          'the normal pace).'
        }
      />
      <CheckboxField
        checked={quick}
        onChange={setQuick}
        label="Quick refresh (instead of a full pull)"
        hint={
          'Re-reads only users changed since the last complete pull and groups whose membership changed; app ' +
          "assignments and roles are always read in full. Okta's change dates are not always trustworthy, so a full " +
          'pull stays the safe default.'
        }
      />
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
