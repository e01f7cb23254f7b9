// The desktop app's entry point: starts the locked-down shell with the Okta Prep service behind its IPC channel.
import { createDesktopService } from './desktopService';
import { startApp } from './main';

startApp({ createService: createDesktopService });
