// How the browser tests and the UI benchmark start Chromium: Debian's build, headless, and without the background
// traffic (component updates, sync, first-run pages) a test machine must not make.
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};

/** The window size the browser tests and the UI benchmark draw the app at. */
export const TEST_VIEWPORT = { width: 1280, height: 900 };
