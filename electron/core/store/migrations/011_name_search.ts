// Migration 11: the trigram index of user, group and app names (store/nameSearch.ts) that makes the Browse screen's
// search and name filters fast at ten million relations, built for every snapshot already complete. The SQL comes from
// nameSearch.ts, so the index a migrated cache holds is the one a new pull builds.
import { nameSearchFillSql, nameSearchSchemaSql } from '../nameSearch';

export const migration011NameSearch = `
${nameSearchSchemaSql()}
${nameSearchFillSql('main', `(SELECT id FROM snapshots WHERE status = 'complete')`)}
`;
