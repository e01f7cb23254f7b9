// An object a finding involves: users, groups, apps and admin roles open in the detail panel; factors (which have no
// detail panel) are named as text.
import type { AuditObjectRef } from '../../../../shared/audit/auditTypes';
import type { OpenDetail } from '../browse/detailSelection';
import { LinkButton } from '../browse/LinkButton';

export function AuditObjectLink({ object, open }: { object: AuditObjectRef; open: OpenDetail }) {
  const { type, id, name } = object;
  if (type !== 'factor')
    return (
      <>
        <span className="muted">{type} </span>
        <LinkButton target={{ kind: type, id, name }} open={open} />
      </>
    );
  return (
    <span>
      <span className="muted">{type} </span>
      {name || id}
    </span>
  );
}
