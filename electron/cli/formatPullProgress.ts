// One-line, human-readable summary of pull progress for the terminal.
import type { PullProgress } from '../core/pull/pullProgress';

const number = new Intl.NumberFormat('en-US');

export function formatPullProgress(progress: PullProgress): string {
  const parts: string[] = [];
  for (const phase of progress.phases) {
    if (phase.tasksTotal === 0) continue;
    const listings =
      phase.tasksTotal > 2 ? ` (${number.format(phase.tasksDone)}/${number.format(phase.tasksTotal)})` : '';
    parts.push(`${phase.phase} ${number.format(phase.rows)}${listings}`);
  }
  parts.push(`${number.format(progress.requests)} requests`);
  const waiting = progress.rateLimitWaits.filter((wait) => wait.waitedMs >= 1000);
  if (waiting.length > 0) {
    parts.push(
      `rate-limit waits ${waiting.map((wait) => `${wait.bucket} ${Math.round(wait.waitedMs / 1000)}s`).join(', ')}`,
    );
  }
  return `pulling: ${parts.join(' · ')} · ${Math.round(progress.elapsedMs / 1000)}s`;
}
