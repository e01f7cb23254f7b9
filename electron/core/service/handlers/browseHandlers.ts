// browse.*, answered by the browse worker off the main thread: pages of each table and the who-has-what-and-why
// detail of a user, group, app or role.
import type { HandlersOf, ServiceContext } from './serviceContext';

export function browseHandlers({ browse }: ServiceContext): HandlersOf<'browse'> {
  return {
    'browse.page': (params) => browse.call('browse.page', params),
    'browse.userAccess': (params) => browse.call('browse.userAccess', params),
    'browse.group': (params) => browse.call('browse.group', params),
    'browse.app': (params) => browse.call('browse.app', params),
    'browse.role': (params) => browse.call('browse.role', params),
  };
}
