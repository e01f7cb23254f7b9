// The thresholds the rules read (dormant days, strong factor types): edited here and applied together, checked as
// the service checks them, so a bad value is named where it was typed.
import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_AUDIT_THRESHOLDS, type AuditThresholds } from '../../../../shared/audit/auditTypes';

interface ThresholdsFormProps {
  applied: AuditThresholds;
  onApply: (thresholds: AuditThresholds) => void;
}

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
  const daysId = useId();
  const factorsId = useId();
  const problemId = useId();
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
  const described = problem ? problemId : undefined;
  return (
    <form className="thresholds-form" onSubmit={submit} aria-label="Thresholds">
      <div className="field">
        <label htmlFor={daysId}>Dormant after (days without a sign-in)</label>
        <input
          id={daysId}
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-describedby={described}
        />
      </div>
      <div className="field">
        <label htmlFor={factorsId}>Strong factor types (comma-separated)</label>
        <input
          id={factorsId}
          value={factors}
          onChange={(e) => setFactors(e.target.value)}
          aria-describedby={described}
        />
      </div>
      {problem && (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit">Apply thresholds</button>
        <button type="button" onClick={reset}>
          Defaults
        </button>
      </div>
    </form>
  );
}
