// Generates the fake org's apps: a mix of signOnModes, ~15% INACTIVE, hard-string labels, some never assigned.
import type { AppStatus, OktaApp } from '../../../shared/okta/types';
import { APP_CATALOG, DIRECTORY_APP, INSTANCE_SUFFIXES, buildApp, type AppTemplate } from './appCatalog';
import { FAKE_NOW_MS, FAKE_ORG_CREATED_MS, oktaTimestamp, randomInstant } from './fakeClock';
import { HARD_APP_LABELS, HARD_STRING_MIN_APPS } from './hardStrings';
import { ID_PREFIX, compareIds, type OktaIdFactory } from './ids';
import type { SeededRandom } from './random';

export interface PlannedApp {
  app: OktaApp;
  /** True for apps that get no user and no group assignment at all. */
  unassigned: boolean;
  /** True for the directory integration that AD-sourced users and APP_GROUPs come from. */
  isDirectory: boolean;
}

export interface GeneratedApps {
  /** In creation order (the assignment generator relies on it); FakeOrg.apps is sorted by id. */
  planned: PlannedApp[];
  directoryAppId: string | null;
}

function templateLabel(template: AppTemplate, useCount: number): string {
  if (useCount === 0) return template.label;
  const suffix = INSTANCE_SUFFIXES[(useCount - 1) % INSTANCE_SUFFIXES.length] as string;
  const round = Math.floor((useCount - 1) / INSTANCE_SUFFIXES.length);
  return `${template.label}${suffix}${round > 0 ? ` ${round + 1}` : ''}`;
}

export function generateApps(count: number, ids: OktaIdFactory, random: SeededRandom): GeneratedApps {
  const withDirectory = count >= 2;
  // Hard labels go after the directory app unless the org is too small to fit all five that way.
  const hardStart = withDirectory && count > HARD_APP_LABELS.length ? 1 : 0;
  const useHardLabels = count >= HARD_STRING_MIN_APPS;
  const catalogOrder = random.shuffled(APP_CATALOG);
  const uses = new Map<AppTemplate, number>();
  const planned: PlannedApp[] = [];
  for (let i = 0; i < count; i++) {
    const isDirectory = withDirectory && i === 0;
    const template = isDirectory ? DIRECTORY_APP : (catalogOrder[i % catalogOrder.length] as AppTemplate);
    const useCount = uses.get(template) ?? 0;
    uses.set(template, useCount + 1);
    const hardLabel = useHardLabels && i >= hardStart ? HARD_APP_LABELS[i - hardStart] : undefined;
    const isLast = i === count - 1;
    const forcedInactive = isLast && count >= HARD_STRING_MIN_APPS;
    const status: AppStatus = forcedInactive || (!isDirectory && random.chance(0.13)) ? 'INACTIVE' : 'ACTIVE';
    const forcedUnassigned = count >= HARD_STRING_MIN_APPS && (isLast || i === count - 2);
    const created = randomInstant(random, FAKE_ORG_CREATED_MS, FAKE_NOW_MS);
    const app = buildApp({
      template,
      id: ids.next(ID_PREFIX.app),
      label: hardLabel ?? templateLabel(template, useCount),
      status,
      created: oktaTimestamp(created),
      lastUpdated: oktaTimestamp(randomInstant(random, created, FAKE_NOW_MS)),
      signingKid: Buffer.from(String(random.next())).toString('base64url').slice(0, 43),
    });
    planned.push({ app, isDirectory, unassigned: forcedUnassigned || (!isDirectory && random.chance(0.07)) });
  }
  return { planned, directoryAppId: withDirectory ? (planned[0] as PlannedApp).app.id : null };
}

export function sortAppsById(planned: readonly PlannedApp[]): OktaApp[] {
  return planned.map((p) => p.app).sort((a, b) => compareIds(a.id, b.id));
}
