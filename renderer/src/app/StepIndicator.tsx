// Where the user is in the job and what comes next: Connect → Pull → Review → Validate → Export. Each step opens its
// screen; the current one is marked aria-current="step", steps already done say so, and the next is named.
import { useConnection } from './ConnectionContext';
import { useNavigation } from './NavigationContext';
import type { ScreenId } from './screens';
import { useSnapshots } from './SnapshotsContext';

const STEPS: readonly { screen: ScreenId; label: string }[] = [
  { screen: 'connect', label: 'Connect' },
  { screen: 'pull', label: 'Pull' },
  { screen: 'browse', label: 'Review' },
  { screen: 'validate', label: 'Validate' },
  { screen: 'export', label: 'Export' },
];

export function StepIndicator() {
  const { screen, navigate } = useNavigation();
  const { connection } = useConnection();
  const { snapshots } = useSnapshots();
  const current = STEPS.findIndex((step) => step.screen === screen);
  const done = (index: number) =>
    index < current || (index === 0 && Boolean(connection)) || (index === 1 && Boolean(snapshots?.length));
  const next = STEPS[current + 1];
  return (
    <nav className="step-indicator" aria-label="Steps">
      <ol>
        {STEPS.map((step, index) => (
          <li key={step.screen} className={done(index) ? 'step step-done' : 'step'}>
            <button
              type="button"
              aria-current={index === current ? 'step' : undefined}
              onClick={() => navigate(step.screen)}
            >
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              {step.label}
              {done(index) && index !== current && <span className="visually-hidden"> (done)</span>}
            </button>
          </li>
        ))}
      </ol>
      {next && <p className="step-next">Next: {next.label}</p>}
    </nav>
  );
}
