// Human labels for service field names, relation kinds and object kinds.
import type { RelationKind } from '../../../shared/balkanid/columns';

/** "firstName" → "First name", "last_login" → "Last login", "id" → "ID". */
export function humaniseName(name: string): string {
  if (name.toLowerCase() === 'id') return 'ID';
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  const withIds = words
    .replace(/\bid\b/g, 'ID')
    .replace(/\burl\b/g, 'URL')
    .replace(/\bmfa\b/g, 'MFA');
  return withIds.charAt(0).toUpperCase() + withIds.slice(1);
}

export const RELATION_KIND_LABELS: Record<RelationKind, { label: string; description: string }> = {
  groupMembership: { label: 'Group memberships', description: 'user → group' },
  directAppAssignment: { label: 'Direct app assignments', description: 'user → app, assigned to the user' },
  groupAppAssignment: { label: 'Group app assignments', description: 'group → app' },
  userAdminRole: { label: 'User admin roles', description: 'user → admin role' },
  groupAdminRole: { label: 'Group admin roles', description: 'group → admin role' },
};

export function relationKindLabel(kind: string): string {
  return (RELATION_KIND_LABELS as Record<string, { label: string }>)[kind]?.label ?? humaniseName(kind);
}
