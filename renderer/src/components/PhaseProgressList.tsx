// One progress bar per pull phase: done, running (listings done of scheduled), interrupted or not started, with the
// rows stored — the same words Past pulls uses for the snapshot.
import type { PhaseProgressView } from '../../../shared/service/types';
import { phaseState, type PullOutcome } from '../format/phaseState';
import { humaniseName } from '../format/labels';

export function PhaseProgressList({ phases, outcome }: { phases: PhaseProgressView[]; outcome: PullOutcome }) {
  return (
    <ul className="phase-list">
      {phases.map((phase) => {
        const label = humaniseName(phase.phase);
        const { state, text } = phaseState(phase, outcome);
        return (
          <li key={phase.phase} className="phase" data-phase-state={state}>
            <div className="phase-label">
              <span className="phase-name">{label}</span>
              <span className="muted">{text}</span>
            </div>
            {phase.tasksTotal > 0 ? (
              <progress
                max={phase.tasksTotal}
                value={Math.min(phase.tasksDone, phase.tasksTotal)}
                aria-label={`${label}: ${text}`}
              />
            ) : (
              <progress max={1} value={outcome === 'running' ? undefined : 0} aria-label={`${label}: ${text}`} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
