// One progress bar per job phase: listings done of scheduled and rows received.
import type { PhaseProgressView } from '../../../shared/service/types';
import { formatCount, plural } from '../format/formatDuration';
import { humaniseName } from '../format/labels';

function phaseState(phase: PhaseProgressView, running: boolean): string {
  if (phase.tasksTotal === 0) return running ? 'not started' : 'nothing to list';
  if (phase.tasksDone >= phase.tasksTotal) return 'done';
  return `${formatCount(phase.tasksDone)} of ${plural(phase.tasksTotal, 'listing')}`;
}

export function PhaseProgressList({ phases, running }: { phases: PhaseProgressView[]; running: boolean }) {
  return (
    <ul className="phase-list">
      {phases.map((phase) => {
        const label = humaniseName(phase.phase);
        const state = phaseState(phase, running);
        return (
          <li key={phase.phase} className="phase">
            <div className="phase-label">
              <span className="phase-name">{label}</span>
              <span className="muted">
                {state} · {plural(phase.rows, 'row')}
              </span>
            </div>
            {phase.tasksTotal > 0 ? (
              <progress
                max={phase.tasksTotal}
                value={Math.min(phase.tasksDone, phase.tasksTotal)}
                aria-label={`${label}: ${state}`}
              />
            ) : (
              <progress max={1} value={running ? undefined : 0} aria-label={`${label}: ${state}`} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
