import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/services` installs it when it is missing). */
export const chromiumPath = process.env.OPTPAPER_TEST_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Start headless Chromium as this machine allows it: no sandbox (root), no background networking
 * (the closed network would refuse its connections).
 *
 * @returns The browser; close it after the test.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
