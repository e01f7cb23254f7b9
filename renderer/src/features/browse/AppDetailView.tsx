// An app's detail (browse.app): the groups assigned to it, and who reaches it by which paths (audit.access).
import type { AppDetail } from '../../../../shared/service/types';
import { formatCount } from '../../format/formatDuration';
import type { OpenDetail } from './detailSelection';
import { AppAccessPaths } from './AppAccessPaths';
import { DetailListSection } from './DetailListSection';
import { LinkButton } from './LinkButton';
import { RecordFields } from './RecordFields';

export function AppDetailView({
  snapshotId,
  detail,
  open,
}: {
  snapshotId: number;
  detail: AppDetail;
  open: OpenDetail;
}) {
  return (
    <>
      <RecordFields record={detail.app} label="App attributes" />
      <p>
        {formatCount(detail.directUserCount)} users assigned directly · {formatCount(detail.groupUserCount)} through
        groups
      </p>
      <DetailListSection
        title="Groups assigned"
        items={detail.groups}
        emptyText="No groups assigned."
        keyOf={(group) => group.id}
        renderItem={(group) => (
          <>
            <LinkButton target={{ kind: 'group', id: group.id, name: group.name }} open={open} />
            {group.priority !== null && <span className="muted"> priority {group.priority}</span>}
          </>
        )}
      />
      <AppAccessPaths snapshotId={snapshotId} appId={String(detail.app.id)} open={open} />
    </>
  );
}
