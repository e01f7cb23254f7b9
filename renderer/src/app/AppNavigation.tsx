// The top bar: app name, the saved connection at a glance, and the screen navigation.
import { useConnection } from './ConnectionContext';
import { HeaderSnapshot } from './HeaderSnapshot';
import { useNavigation } from './NavigationContext';
import { SCREENS } from './screens';

function ConnectionSummary() {
  const { connection } = useConnection();
  if (connection === undefined) return null;
  if (connection === null) return <span className="header-connection">Not connected</span>;
  const host = connection.orgUrl.replace(/^https?:\/\//, '');
  return <span className="header-connection">{connection.isSampleOrg ? 'Sample org' : host}</span>;
}

export function AppNavigation() {
  const { screen, navigate } = useNavigation();
  return (
    <header className="app-header">
      <span className="app-name">Okta Prep</span>
      <nav aria-label="Main">
        <ul className="nav-list">
          {SCREENS.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={screen === item.id ? 'page' : undefined}
                onClick={() => navigate(item.id)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <ConnectionSummary />
      <HeaderSnapshot />
    </header>
  );
}
