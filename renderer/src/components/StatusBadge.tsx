// A small coloured label for a job or snapshot status (complete, failed, cancelled, running, paused).

const LABELS: Record<string, string> = {
  complete: 'complete',
  failed: 'failed',
  cancelled: 'cancelled',
  running: 'running',
  // A pull stopped at its request cap: kept as "failed" in the cache, shown as what it is.
  paused: 'paused',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${LABELS[status] ? status : 'other'}`}>{LABELS[status] ?? status}</span>;
}
