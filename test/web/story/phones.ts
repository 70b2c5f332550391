import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support.js';

/**
 * The judges' phones: a browser of their own with one context per judge, so each phone
 * keeps its own sign-in and outbox (localStorage) as five real phones would. The flags
 * are the ones support.ts starts the organizer's browser with.
 */
export async function launchPhones(): Promise<{ browser: Browser; phone(): Promise<BrowserContext> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    browser,
    phone: () =>
      browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        reducedMotion: 'reduce',
      }),
  };
}
