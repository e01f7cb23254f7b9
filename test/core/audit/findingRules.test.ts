// Each finding rule on a crafted org where it fires and one where it must not: the tidy org (no rule fires at all)
// with one edit, served by the fake Okta server and pulled over HTTP into SQLite.
import { afterAll, describe, expect, it } from 'vitest';
import {
  addGroup,
  addGroupMember,
  assignAppToGroup,
  assignAppToUser,
  assignRoleToGroup,
  assignRoleToUser,
  removeGroupMember,
  updateApp,
  updateUser,
} from '../../../electron/core/fake-okta/mutateOrg';
import { STANDARD_ROLE_LABELS } from '../../../electron/core/fake-okta/generateRoles';
import type { Finding } from '../../../shared/audit/auditTypes';
import { auditEditedOrg, type EditedOrgAudit } from '../../helpers/auditTidyOrg';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const opened: EditedOrgAudit[] = [];
afterAll(() => opened.forEach((audit) => audit.db.close()));

async function audit(...args: Parameters<typeof auditEditedOrg> extends [string, ...infer Rest] ? Rest : never) {
  const result = await auditEditedOrg(tempDir(), ...args);
  opened.push(result);
  return result;
}

const subjects = (findings: Finding[]) => findings.map((finding) => finding.subject.id).sort();
const relatedIds = (finding: Finding | undefined) => finding?.related.map((object) => object.id).sort();
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');

describe('the tidy org', () => {
  it('has no finding at all (each rule\'s "must not fire" starts here)', async () => {
    const { findings, firstPage } = await audit(() => {});
    expect(firstPage().findings).toEqual([]);
    expect(findings('super-admins')).toEqual([]);
  });
});

describe('inactive-user-access', () => {
  it('fires for a suspended user in an assigned group and a deprovisioned user still assigned an app', async () => {
    const { findings, tidy } = await audit((org) => {
      updateUser(org.server, org.users[0]!, { status: 'SUSPENDED' });
      org.org.users.find((user) => user.id === org.users[3])!.status = 'DEPROVISIONED';
      removeGroupMember(org.server, org.groupB, org.users[3]!);
      assignAppToUser(org.server, org.appA, org.users[3]!);
      assignRoleToUser(org.server, org.users[3]!, 'READ_ONLY_ADMIN');
    });
    const found = findings('inactive-user-access');
    expect(subjects(found)).toEqual([tidy.users[0], tidy.users[3]].sort());
    const deprovisioned = found.find((finding) => finding.subject.id === tidy.users[3]);
    expect(relatedIds(deprovisioned)).toEqual([tidy.appA, 'READ_ONLY_ADMIN'].sort());
    expect(deprovisioned?.message).toBe('DEPROVISIONED user still holds 1 app and 1 admin role');
    expect(deprovisioned?.severity).toBe('high');
  });

  it('does not fire for a suspended user who holds no app and no role', async () => {
    const { findings } = await audit((org) => {
      updateUser(org.server, org.users[0]!, { status: 'SUSPENDED' });
      removeGroupMember(org.server, org.groupA, org.users[0]!);
    });
    expect(findings('inactive-user-access')).toEqual([]);
  });
});

function setFactors(org: Parameters<Parameters<typeof audit>[0]>[0], user: number, factors: [string, string][]) {
  const now = new Date().toISOString();
  org.org.factors.set(
    org.users[user]!,
    factors.map(([factorType, status], index) => ({
      id: `opw${user}${String(index).padStart(16, '0')}`,
      factorType,
      provider: 'OKTA',
      status,
      created: now,
      lastUpdated: now,
    })),
  );
}

