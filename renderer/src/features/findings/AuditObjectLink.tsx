// An object a finding involves: users, groups and apps open in the detail panel; roles and factors (which have no
// detail panel) are named as text.
import type { AuditObjectRef } from '../../../../shared/audit/auditTypes';
import type { OpenDetail } from '../browse/detailSelection';
import { LinkButton } from '../browse/LinkButton';

export function AuditObjectLink({ object, open }: { object: AuditObjectRef; open: OpenDetail }) {
  const { type, id, name } = object;
  if (type === 'user' || type === 'group' || type === 'app')
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
