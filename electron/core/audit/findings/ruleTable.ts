// The finding rules in the order they are reported (most severe first): id, severity, title, one-line explanation
// and thresholds are on each rule; README's rules table lists the same.
import type { FindingRule } from './findingRule';
import { adminWithoutStrongFactor } from './rules/adminWithoutStrongFactor';
import { appWithoutAssignments, inactiveAppAssigned } from './rules/appRules';
import { directBypassesGroup } from './rules/directBypassesGroup';
import { dormantUserAccess } from './rules/dormantUserAccess';
import { emptyGroup, unusedGroup } from './rules/groupRules';
import { importedGroupOnly } from './rules/importedGroupOnly';
import { inactiveUserAccess } from './rules/inactiveUserAccess';
import { superAdmins } from './rules/superAdmins';

export const FINDING_RULES: readonly FindingRule[] = [
  inactiveUserAccess,
  adminWithoutStrongFactor,
  dormantUserAccess,
  inactiveAppAssigned,
  importedGroupOnly,
  directBypassesGroup,
  emptyGroup,
  appWithoutAssignments,
  unusedGroup,
  superAdmins,
];
