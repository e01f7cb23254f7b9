// A small coloured label for a job or snapshot status (complete, failed, cancelled, running).

const LABELS: Record<string, string> = {
  complete: 'complete',
  failed: 'failed',
  cancelled: 'cancelled',
  running: 'running',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${LABELS[status] ? status : 'other'}`}>{LABELS[status] ?? status}</span>;
}
