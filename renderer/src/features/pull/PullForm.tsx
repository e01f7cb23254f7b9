// Start a pull: include factors or not, read every group or trust group counts, full pull or quick refresh, and the
// pace (share of Okta's rate limits).
import { useState, type Dispatch, type SetStateAction } from 'react';
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

const READ_EVERY_GROUP_HINT =
  'By default a group Okta counts as empty, or without an admin role, is not listed. Tick this when those ' +
  'counts may be wrong: one member and one role listing per group (for 5,000 groups about 50 more minutes at ' +
  'the normal pace).';
const QUICK_REFRESH_HINT =
  'Re-reads only users changed since the last complete pull and groups whose membership changed; app ' +
  "assignments and roles are always read in full. Okta's change dates are not always trustworthy, so a full " +
  'pull stays the safe default.';

interface PullOptions {
  includeFactors: boolean;
  readEveryGroup: boolean;
  quick: boolean;
}

export function PullForm({ running, onStarted }: PullFormProps) {
  const client = useService();
  const [options, setOptions] = useState<PullOptions>({ includeFactors: true, readEveryGroup: false, quick: false });
  const [pace, setPace] = useState<PullPaceId>('normal');
  const start = useAsyncAction(async () => {
    const share = PULL_PACES.find((choice) => choice.id === pace)?.share ?? 0.8;
    const { includeFactors, readEveryGroup, quick } = options;
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
      <PullOptionFields options={options} onChange={setOptions} />
      <PaceChoice pace={pace} onChange={setPace} />
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

function PullOptionFields({
  options,
  onChange,
}: {
  options: PullOptions;
  onChange: Dispatch<SetStateAction<PullOptions>>;
}) {
  const set = (name: keyof PullOptions) => (checked: boolean) =>
    onChange((current) => ({ ...current, [name]: checked }));
  return (
    <>
      <CheckboxField
        checked={options.includeFactors}
        onChange={set('includeFactors')}
        label="Include MFA factors"
        hint="One extra request per user. Needed for the mfaEnabled and mfaFactors attributes."
      />
      <CheckboxField
        checked={options.readEveryGroup}
        onChange={set('readEveryGroup')}
        label="Read every group's members and roles"
        hint={READ_EVERY_GROUP_HINT}
      />
      <CheckboxField
        checked={options.quick}
        onChange={set('quick')}
        label="Quick refresh (instead of a full pull)"
        hint={QUICK_REFRESH_HINT}
      />
    </>
  );
}

/** How much of each Okta rate-limit bucket the pull may use (the rest is left to the org's other integrations). */
function PaceChoice({ pace, onChange }: { pace: PullPaceId; onChange: (pace: PullPaceId) => void }) {
  return (
    <fieldset className="fieldset">
      <legend>Pace</legend>
      {PULL_PACES.map((choice) => (
        <label key={choice.id} className="choice choice-block">
          <input type="radio" name="pull-pace" checked={pace === choice.id} onChange={() => onChange(choice.id)} />
          <span>
            <strong>{choice.label}</strong> <span className="muted">— {choice.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