describe('admin-no-strong-factor', () => {
  it('fires for a direct admin with only SMS and a pending push, and a group admin with no factor', async () => {
    const { findings, tidy } = await audit((org) => {
      assignRoleToUser(org.server, org.users[0]!, 'READ_ONLY_ADMIN');
      setFactors(org, 0, [
        ['sms', 'ACTIVE'],
        ['push', 'PENDING_ACTIVATION'],
      ]);
      assignRoleToGroup(org.server, org.groupB, 'HELP_DESK_ADMIN');
      org.org.factors.delete(org.users[2]!);
    });
    const found = findings('admin-no-strong-factor');
    expect(subjects(found)).toEqual([tidy.users[0], tidy.users[2]].sort());
    const smsOnly = found.find((finding) => finding.subject.id === tidy.users[0]);
    expect(smsOnly?.message).toMatch(/has no ACTIVE strong factor \(enrolled: (push, sms|sms, push)\)/);
  });

  it('does not fire for admins with an active strong factor, nor with a stricter list holding theirs', async () => {
    const { findings } = await audit((org) => {
      assignRoleToUser(org.server, org.users[0]!, 'SUPER_ADMIN');
      setFactors(org, 1, [['sms', 'ACTIVE']]);
      assignRoleToUser(org.server, org.users[1]!, 'READ_ONLY_ADMIN');
    });
    expect(findings('admin-no-strong-factor', { strongFactorTypes: ['push', 'sms'] })).toEqual([]);
    expect(subjects(findings('admin-no-strong-factor'))).toHaveLength(1);
  });

  it('is not applicable when factors were not pulled', async () => {
    const { findings, firstPage } = await audit(
      (org) => {
        assignRoleToUser(org.server, org.users[0]!, 'READ_ONLY_ADMIN');
        org.org.factors.clear();
      },
      { includeFactors: false },
    );
    expect(findings('admin-no-strong-factor')).toEqual([]);
    const rule = firstPage().rules.find((summary) => summary.id === 'admin-no-strong-factor');
    expect(rule).toMatchObject({ applicable: false, note: expect.stringContaining('--include-factors') });
  });
});

describe('dormant-user-access', () => {
  it('fires for an old last login and for a never-used old account that reach apps', async () => {
    const { findings, tidy } = await audit((org) => {
      org.org.users.find((user) => user.id === org.users[0])!.lastLogin = daysAgo(200);
      Object.assign(
        org.org.users.find((user) => user.id === org.users[2])!,
        {
          lastLogin: null,
          created: daysAgo(400),
        },
      );
    });
    const found = findings('dormant-user-access');
    expect(subjects(found)).toEqual([tidy.users[0], tidy.users[2]].sort());
    expect(relatedIds(found.find((finding) => finding.subject.id === tidy.users[0]))).toEqual([tidy.appA]);
    expect(findings('dormant-user-access', { dormantDays: 300 }).map((f) => f.subject.id)).toEqual([tidy.users[2]]);
  });

  it('does not fire for a dormant user reaching no app, a new unused account, or under the threshold', async () => {
    const { findings } = await audit((org) => {
      org.org.users.find((user) => user.id === org.users[0])!.lastLogin = daysAgo(200);
      removeGroupMember(org.server, org.groupA, org.users[0]!);
      Object.assign(
        org.org.users.find((user) => user.id === org.users[2])!,
        { lastLogin: null, created: daysAgo(10) },
      );
      org.org.users.find((user) => user.id === org.users[3])!.lastLogin = daysAgo(80);
    });
    expect(findings('dormant-user-access')).toEqual([]);
  });
});

