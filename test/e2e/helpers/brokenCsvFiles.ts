// Broken upload files for the Validate specs: an entities file with a bad entity type and a relations file with a wrong
// header.
import { ENTITY_COLUMNS } from '../../../shared/balkanid/columns';

export const BAD_ENTITY_TYPE_LINE = 3;
export const BAD_ENTITY_TYPE_VALUE = 'person';

export const BROKEN_ENTITIES_CSV = [
  ENTITY_COLUMNS.join(','),
  'okta,Ada Lovelace,identity,okta,00u1,user,v1,"{""username"":""ada@example.com""}"',
  `okta,Bob Jones,${BAD_ENTITY_TYPE_VALUE},okta,00u2,user,v1,"{""username"":""bob@example.com""}"`,
  'okta,Everyone,connection,okta,00g1,group,v1,',
  '',
].join('\r\n');

/** "Parent ID" instead of "Parent Entity Source ID": the header check must name it. */
export const BROKEN_RELATIONS_CSV = [
  'App,Parent ID,Parent Entity Type,Entity Source ID,Entity Type,Source System,Metadata Version,Metadata',
  'okta,00g1,connection,00u1,identity,okta,,',
  '',
].join('\r\n');
