// The thresholds the rules read (dormant days, strong factor types): edited here and applied together, checked as
// the service checks them, so a bad value is named where it was typed.
import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_AUDIT_THRESHOLDS, type AuditThresholds } from '../../../../shared/audit/auditTypes';

interface ThresholdsFormProps {
  applied: AuditThresholds;
  onApply: (thresholds: AuditThresholds) => void;
}

/** One thresholds form per screen, so its message can have a fixed id. */
const THRESHOLD_PROBLEM_ID = 'threshold-problem';

function parseThresholds(days: string, factors: string): AuditThresholds | string {
  const dormantDays = Number(days.trim());
  if (!/^\d+$/.test(days.trim()) || dormantDays < 1 || dormantDays > 36500)
    return 'Dormant days must be a whole number from 1 to 36500.';
  const strongFactorTypes = factors
    .split(',')
    .map((type) => type.trim())
    .filter((type) => type !== '');
  if (strongFactorTypes.length === 0) return 'Name at least one strong factor type, such as push or webauthn.';
  return { dormantDays, strongFactorTypes };
}

export function ThresholdsForm({ applied, onApply }: ThresholdsFormProps) {
  const [days, setDays] = useState(String(applied.dormantDays));
  const [factors, setFactors] = useState(applied.strongFactorTypes.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseThresholds(days, factors);
    setProblem(typeof parsed === 'string' ? parsed : null);
    if (typeof parsed !== 'string') onApply(parsed);
  };
  const reset = () => {
    setDays(String(DEFAULT_AUDIT_THRESHOLDS.dormantDays));
    setFactors(DEFAULT_AUDIT_THRESHOLDS.strongFactorTypes.join(', '));
    setProblem(null);
    onApply(DEFAULT_AUDIT_THRESHOLDS);
  };
  return (
    <form className="thresholds-form" onSubmit={submit} aria-label="Thresholds">
      <ThresholdField
        label="Dormant after (days without a sign-in)"
        value={days}
        onChange={setDays}
        problem={problem}
        inputMode="numeric"
      />
      <ThresholdField
        label="Strong factor types (comma-separated)"
        value={factors}
        onChange={setFactors}
        problem={problem}
      />
      <FormEnd problem={problem} onReset={reset} />
    </form>
  );
}

/** The refusal (if any), then Apply and Defaults. */
function FormEnd({ problem, onReset }: { problem: string | null; onReset: () => void }) {
  return (
    <>
      {problem && (
        <p id={THRESHOLD_PROBLEM_ID} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit">Apply thresholds</button>
        <button type="button" onClick={onReset}>
          Defaults
        </button>
      </div>
    </>
  );
}

interface ThresholdFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  inputMode?: 'numeric';
}

/** One labelled input; while a value is refused, each input points at the message (aria-describedby). */
function ThresholdField({ label, value, onChange, problem, inputMode }: ThresholdFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode={inputMode}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? THRESHOLD_PROBLEM_ID : undefined}
      />
    </div>
  );
}