describe('inactive-app-assigned and app-no-assignments', () => {
  it('fires for an INACTIVE app still assigned to a group, and for an app with no assignment', async () => {
    const { findings, tidy } = await audit((org) => {
      updateApp(org.server, org.appA, { status: 'INACTIVE' });
      org.org.appGroupAssignments.set(org.appB, []);
    });
    const inactive = findings('inactive-app-assigned');
    expect(subjects(inactive)).toEqual([tidy.appA]);
    expect(relatedIds(inactive[0])).toEqual([tidy.groupA]);
    expect(inactive[0]?.message).toBe('INACTIVE app still assigned to 2 user(s) and 1 group(s)');
    expect(subjects(findings('app-no-assignments'))).toEqual([tidy.appB]);
  });

  it('does not fire for an INACTIVE app with no assignment, nor for an app assigned to one user only', async () => {
    const { findings } = await audit((org) => {
      updateApp(org.server, org.appA, { status: 'INACTIVE' });
      org.org.appGroupAssignments.set(org.appA, []);
      org.org.appGroupAssignments.set(org.appB, []);
      assignAppToUser(org.server, org.appB, org.users[2]!);
    });
    expect(findings('inactive-app-assigned')).toEqual([]);
    expect(subjects(findings('app-no-assignments'))).toEqual([expect.any(String)]);
  });
});

describe('imported-group-only', () => {
  it('fires for the users who reach an app only through an APP_GROUP group', async () => {
    const { findings, tidy } = await audit((org) => {
      org.org.groups.find((group) => group.id === org.groupA)!.type = 'APP_GROUP';
    });
    const found = findings('imported-group-only');
    expect(subjects(found)).toEqual([tidy.users[0], tidy.users[1]].sort());
    expect(relatedIds(found[0])).toEqual([tidy.appA, tidy.groupA].sort());
    const [appLabel, groupName] = [
      tidy.org.apps.find((app) => app.id === tidy.appA)!.label,
      tidy.org.groups.find((group) => group.id === tidy.groupA)!.profile.name,
    ];
    expect(found[0]?.message).toBe(`reaches ${appLabel} only through imported group(s) ${groupName}`);
  });

  it('does not fire when the user also has the app directly or through an Okta group', async () => {
    const { findings } = await audit((org) => {
      org.org.groups.find((group) => group.id === org.groupA)!.type = 'APP_GROUP';
      assignAppToUser(org.server, org.appA, org.users[0]!);
      assignAppToGroup(org.server, org.appA, org.groupB);
      addGroupMember(org.server, org.groupB, org.users[1]!);
    });
    expect(findings('imported-group-only')).toEqual([]);
  });

  it('fires for an admin role held only through an imported group, after the apps', async () => {
    const { findings, tidy } = await audit((org) => {
      org.org.groups.find((group) => group.id === org.groupB)!.type = 'APP_GROUP';
      assignRoleToGroup(org.server, org.groupB, 'READ_ONLY_ADMIN');
      assignRoleToGroup(org.server, org.groupA, 'HELP_DESK_ADMIN');
    });
    const found = findings('imported-group-only');
    const roleFindings = found.filter((finding) => finding.related[0]?.type === 'role');
    expect(subjects(roleFindings)).toEqual([tidy.users[2], tidy.users[3]].sort());
    expect(found.map((finding) => finding.related[0]?.type)).toEqual(['app', 'app', 'role', 'role']);
    expect(relatedIds(roleFindings[0])).toEqual(['READ_ONLY_ADMIN', tidy.groupB].sort());
    const groupName = tidy.org.groups.find((group) => group.id === tidy.groupB)!.profile.name;
    expect(roleFindings[0]?.message).toBe(
      `holds admin role ${STANDARD_ROLE_LABELS.READ_ONLY_ADMIN} only through imported group(s) ${groupName}`,
    );
  });

  it('does not fire for a role the user also holds directly or through an Okta group', async () => {
    const { findings } = await audit((org) => {
      org.org.groups.find((group) => group.id === org.groupB)!.type = 'APP_GROUP';
      assignRoleToGroup(org.server, org.groupB, 'READ_ONLY_ADMIN');
      assignRoleToUser(org.server, org.users[2]!, 'READ_ONLY_ADMIN');
      assignRoleToGroup(org.server, org.groupA, 'READ_ONLY_ADMIN');
      addGroupMember(org.server, org.groupA, org.users[3]!);
      assignAppToUser(org.server, org.appB, org.users[2]!);
      assignAppToUser(org.server, org.appB, org.users[3]!);
    });
    expect(findings('imported-group-only')).toEqual([]);
  });
});

