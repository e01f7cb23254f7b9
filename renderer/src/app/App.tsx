// The app shell: providers, skip link, header navigation and the current screen in <main>.
import { useEffect, useRef, type ComponentType } from 'react';
import { BrowseScreen } from '../features/browse/BrowseScreen';
import { CompareScreen } from '../features/compare/CompareScreen';
import { ConnectScreen } from '../features/connect/ConnectScreen';
import { ExportScreen } from '../features/export/ExportScreen';
import { FindingsScreen } from '../features/findings/FindingsScreen';
import { PullScreen } from '../features/pull/PullScreen';
import { UploadScreen } from '../features/upload/UploadScreen';
import { ValidateScreen } from '../features/validate/ValidateScreen';
import { AppNavigation } from './AppNavigation';
import { ConnectionProvider } from './ConnectionContext';
import { ExportOptionsProvider } from './ExportOptionsContext';
import { JobsProvider } from './JobsContext';
import { NavigationProvider, useNavigation } from './NavigationContext';
import type { ScreenId } from './screens';
import { SnapshotsProvider } from './SnapshotsContext';
import { StepIndicator } from './StepIndicator';

const SCREEN_COMPONENTS: Record<ScreenId, ComponentType> = {
  connect: ConnectScreen,
  pull: PullScreen,
  browse: BrowseScreen,
  findings: FindingsScreen,
  compare: CompareScreen,
  validate: ValidateScreen,
  export: ExportScreen,
  upload: UploadScreen,
};

function CurrentScreen() {
  const { screen } = useNavigation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After navigating, move focus to the new screen's heading so keyboard and screen-reader users land there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screen]);
  const Screen = SCREEN_COMPONENTS[screen];
  return (
    <main id="main" ref={mainRef} className="app-main">
      <Screen />
    </main>
  );
}

export function App() {
  return (
    <NavigationProvider>
      <JobsProvider>
        <ConnectionProvider>
          <SnapshotsProvider>
            <ExportOptionsProvider>
              <a className="skip-link" href="#main">
                Skip to content
              </a>
              <AppNavigation />
              <StepIndicator />
              <CurrentScreen />
            </ExportOptionsProvider>
          </SnapshotsProvider>
        </ConnectionProvider>
      </JobsProvider>
    </NavigationProvider>
  );
}
