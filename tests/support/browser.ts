import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install it (`apt-get install -y chromium`) or set CHROME_PATH to a Chromium/Chrome binary.',
    );
  }
  return found;
}

/**
 * Debian's Chromium, headless. The networking flags keep it from calling home: this machine's
 * network is closed and those attempts otherwise fail noisily at every start. `extraArgs` adds
 * flags for one test file (a fake camera).
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * A phone: 390×844 like a current mid-size handset, touch, Chinese first. Set to Beijing time
 * unless a test asks for another zone (a phone bought abroad, or left on UTC).
 */
export function newPhoneContext(browser: Browser, locale = 'zh-CN', timezoneId = 'Asia/Shanghai'): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId,
    serviceWorkers: 'allow',
  });
}