describe('direct-bypasses-group', () => {
  it('fires for direct assignments of a group-assigned app, naming the groups the user is also in', async () => {
    const { findings, tidy } = await audit((org) => {
      assignAppToUser(org.server, org.appA, org.users[0]!);
      assignAppToUser(org.server, org.appA, org.users[2]!);
    });
    const found = findings('direct-bypasses-group');
    expect(subjects(found)).toEqual([tidy.users[0], tidy.users[2]].sort());
    expect(relatedIds(found.find((f) => f.subject.id === tidy.users[0]))).toEqual([tidy.appA, tidy.groupA].sort());
    expect(relatedIds(found.find((f) => f.subject.id === tidy.users[2]))).toEqual([tidy.appA]);
  });

  it('does not fire for a direct assignment of an app no group is assigned', async () => {
    const { findings } = await audit((org) => {
      org.org.appGroupAssignments.set(org.appB, []);
      assignAppToUser(org.server, org.appB, org.users[2]!);
    });
    expect(findings('direct-bypasses-group')).toEqual([]);
  });
});

describe('empty-group and unused-group', () => {
  it('fires for a group with no members (empty and unused) and a group with members but no app or role', async () => {
    let empty = '';
    let idle = '';
    const { findings } = await audit((org) => {
      empty = addGroup(org.server, { name: 'Nobody' }).id;
      idle = addGroup(org.server, { name: 'Idle' }).id;
      addGroupMember(org.server, idle, org.users[0]!);
    });
    expect(subjects(findings('empty-group'))).toEqual([empty]);
    expect(subjects(findings('unused-group'))).toEqual([empty, idle].sort());
  });

  it('does not fire for a group that has members and holds an admin role', async () => {
    const { findings } = await audit((org) => {
      const admins = addGroup(org.server, { name: 'Admins' }).id;
      addGroupMember(org.server, admins, org.users[0]!);
      assignRoleToGroup(org.server, admins, 'READ_ONLY_ADMIN');
    });
    expect(findings('empty-group')).toEqual([]);
    expect(findings('unused-group')).toEqual([]);
  });

  it('does not call a group empty when its counts say it has members that could not be read', async () => {
    const denied = '00gDeniedMembers0001';
    const { findings, db, snapshotId } = await audit(
      (org) => {
        addGroup(org.server, { name: 'Scoped away', id: denied });
        addGroupMember(org.server, denied, org.users[0]!);
      },
      { deniedObjects: [denied] },
    );
    const readMembers = db.prepare(`SELECT count(*) FROM group_members WHERE snapshot_id = ? AND group_id = ?`);
    expect(readMembers.pluck().get(snapshotId, denied)).toBe(0);
    expect(findings('empty-group')).toEqual([]);
  });
});

describe('super-admins', () => {
  it('lists each super admin, direct or through a group, with the count', async () => {
    const { findings, tidy } = await audit((org) => {
      assignRoleToUser(org.server, org.users[0]!, 'SUPER_ADMIN');
      assignRoleToGroup(org.server, org.groupB, 'SUPER_ADMIN');
    });
    const found = findings('super-admins');
    expect(subjects(found)).toEqual([tidy.users[0], tidy.users[2], tidy.users[3]].sort());
    expect(found.find((f) => f.subject.id === tidy.users[0])?.message).toBe('one of 3 super admin(s), directly');
    expect(found.find((f) => f.subject.id === tidy.users[2])?.related.map((r) => r.id)).toEqual([
      'SUPER_ADMIN',
      tidy.groupB,
    ]);
  });

  it('does not list holders of other admin roles', async () => {
    const { findings } = await audit((org) => assignRoleToUser(org.server, org.users[0]!, 'ORG_ADMIN'));
    expect(findings('super-admins')).toEqual([]);
  });
});
