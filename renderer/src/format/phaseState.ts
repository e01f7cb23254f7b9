// The state of one phase of a pull in words, the same on the progress card and in Past pulls: done, running (n of m
// listings), interrupted (a cancelled or failed pull stopped inside it) or not started — never "nothing to list ·
// 0 rows" for a phase that never ran.
import type { PhaseProgressView } from '../../../shared/service/types';
import { formatCount, plural } from './formatDuration';

export type PullOutcome = 'running' | 'complete' | 'failed' | 'cancelled';

export interface PhaseStateText {
  state: 'done' | 'running' | 'interrupted' | 'not started' | 'nothing to list';
  /** e.g. "done · 1,204 rows", "interrupted at 3 of 40 listings · 120 rows", "not started". */
  text: string;
}

export function phaseState(phase: PhaseProgressView, outcome: PullOutcome): PhaseStateText {
  const rows = ` · ${plural(phase.rows, 'row')}`;
  if (phase.tasksTotal === 0) {
    // A complete pull ran every phase: one with no listing had nothing to list. Otherwise it never started.
    return outcome === 'complete'
      ? { state: 'nothing to list', text: 'nothing to list' }
      : { state: 'not started', text: 'not started' };
  }
  if (phase.tasksDone >= phase.tasksTotal) return { state: 'done', text: `done${rows}` };
  const listings = `${formatCount(phase.tasksDone)} of ${plural(phase.tasksTotal, 'listing')}`;
  if (outcome === 'running') return { state: 'running', text: `${listings}${rows}` };
  return { state: 'interrupted', text: `interrupted at ${listings}${rows}` };
}
