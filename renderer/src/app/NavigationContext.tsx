// Which screen is showing; remembered for the tab so a reload returns to the same place.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { isScreenId, type ScreenId } from './screens';

const STORAGE_KEY = 'okta-prep.screen';

interface NavigationValue {
  screen: ScreenId;
  navigate: (screen: ScreenId) => void;
}

const NavigationContext = createContext<NavigationValue>({ screen: 'connect', navigate: () => undefined });

function rememberedScreen(): ScreenId {
  try {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    return isScreenId(stored) ? stored : 'connect';
  } catch {
    return 'connect';
  }
}

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [screen, setScreen] = useState<ScreenId>(rememberedScreen);
  const navigate = useCallback((next: ScreenId) => {
    setScreen(next);
    try {
      window.sessionStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage can be unavailable (private mode); navigation still works for this page.
    }
  }, []);
  const value = useMemo(() => ({ screen, navigate }), [screen, navigate]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): NavigationValue {
  return useContext(NavigationContext);
}
