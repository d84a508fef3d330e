import { existsSync } from 'node:fs';

/** Debian's Chromium (playwright-core brings no browser of its own). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch options for playwright-core: no background connections, which this machine's closed network refuses. */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** Browser tests run where Chromium is installed, and always in CI, where a missing Chromium must fail them. */
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM_PATH) || Boolean(process.env.CI);
